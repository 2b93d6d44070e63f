import { createHash, randomBytes } from 'node:crypto';
import { loginWithPassword } from './login';
import { OIDC_CLIENT_ID } from './seed';

/** Test-side OIDC client: Authorization Code + PKCE against the emulator's IdP, via the login form. */
export interface OidcTokens {
  readonly id_token: string;
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly expires_in: number;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function signInWithOidc(
  issuer: string,
  username: string,
  password: string,
  options: { scope?: string; port?: number; maxAge?: number } = {},
): Promise<OidcTokens> {
  const { verifier, challenge } = pkcePair();
  const redirectUri = `http://127.0.0.1:${options.port ?? 49152}/callback`;
  const state = randomBytes(8).toString('hex');
  const authorize = new URL('/auth', issuer);
  authorize.search = new URLSearchParams({
    client_id: OIDC_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid profile email offline_access',
    state,
    nonce: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(options.maxAge === undefined ? {} : { max_age: String(options.maxAge) }),
  }).toString();
  const final = new URL(await loginWithPassword(authorize.toString(), username, password));
  if (final.searchParams.get('state') !== state) throw new Error(`state mismatch in ${final.toString()}`);
  const code = final.searchParams.get('code');
  if (code === null) throw new Error(`no code in ${final.toString()}`);
  const response = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: OIDC_CLIENT_ID, code_verifier: verifier }),
  });
  const body = (await response.json()) as OidcTokens & { error?: string };
  if (!response.ok) throw new Error(`token endpoint: ${body.error ?? response.status}`);
  return body;
}
