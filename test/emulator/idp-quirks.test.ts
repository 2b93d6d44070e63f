import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, type IdpQuirks, startEmulator, URL_USER_NAME_CLAIM } from './index';
import { signInWithOidc } from './oidc-helpers';
import { DEMO_USERS, OIDC_CLIENT_ID } from './seed';

let emu: Emulator | null = null;
afterEach(async () => {
  await emu?.stop();
  emu = null;
});

async function idp(quirks: IdpQuirks): Promise<string> {
  emu = await startEmulator({ bulkCount: 0, idpQuirks: quirks });
  return emu.endpoints.oidcIssuer;
}

async function refresh(issuer: string, refreshToken: string): Promise<{ id_token: string }> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: OIDC_CLIENT_ID }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id_token: string };
}

describe('the emulator IdP’s switches for real IdPs’ habits', () => {
  it('staleAuthTimeSeconds: ignores max_age and reports the old sign-in in auth_time', async () => {
    const issuer = await idp({ staleAuthTimeSeconds: 9 * 3600 });
    const tokens = await signInWithOidc(issuer, 'alice', 'alice-demo-pass', { maxAge: 3600 });
    const authTime = Number(decodeJwt(tokens.id_token).auth_time);
    expect(Date.now() / 1000 - authTime).toBeGreaterThan(9 * 3600 - 60);
  });

  it('refreshWithoutUserName: the first ID token names the user, a refreshed one only has sub', async () => {
    const issuer = await idp({ refreshWithoutUserName: true });
    const tokens = await signInWithOidc(issuer, 'alice', 'alice-demo-pass');
    expect(decodeJwt(tokens.id_token).preferred_username).toBe('alice');
    const next = decodeJwt((await refresh(issuer, tokens.refresh_token ?? '')).id_token);
    expect(next.sub).toBe('00u-alice');
    expect(next).not.toHaveProperty('preferred_username');
    expect(next).not.toHaveProperty('email');
  });

  it('refreshAnswersFor: a refreshed ID token carries another user’s sub', async () => {
    const issuer = await idp({ refreshAnswersFor: DEMO_USERS.find((u) => u.username === 'nobody') });
    const tokens = await signInWithOidc(issuer, 'alice', 'alice-demo-pass');
    expect(decodeJwt(tokens.id_token).sub).toBe('00u-alice');
    expect(decodeJwt((await refresh(issuer, tokens.refresh_token ?? '')).id_token).sub).toBe('00u-nobody');
  });

  it('notBefore: ID tokens carry nbf at their issue time', async () => {
    const issuer = await idp({ notBefore: true });
    const claims = decodeJwt((await signInWithOidc(issuer, 'alice', 'alice-demo-pass')).id_token);
    expect(typeof claims.nbf).toBe('number');
    expect(claims.nbf).toBe(claims.iat);
  });

  it('noRefreshToken: no refresh token even with offline_access', async () => {
    const issuer = await idp({ noRefreshToken: true });
    const tokens = await signInWithOidc(issuer, 'alice', 'alice-demo-pass');
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.id_token).toBeTruthy();
  });

  it('userNameOnlyInUserInfo: the ID token has no name, UserInfo has it', async () => {
    const issuer = await idp({ userNameOnlyInUserInfo: true });
    const tokens = await signInWithOidc(issuer, 'alice', 'alice-demo-pass');
    expect(decodeJwt(tokens.id_token)).not.toHaveProperty('preferred_username');
    const info = (await (await fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ sub: '00u-alice', preferred_username: 'alice' });
  });

  it('urlUserNameClaim: the user name is also in a claim named by a URL', async () => {
    const issuer = await idp({ urlUserNameClaim: true });
    const claims = decodeJwt((await signInWithOidc(issuer, 'alice', 'alice-demo-pass')).id_token);
    expect(claims[URL_USER_NAME_CLAIM]).toBe('alice');
  });

  it('discoveryBytes: streams a discovery document of that size', async () => {
    const issuer = await idp({ discoveryBytes: 3 * 1024 * 1024 + 7 });
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.headers.get('content-length')).toBeNull();
    const text = await response.text();
    expect(text.length).toBe(3 * 1024 * 1024 + 7);
    expect(JSON.parse(text)).toMatchObject({ issuer, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
  });
});
