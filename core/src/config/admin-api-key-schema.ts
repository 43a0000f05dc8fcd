import { z } from 'zod';
import { ADMIN_ROLES } from '../admin/admin-roles';

const MIN_KEY_LENGTH = 16;
const apiKey = z.string().min(MIN_KEY_LENGTH, `expected an API key of at least ${MIN_KEY_LENGTH} characters`);

/** One entry of `admin.apiKeys`, as the admin check uses it. */
export interface AdminApiKey {
  readonly key: string;
  /** Every hotel (`'*'`), or these hotel ids. */
  readonly hotels: '*' | readonly string[];
  readonly role: (typeof ADMIN_ROLES)[number];
  /** Who holds the key, for logs and `ctx.state.admin.name`; never the key itself. */
  readonly name?: string;
}

/**
 * A key limited to some hotels and a role: `{ key, hotels: [ids] | '*', role, name? }`.
 * Hotel ids are checked against `hotels` by the config schema, which knows them.
 */
export const scopedApiKeySchema = z
  .object({
    key: apiKey,
    hotels: z.union([z.literal('*'), z.array(z.string().min(1)).min(1, 'expected at least one hotel id, or "*" for every hotel')]),
    role: z.enum(ADMIN_ROLES),
    name: z.string().min(1).max(100).optional(),
  })
  .strict();

/**
 * `admin.apiKeys[i]`: a plain string is the original form and keeps its original meaning, full
 * access — every hotel, role `admin` — so configs written before scoped keys existed still work.
 */
export const adminApiKeySchema = z.union([
  apiKey.transform((key): AdminApiKey => ({ key, hotels: '*', role: 'admin' })),
  scopedApiKeySchema,
]);

/** `admin.apiKeys`: one entry per key, since two entries of one key would grant it two scopes. */
export const adminApiKeysSchema = z.array(adminApiKeySchema).superRefine((entries, ctx) => {
  const first = new Map<string, number>();
  entries.forEach((entry, i) => {
    const seen = first.get(entry.key);
    if (seen === undefined) first.set(entry.key, i);
    else ctx.addIssue({ code: 'custom', path: [i], message: `the same key as admin.apiKeys[${seen}]; give each key one entry` });
  });
});
