import type { CryptoKey, JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import { acceptedAlgorithms, HMAC_ALGORITHMS, normalizePem, type AdminJwtConfig } from '../config/admin-jwt-schema';

/** Issuers' and the bot's clocks disagree a little; a token is not refused for that. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** The result of checking a bearer token as a JWT. Failures say only what a caller may learn. */
export type JwtCheck = { readonly ok: true; readonly claims: JWTPayload } | { readonly ok: false; readonly reason: 'expired' | 'invalid' };

// jose is published as an ES module only; core is CommonJS, so it is loaded with import().
const loadJose = () => import('jose');

/** Three base64url segments: anything else cannot be a signed token, so it is not parsed at all. */
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * Verifies admin bearer tokens against `admin.jwt`: signature with the configured secret or
 * public key, an allow-listed algorithm (never `none`), an `exp` that has not passed and lies
 * within `maxLifetimeMinutes`, and the configured issuer and audience. Keys are imported once,
 * on first use.
 */
export class AdminJwtVerifier {
  private readonly algorithms: readonly string[];
  private keyResolver?: Promise<JWTVerifyGetKey>;

  constructor(private readonly config: AdminJwtConfig) {
    this.algorithms = acceptedAlgorithms(config);
  }

  async verify(token: string): Promise<JwtCheck> {
    if (!COMPACT_JWS.test(token)) return { ok: false, reason: 'invalid' };
    const { jwtVerify } = await loadJose();
    try {
      const { payload } = await jwtVerify(token, await this.keys(), {
        algorithms: [...this.algorithms],
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(this.config.issuer !== undefined ? { issuer: this.config.issuer } : {}),
        ...(this.config.audience !== undefined ? { audience: this.config.audience } : {}),
      });
      return this.withinLifetime(payload) ? { ok: true, claims: payload } : { ok: false, reason: 'invalid' };
    } catch (err) {
      return { ok: false, reason: (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
    }
  }

  /**
   * jose checks that `exp` has not passed, not how far ahead it lies: a token with
   * `exp: 1e300` would never expire. Neither the remaining lifetime nor, when `iat` is given,
   * the whole lifetime may exceed `maxLifetimeMinutes`.
   */
  private withinLifetime(payload: JWTPayload): boolean {
    const max = this.config.maxLifetimeMinutes * 60;
    const { exp, iat } = payload;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return false;
    if (exp - Date.now() / 1000 > max + CLOCK_TOLERANCE_SECONDS) return false;
    return typeof iat !== 'number' || exp - iat <= max;
  }

  private keys(): Promise<JWTVerifyGetKey> {
    this.keyResolver ??= this.importKeys();
    return this.keyResolver;
  }

  /** One key per accepted algorithm, since WebCrypto binds an imported public key to its algorithm. */
  private async importKeys(): Promise<JWTVerifyGetKey> {
    const { importSPKI } = await loadJose();
    const byAlgorithm = new Map<string, CryptoKey | Uint8Array>();
    if (this.config.secret !== undefined) {
      const secret = new TextEncoder().encode(this.config.secret);
      for (const alg of HMAC_ALGORITHMS) byAlgorithm.set(alg, secret);
    } else {
      const pem = normalizePem(this.config.publicKey ?? '');
      for (const alg of this.algorithms) byAlgorithm.set(alg, await importSPKI(pem, alg));
    }
    return (header) => {
      const key = header.alg === undefined ? undefined : byAlgorithm.get(header.alg);
      if (!key) throw new Error(`no key for algorithm ${String(header.alg)}`);
      return key;
    };
  }
}
