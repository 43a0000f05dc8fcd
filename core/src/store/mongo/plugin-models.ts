import type { Aggregate, Connection, InferSchemaType, Model, MongooseQueryOrDocumentMiddleware, Query, Schema } from 'mongoose';
import { StoreValidationError } from '../conversation-store';
import { HOTEL_ID } from '../validate-input';

export interface PluginModelOptions {
  /**
   * On (the default), the model is tenant-scoped like the conversation store: documents need
   * a valid `hotelId`, and every query, update, delete and aggregation must filter on exactly
   * one hotel or it throws {@link StoreValidationError}. Turn off only for data that truly
   * belongs to no hotel.
   */
  tenantScoped?: boolean;
}

const PLUGIN_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MODEL_NAME = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;

const QUERY_OPERATIONS: MongooseQueryOrDocumentMiddleware[] = [
  'countDocuments',
  'distinct',
  'estimatedDocumentCount',
  'find',
  'findOne',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
  'deleteMany',
  'deleteOne',
  'findOneAndDelete',
];

export function pluginCollectionName(plugin: string, name: string): string {
  if (!PLUGIN_NAME.test(plugin)) throw new StoreValidationError(`plugin model: invalid plugin name "${plugin}"`);
  if (!MODEL_NAME.test(name)) throw new StoreValidationError(`plugin model: invalid model name "${name}" (letters, digits, dashes)`);
  return `${plugin}_${name}`;
}

function isHotelId(value: unknown): boolean {
  return typeof value === 'string' && HOTEL_ID.test(value);
}

/** The hotel an update would move a document to, if it tries to. */
function hotelIdWrittenBy(update: unknown): { writes: boolean; value?: unknown } {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return { writes: Array.isArray(update) };
  const u = update as Record<string, Record<string, unknown> | undefined>;
  for (const op of ['$set', '$setOnInsert']) if (u[op] && 'hotelId' in u[op]!) return { writes: true, value: u[op]!.hotelId };
  for (const op of ['$unset', '$rename', '$inc', '$min', '$max', '$mul', '$push', '$addToSet', '$pull', '$currentDate']) {
    if (u[op] && 'hotelId' in u[op]!) return { writes: true, value: undefined };
  }
  if ('hotelId' in u) return { writes: true, value: u.hotelId };
  return { writes: false };
}

/**
 * Makes a plugin schema tenant-scoped: a required, validated `hotelId`, an index on it unless
 * the plugin's own indexes already lead with it, and middleware that refuses any query,
 * update, delete or aggregation not confined to one hotel. (`Model.collection` is the raw
 * driver and bypasses this; plugins must not use it for tenant data.)
 */
export function applyTenantScope(schema: Schema, collection: string): void {
  const declared = schema.path('hotelId');
  if (!declared) schema.add({ hotelId: { type: String, required: true, match: HOTEL_ID } });
  else declared.required(true).validate((v: unknown) => isHotelId(v), 'invalid hotel id');
  if (!schema.indexes().some(([fields]) => Object.keys(fields)[0] === 'hotelId')) schema.index({ hotelId: 1 });

  const refuse = (operation: string, why: string): never => {
    throw new StoreValidationError(`${collection}.${operation}: ${why}; every query on a tenant-scoped model must filter on one hotelId`);
  };

  schema.pre(QUERY_OPERATIONS, { document: false, query: true }, function (this: Query<unknown, unknown>) {
    const operation = (this as unknown as { op?: string }).op ?? 'query';
    const filter = this.getFilter() as Record<string, unknown>;
    if (!isHotelId(filter.hotelId)) refuse(operation, 'no hotelId in the filter');
    const update = this.getUpdate();
    if (update) {
      const written = hotelIdWrittenBy(update);
      if (written.writes && written.value !== filter.hotelId) refuse(operation, 'the update would move documents to another hotel');
    }
  });

  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    const first = this.pipeline()[0] as { $match?: Record<string, unknown> } | undefined;
    if (!first?.$match || !isHotelId(first.$match.hotelId)) refuse('aggregate', 'the pipeline must start with { $match: { hotelId } }');
  });

  // `insertMany(…, { lean: true })` skips validation, so check the one field that matters here.
  schema.pre('insertMany', function (docs) {
    for (const doc of ([] as unknown[]).concat(docs) as Record<string, unknown>[]) {
      if (!isHotelId(doc?.hotelId)) refuse('insertMany', 'a document without a valid hotelId');
    }
  });

  schema.pre('bulkWrite', function (ops) {
    for (const op of ops as Record<string, Record<string, unknown>>[]) {
      const [kind, body] = Object.entries(op)[0] ?? [];
      if (!kind || !body) continue;
      if (kind === 'insertOne') {
        if (!isHotelId((body.document as Record<string, unknown> | undefined)?.hotelId))
          refuse('bulkWrite', 'an insertOne without a valid hotelId');
        continue;
      }
      const filter = body.filter as Record<string, unknown> | undefined;
      if (!isHotelId(filter?.hotelId)) refuse('bulkWrite', `a ${kind} without hotelId in its filter`);
      const written = hotelIdWrittenBy(body.update ?? body.replacement);
      if (written.writes && written.value !== filter!.hotelId) refuse('bulkWrite', `a ${kind} would move documents to another hotel`);
    }
  });
}

/**
 * Keeps the plugin models of one connection (behind the MongoDB store's plugin collections)
 * and builds their indexes: all together at open, or right away for models added while open.
 */
export class PluginModelRegistry {
  private readonly models = new Map<string, { model: Model<unknown>; schema: Schema }>();
  private readonly builds = new Set<Promise<void>>();

  constructor(
    private readonly connection: Connection,
    private readonly isOpen: () => boolean,
    private readonly onIndexError: (collection: string, err: unknown) => void,
  ) {}

  /** The model of `<plugin>_<name>`, created once; the same names again give it back (with the same schema only). */
  model<TSchema extends Schema>(
    plugin: string,
    name: string,
    schema: TSchema,
    options: PluginModelOptions = {},
  ): Model<InferSchemaType<TSchema>> {
    const collection = pluginCollectionName(plugin, name);
    const existing = this.models.get(collection);
    if (existing) {
      if (existing.schema !== schema) throw new StoreValidationError(`plugin model ${collection} is already defined with another schema`);
      return existing.model as unknown as Model<InferSchemaType<TSchema>>;
    }
    // A copy, so the plugin's schema object is not changed by the options below.
    const own = schema.clone();
    own.set('bufferCommands', false);
    own.set('autoIndex', false);
    own.set('autoCreate', false);
    if (options.tenantScoped !== false) applyTenantScope(own, collection);
    const model = this.connection.model(collection, own, collection) as unknown as Model<unknown>;
    this.models.set(collection, { model, schema });
    if (this.isOpen()) this.track(this.buildIndexes(model).catch((err: unknown) => this.onIndexError(collection, err)));
    return model as unknown as Model<InferSchemaType<TSchema>>;
  }

  /** Builds every plugin model's indexes (at open). */
  async buildAll(): Promise<void> {
    await Promise.all([...this.models.values()].map(({ model }) => this.buildIndexes(model)));
  }

  /** Resolves when index builds started for models added while open have finished. */
  async whenIndexed(): Promise<void> {
    await Promise.all([...this.builds]);
  }

  private track(build: Promise<void>): void {
    this.builds.add(build);
    void build.finally(() => this.builds.delete(build));
  }

  private async buildIndexes(model: Pick<Model<unknown>, 'createIndexes'>): Promise<void> {
    await model.createIndexes();
  }
}
