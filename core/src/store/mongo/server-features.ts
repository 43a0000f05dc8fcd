import type { Connection } from 'mongoose';
import type { UpdateMode } from './conditional-update';

/**
 * FerretDB v1 answers `buildInfo` with a `ferretdbVersion` (`v1.24.2`, or `unknown` when
 * embedded as in the test services); its conditional updates are not atomic. FerretDB 2 runs
 * on PostgreSQL's DocumentDB extension, whose updates are, and MongoDB has no such field.
 */
export async function detectUpdateMode(connection: Connection): Promise<UpdateMode> {
  const info = await connection.getClient().db('admin').command({ buildInfo: 1 });
  const ferret = info.ferretdbVersion;
  if (typeof ferret !== 'string') return 'atomic';
  const major = /^v?(\d+)\./.exec(ferret)?.[1];
  return major !== undefined && Number(major) >= 2 ? 'atomic' : 'guarded';
}
