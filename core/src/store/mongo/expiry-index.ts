import type { Model } from 'mongoose';
import type { Logger } from '../../logging/logger';
import { isUnavailableError } from './connectivity';

const TTL_INDEX = 'expires_at_ttl';
const PLAIN_INDEX = 'expires_at';

/**
 * Indexes `expiresAt` so the server removes expired documents itself where it can (a TTL
 * index: MongoDB), and so the application's sweep finds them quickly where it cannot
 * (FerretDB v1 has no TTL indexes). Returns whether the server will expire documents; the
 * sweeper runs either way, because even MongoDB's TTL monitor only runs once a minute.
 */
export async function ensureExpiryIndex(model: Pick<Model<unknown>, 'collection' | 'listIndexes'>, logger: Logger): Promise<boolean> {
  const collection = model.collection.collectionName;
  try {
    await model.collection.createIndex({ expiresAt: 1 }, { name: TTL_INDEX, expireAfterSeconds: 0 });
  } catch (err) {
    if (isUnavailableError(err)) throw err;
    logger.info({ collection, reason: (err as Error).message }, 'server has no TTL indexes; expired documents are removed by the sweeper');
    await model.collection.createIndex({ expiresAt: 1 }, { name: PLAIN_INDEX });
    return false;
  }
  // Some servers accept the option and ignore it: believe only what they list back.
  const indexes: { name?: string; expireAfterSeconds?: unknown }[] = await model.listIndexes();
  const ttl = indexes.some((i) => i.name === TTL_INDEX && typeof i.expireAfterSeconds === 'number');
  if (!ttl) logger.info({ collection }, 'server ignored the TTL option; expired documents are removed by the sweeper');
  return ttl;
}
