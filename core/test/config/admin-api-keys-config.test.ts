import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfigFile, parseConfig } from '@hotello/core/internal';
import { issuesOf } from '../helpers/config-issues';

const hotels = [
  { id: 'seaside', name: 'Seaside' },
  { id: 'citylodge', name: 'City Lodge' },
];
const parse = (admin: Record<string, unknown>) => parseConfig({ admin, hotels }, { env: {}, requireEnvSecrets: false });
const KEY = 'a-long-enough-admin-key-0123';

describe('admin.apiKeys in the config', () => {
  it('reads plain strings as full access (every hotel, role admin) and keeps scoped entries', () => {
    expect(parse({ apiKeys: [KEY, { key: `${KEY}-2`, hotels: ['seaside'], role: 'front-desk', name: 'Desk' }] }).admin.apiKeys).toEqual([
      { key: KEY, hotels: '*', role: 'admin' },
      { key: `${KEY}-2`, hotels: ['seaside'], role: 'front-desk', name: 'Desk' },
    ]);
  });

  it('names the exact path of unknown hotels, unknown roles and short keys, never printing a key', () => {
    const issues = issuesOf(() =>
      parse({
        apiKeys: [
          'short-plain-key',
          { key: 'short-scoped', hotels: ['seaside'], role: 'manager' },
          { key: `${KEY}-3`, hotels: ['seaside', 'atlantis'], role: 'manager' },
          { key: `${KEY}-4`, hotels: '*', role: 'owner' },
          { key: `${KEY}-5`, hotels: [], role: 'admin' },
          { key: `${KEY}-6`, hotels: 'seaside', role: 'admin' },
          { key: `${KEY}-7`, hotels: '*', role: 'admin', roles: ['admin'] },
          42,
        ],
      }),
    );
    expect(issues).toEqual([
      { path: 'admin.apiKeys[0]', message: 'expected an API key of at least 16 characters, found a secret of 15 characters' },
      { path: 'admin.apiKeys[1].key', message: 'expected an API key of at least 16 characters, found a secret of 12 characters' },
      { path: 'admin.apiKeys[3].role', message: 'expected one of "front-desk", "manager", "admin", found "owner"' },
      { path: 'admin.apiKeys[4].hotels', message: 'expected at least one hotel id, or "*" for every hotel, found a list of 0' },
      { path: 'admin.apiKeys[5].hotels', message: 'expected "*" or array, found "seaside"' },
      { path: 'admin.apiKeys[6]', message: 'unknown key "roles"' },
      { path: 'admin.apiKeys[7]', message: 'expected string or object, found number 42' },
    ]);
    const text = JSON.stringify(issues);
    expect(text).not.toContain('short-plain-key');
    expect(text).not.toContain('short-scoped');
  });

  it('names hotel ids that no hotel has', () => {
    expect(issuesOf(() => parse({ apiKeys: [{ key: KEY, hotels: ['seaside', 'atlantis'], role: 'manager' }] }))).toEqual([
      { path: 'admin.apiKeys[0].hotels[1]', message: 'expected one of the hotel ids seaside, citylodge or "*", found "atlantis"' },
    ]);
  });

  it('refuses the same key twice, without printing it', () => {
    const issues = issuesOf(() => parse({ apiKeys: [KEY, { key: KEY, hotels: ['seaside'], role: 'front-desk' }] }));
    expect(issues).toEqual([
      { path: 'admin.apiKeys[1]', message: 'the same key as admin.apiKeys[0]; give each key one entry, found an object' },
    ]);
    expect(JSON.stringify(issues)).not.toContain(KEY);
  });

  it('wants a scoped key from the environment, like a plain one, in a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-keys-'));
    const file = path.join(dir, 'bot.yaml');
    fs.writeFileSync(
      file,
      [
        'admin:',
        '  apiKeys:',
        '    - ${PLAIN_KEY}',
        '    - { key: written-inline-0123456789, hotels: [seaside], role: manager, name: Night manager }',
        '    - { key: "${SCOPED_KEY}", hotels: "*", role: front-desk }',
        'hotels: [{ id: seaside, name: Seaside }]',
      ].join('\n'),
    );
    const issues = issuesOf(() => loadConfigFile(file, { env: { PLAIN_KEY: KEY, SCOPED_KEY: `${KEY}-2` } }));
    expect(issues).toEqual([
      { path: 'admin.apiKeys[1].key', message: 'secrets must come from the environment: write ${SOME_VARIABLE} instead of the value' },
    ]);
    expect(JSON.stringify(issues)).not.toContain('written-inline');
  });

  it('validates admin.jwt.maxLifetimeMinutes and claim names', () => {
    const jwt = (extra: Record<string, unknown>) => ({ jwt: { secret: 'a-shared-jwt-secret-of-at-least-32-chars', ...extra } });
    expect(issuesOf(() => parse(jwt({ maxLifetimeMinutes: 0, claims: { hotels: '' } })))).toEqual([
      { path: 'admin.jwt.maxLifetimeMinutes', message: expect.stringMatching(/^Too small.*found number 0$/) },
      { path: 'admin.jwt.claims.hotels', message: expect.stringMatching(/found ""$/) },
    ]);
    expect(issuesOf(() => parse(jwt({ maxLifetimeMinutes: 1e9 })))).toEqual([
      { path: 'admin.jwt.maxLifetimeMinutes', message: 'expected at most a year (527040 minutes), found number 1000000000' },
    ]);
  });
});
