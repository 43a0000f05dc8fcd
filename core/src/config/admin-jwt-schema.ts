import { createPublicKey } from 'node:crypto';
import { z } from 'zod';

/** Algorithms a shared secret signs with. */
export const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
/** Algorithms a PEM public key verifies; which of them fit depends on the key. */
export const PUBLIC_KEY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
/** Every algorithm an admin token may use. `none` is deliberately not one of them. */
export const ADMIN_JWT_ALGORITHMS = [...HMAC_ALGORITHMS, ...PUBLIC_KEY_ALGORITHMS] as const;
export type AdminJwtAlgorithm = (typeof ADMIN_JWT_ALGORITHMS)[number];

/** What a public key can verify, and the algorithm assumed when the config names none. */
interface KeyAlgorithms {
  readonly kind: string;
  readonly allowed: readonly AdminJwtAlgorithm[];
  readonly fallback: readonly AdminJwtAlgorithm[];
}

const EC_CURVES: Record<string, AdminJwtAlgorithm> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };

/**
 * PEM keys often travel through environment variables with their line breaks written as `\n`;
 * both forms are accepted.
 */
export function normalizePem(pem: string): string {
  return pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
}

/** The algorithms a PEM public key can verify, or undefined when the text is not a public key. */
export function publicKeyAlgorithms(pem: string): KeyAlgorithms | undefined {
  let key;
  try {
    key = createPublicKey(normalizePem(pem));
  } catch {
    return undefined;
  }
  if (key.type !== 'public') return undefined;
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { kind: 'RSA', allowed: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'], fallback: ['RS256'] };
    case 'rsa-pss':
      return { kind: 'RSA-PSS', allowed: ['PS256', 'PS384', 'PS512'], fallback: ['PS256'] };
    case 'ec': {
      const alg = EC_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
      return alg ? { kind: `EC ${key.asymmetricKeyDetails?.namedCurve}`, allowed: [alg], fallback: [alg] } : undefined;
    }
    default:
      return undefined;
  }
}

/** A day: long enough for a shift's token, short enough that a leaked one soon stops working. */
export const DEFAULT_MAX_LIFETIME_MINUTES = 24 * 60;

const claimName = z.string().min(1).max(200);

/** `admin.jwt.claims`: the names of the claims that scope a token. */
export const adminJwtClaimsSchema = z
  .object({
    /** An array of hotel ids, or "*" for every hotel. A token without it sees no hotel. */
    hotels: claimName.default('hotels'),
    /** One of the admin roles. A token without a known role passes no route. */
    role: claimName.default('role'),
  })
  .strict();

/**
 * `admin.jwt`: tokens from an identity provider (or a script holding the shared secret) open
 * the admin API alongside `admin.apiKeys`. Exactly one of `secret` (HMAC) or `publicKey`
 * (RSA/EC, PEM) verifies them; `algorithms` narrows what is accepted.
 */
export const adminJwtSchema = z
  .object({
    /** Shared HMAC secret (HS256/384/512). Must be an ${ENV} reference like every secret. */
    secret: z.string().min(32, 'expected a shared secret of at least 32 characters').optional(),
    /** PEM public key (`-----BEGIN PUBLIC KEY-----`) for RS*, PS* or ES* tokens. */
    publicKey: z.string().min(1).optional(),
    /** Required `iss` claim. */
    issuer: z.string().min(1).optional(),
    /** Required `aud` claim. */
    audience: z.string().min(1).optional(),
    /** Accepted algorithms; defaults to HS256/384/512 for a secret and to the key's own algorithm for a public key. */
    algorithms: z.array(z.enum(ADMIN_JWT_ALGORITHMS)).min(1).optional(),
    /**
     * The longest a token may live: one whose `exp` lies further ahead than this, or whose
     * `exp - iat` exceeds it, is refused, so a leaked token cannot be minted to last forever.
     */
    maxLifetimeMinutes: z
      .number()
      .positive()
      .max(366 * 24 * 60, 'expected at most a year (527040 minutes)')
      .default(DEFAULT_MAX_LIFETIME_MINUTES),
    /** Which claims carry the caller's hotels (an array of ids, or "*") and role; identity providers often namespace them. */
    claims: adminJwtClaimsSchema.default({ hotels: 'hotels', role: 'role' }),
  })
  .strict()
  .superRefine((jwt, ctx) => {
    if ((jwt.secret === undefined) === (jwt.publicKey === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'expected exactly one of secret (HS256/384/512) or publicKey (PEM)' });
      return;
    }
    let allowed: readonly AdminJwtAlgorithm[] = HMAC_ALGORITHMS;
    let keyName = 'a shared secret';
    if (jwt.publicKey !== undefined) {
      const key = publicKeyAlgorithms(jwt.publicKey);
      if (!key) {
        ctx.addIssue({
          code: 'custom',
          path: ['publicKey'],
          message: 'expected a PEM RSA or EC (P-256/384/521) public key ("-----BEGIN PUBLIC KEY-----…")',
        });
        return;
      }
      allowed = key.allowed;
      keyName = `an ${key.kind} key`;
    }
    jwt.algorithms?.forEach((alg, i) => {
      if (!allowed.includes(alg)) {
        ctx.addIssue({
          code: 'custom',
          path: ['algorithms', i],
          message: `${alg} does not fit ${keyName}; expected one of ${allowed.join(', ')}`,
        });
      }
    });
  });

export type AdminJwtConfig = z.output<typeof adminJwtSchema>;

/** The algorithms a verifier accepts for a validated `admin.jwt`. */
export function acceptedAlgorithms(jwt: AdminJwtConfig): readonly AdminJwtAlgorithm[] {
  if (jwt.algorithms) return jwt.algorithms;
  if (jwt.secret !== undefined) return HMAC_ALGORITHMS;
  return publicKeyAlgorithms(jwt.publicKey ?? '')?.fallback ?? [];
}
