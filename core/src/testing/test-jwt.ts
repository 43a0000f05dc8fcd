import { constants, createHmac, createPrivateKey, sign, type KeyObject } from 'node:crypto';

/** Algorithms {@link signTestJwt} can sign with; `none` makes an unsigned token, to prove it is refused. */
export type TestJwtAlgorithm =
  'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'none';

export interface TestJwtOptions {
  /** The HMAC secret (HS*), or a private key as PEM or KeyObject (RS*, PS*, ES*). Ignored for `none`. */
  readonly key?: string | KeyObject;
  readonly alg?: TestJwtAlgorithm;
  /** Claims such as `sub`, `iss`, `aud`; they override the defaults. */
  readonly claims?: Record<string, unknown>;
  /** Seconds until `exp` (default 300); negative for a token that has already expired, null for none. */
  readonly expiresIn?: number | null;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Signs a JWT for tests of the admin API (`admin.jwt`) with node's own crypto, independently of
 * the library the bot verifies with.
 */
export function signTestJwt(options: TestJwtOptions = {}): string {
  const alg = options.alg ?? 'HS256';
  const now = Math.floor(Date.now() / 1000);
  const expiry = options.expiresIn === undefined ? 300 : options.expiresIn;
  const payload = { iat: now, ...(expiry === null ? {} : { exp: now + expiry }), ...options.claims };
  const input = `${base64url(JSON.stringify({ alg, typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  if (alg === 'none') return `${input}.`;
  if (options.key === undefined) throw new Error(`signTestJwt: ${alg} needs a key`);
  const hash = `sha${alg.slice(2)}`;
  if (alg.startsWith('HS')) return `${input}.${base64url(createHmac(hash, options.key).update(input).digest())}`;
  const key = typeof options.key === 'string' ? createPrivateKey(options.key) : options.key;
  const data = Buffer.from(input);
  let signature: Buffer;
  if (alg.startsWith('PS')) {
    signature = sign(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  } else if (alg.startsWith('ES')) {
    signature = sign(hash, data, { key, dsaEncoding: 'ieee-p1363' });
  } else signature = sign(hash, data, key);
  return `${input}.${base64url(signature)}`;
}
