import mongoose from 'mongoose';
import { createLogger } from '../../src/logging/logger';

let databases = 0;

/** The shared test server, from the jest global setup (or the caller's MONGODB_URI). */
export function mongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run the store tests through jest (its global setup starts the test services)');
  return uri;
}

/** A database name no other test file (or earlier run) uses, so files can run in parallel. */
export function uniqueDatabaseName(prefix: string): string {
  databases += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${databases}`;
}

export async function dropDatabase(uri: string, name: string): Promise<void> {
  const connection = await mongoose.createConnection(uri, { dbName: name, serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

export const silentLogger = createLogger({ level: 'silent' });
