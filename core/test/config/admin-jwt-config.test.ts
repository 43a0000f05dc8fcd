import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfigFile, parseConfig } from '@hotello/core/internal';
import { issuesOf } from '../helpers/config-issues';

const SECRET = 'a-shared-jwt-secret-of-at-least-32-chars';
const hotels = [{ id: 'seaside', name: 'Seaside' }];
const parse = (jwt: Record<string, unknown>) => parseConfig({ admin: { jwt }, hotels }, { env: {}, requireEnvSecrets: false });
const pemOf = (pair: { publicKey: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer } }) =>
  pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('admin.jwt in the config', () => {
  it('accepts a secret or a public key with issuer, audience and algorithms', () => {
    expect(parse({ secret: SECRET, issuer: 'https://id.example.com/', audience: 'hotello', algorithms: ['HS256'] }).admin.jwt).toEqual({
      secret: SECRET,
      issuer: 'https://id.example.com/',
      audience: 'hotello',
      algorithms: ['HS256'],
      maxLifetimeMinutes: 1440,
      claims: { hotels: 'hotels', role: 'role' },
    });
    const rsa = pemOf(generateKeyPairSync('rsa', { modulusLength: 2048 }));
    expect(parse({ publicKey: rsa, algorithms: ['RS256', 'PS256'] }).admin.jwt?.publicKey).toBe(rsa);
    expect(parse({ publicKey: pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' })) }).admin.jwt).toBeDefined();
  });

  it('wants exactly one of secret and publicKey', () => {
    const rsa = pemOf(generateKeyPairSync('rsa', { modulusLength: 2048 }));
    const expected = [
      { path: 'admin.jwt', message: expect.stringMatching(/^expected exactly one of secret \(HS256\/384\/512\) or publicKey \(PEM\)/) },
    ];
    expect(issuesOf(() => parse({ issuer: 'x' }))).toEqual(expected);
    expect(issuesOf(() => parse({ secret: SECRET, publicKey: rsa }))).toEqual(expected);
  });

  it('names a short secret without printing it', () => {
    const issues = issuesOf(() => parse({ secret: 'too-short-but-secret' }));
    expect(issues).toEqual([
      { path: 'admin.jwt.secret', message: 'expected a shared secret of at least 32 characters, found a secret of 20 characters' },
    ]);
    expect(JSON.stringify(issues)).not.toContain('too-short-but-secret');
  });

  it('rejects text that is not a public key, and algorithms that do not fit the key', () => {
    expect(issuesOf(() => parse({ publicKey: 'not a pem' }))).toEqual([
      { path: 'admin.jwt.publicKey', message: expect.stringMatching(/^expected a PEM RSA or EC \(P-256\/384\/521\) public key/) },
    ]);
    const ec = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    expect(issuesOf(() => parse({ publicKey: ec, algorithms: ['ES256', 'RS256'] }))).toEqual([
      {
        path: 'admin.jwt.algorithms[1]',
        message: expect.stringMatching(/^RS256 does not fit an EC prime256v1 key; expected one of ES256/),
      },
    ]);
    expect(issuesOf(() => parse({ secret: SECRET, algorithms: ['RS256'] }))).toEqual([
      {
        path: 'admin.jwt.algorithms[0]',
        message: expect.stringMatching(/^RS256 does not fit a shared secret; expected one of HS256, HS384, HS512/),
      },
    ]);
    expect(issuesOf(() => parse({ secret: SECRET, algorithms: ['none'] }))[0]).toMatchObject({ path: 'admin.jwt.algorithms[0]' });
  });

  it('requires the secret to come from the environment in a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-jwt-'));
    const file = path.join(dir, 'hotello.yaml');
    fs.writeFileSync(file, `admin:\n  jwt: { secret: "${SECRET}" }\nhotels: [ { id: seaside, name: Seaside } ]\n`);
    expect(issuesOf(() => loadConfigFile(file, { env: {} }))).toEqual([
      { path: 'admin.jwt.secret', message: expect.stringMatching(/^secrets must come from the environment/) },
    ]);
    fs.writeFileSync(file, 'admin:\n  jwt: { secret: "${ADMIN_JWT_SECRET}" }\nhotels: [ { id: seaside, name: Seaside } ]\n');
    expect(loadConfigFile(file, { env: { ADMIN_JWT_SECRET: SECRET } }).config.admin.jwt?.secret).toBe(SECRET);
  });
});
