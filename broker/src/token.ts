import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * Signature algorithms the broker accepts: asymmetric only. `none` and the HS* family are never on
 * the list, so a token "signed" with the issuer's public key as an HMAC secret is refused.
 */
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/** Leeway for the issuer's and the broker's clocks (exp/nbf/iat). */
const CLOCK_TOLERANCE_SECONDS = 60;

export interface TokenSettings {
  readonly issuer: string;
  readonly audience: string;
  /** The claim that carries the WorkSpaces user name. */
  readonly userNameClaim: string;
  readonly now: () => number;
  /** Where to find the issuer's keys; discovered from the issuer when absent. */
  readonly keys?: JWTVerifyGetKey;
}

export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
}

export interface Caller {
  /** The WorkSpaces user name from the token's user-name claim, as the token has it. */
  readonly userName: string;
}

export type CallerResolver = (authorization: string | undefined) => Promise<Caller>;

/**
 * Verifies the bearer ID token itself (the API Gateway JWT authorizer checked it first): signature
 * by the issuer's published keys with an allowed algorithm, issuer, audience, exp/nbf. The caller
 * is the user-name claim and nothing else. Every refusal is a TokenRefused whose message never
 * contains the token.
 */
export function createCallerResolver(settings: TokenSettings): CallerResolver {
  let keys: Promise<JWTVerifyGetKey> | undefined = settings.keys === undefined ? undefined : Promise.resolve(settings.keys);
  const keySet = (): Promise<JWTVerifyGetKey> => {
    keys ??= discoverKeys(settings.issuer).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
  return async (authorization) => {
    const token = bearerToken(authorization);
    const getKey = await keySet();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [...ACCEPTED_ALGORITHMS],
        requiredClaims: ['exp', 'iss', 'aud'],
        currentDate: new Date(settings.now()),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw new TokenRefused(refusalReason(error));
    }
    const userName = payload[settings.userNameClaim];
    if (typeof userName !== 'string' || userName.trim() === '') throw new TokenRefused(`The token has no ${settings.userNameClaim} claim.`);
    return { userName: userName.trim() };
  };
}

function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization?.trim() ?? '');
  if (match?.[1] === undefined) throw new TokenRefused('The request carries no bearer token.');
  return match[1];
}

/** jose's error → a short reason for logs (its messages never quote the token). */
function refusalReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted.`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm the broker does not accept.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was not signed by a key of the issuer.';
  if (error instanceof errors.JOSEError) return `The token is not valid (${error.code}).`;
  return 'The token is not valid.';
}

/** The issuer's JWKS, found through its OpenID discovery document. */
async function discoverKeys(issuer: string): Promise<JWTVerifyGetKey> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`The issuer's discovery document answered ${response.status}.`);
  const doc = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (doc.issuer !== issuer) throw new Error('The discovery document names another issuer.');
  if (typeof doc.jwks_uri !== 'string') throw new Error('The discovery document has no jwks_uri.');
  return createRemoteJWKSet(new URL(doc.jwks_uri));
}
