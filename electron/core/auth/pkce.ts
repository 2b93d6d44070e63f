import * as oauth from 'oauth4webapi';

/** A PKCE pair (RFC 7636, S256): the verifier stays in memory, the challenge goes to the IdP. */
export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

/** The S256 challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))). */
export function pkceChallenge(verifier: string): Promise<string> {
  return oauth.calculatePKCECodeChallenge(verifier);
}

/** A fresh verifier (32 random bytes → 43 unreserved characters) and its challenge. */
export async function createPkce(): Promise<Pkce> {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await pkceChallenge(verifier), method: 'S256' };
}

export const randomState = (): string => oauth.generateRandomState();
export const randomNonce = (): string => oauth.generateRandomNonce();
