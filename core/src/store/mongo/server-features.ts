import type { Connection } from 'mongoose';
import type { Logger } from '../../logging/logger';

/**
 * The store relies on the server applying each single-document update atomically (a save
 * pinned to a version, a claim pinned to a status). MongoDB and FerretDB 2 do. FerretDB v1
 * does not: it evaluates the filter, then writes the document in a second step, so two
 * concurrent saves from one version can both "succeed" (FerretDB#3040). The test services
 * put a command-serializing proxy in front of it; anything else deserves a loud warning.
 */
export async function warnIfUpdatesAreNotAtomic(connection: Connection, logger: Logger): Promise<void> {
  const info = await connection.getClient().db('admin').command({ buildInfo: 1 });
  const ferret = info.ferretdbVersion;
  if (typeof ferret !== 'string') return;
  const major = Number(/^v?(\d+)\./.exec(ferret)?.[1] ?? 1);
  if (major >= 2) return;
  logger.warn(
    { ferretdbVersion: ferret },
    'FerretDB v1 does not apply conditional updates atomically: concurrent saves or claims can both succeed unless commands are serialized (as the test services do); use MongoDB or FerretDB 2 in production',
  );
}
