import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeWorkspacesCommand, DescribeWorkspaceDirectoriesCommand, RebootWorkspacesCommand } from '@aws-sdk/client-workspaces';
import { decodeJwt, SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { loginWithPassword } from './login';
import { pkcePair, signInWithOidc } from './oidc-helpers';
import { DEMO_ROLE_ARN, DIRECTORY_FULL, DIRECTORY_RESTRICTED, OIDC_CLIENT_ID } from './seed';

let emu: Emulator;
let sts: STSClient;

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
  // AssumeRoleWithWebIdentity needs no signature; the SDK still wants credentials configured.
  sts = new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials: emu.adminCredentials, maxAttempts: 1 });
});
afterAll(async () => {
  await emu.stop();
});

const assume = (token: string, extra: { RoleArn?: string; DurationSeconds?: number } = {}) =>
  sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: extra.RoleArn ?? DEMO_ROLE_ARN,
      RoleSessionName: 'alice',
      WebIdentityToken: token,
      DurationSeconds: extra.DurationSeconds,
    }),
  );

describe('OIDC identity provider', () => {
  it('serves discovery with PKCE S256 and a JWKS', async () => {
    const config = (await (await fetch(`${emu.endpoints.oidcIssuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config['issuer']).toBe(emu.endpoints.oidcIssuer);
    expect(config['code_challenge_methods_supported']).toEqual(['S256']);
    expect(config['revocation_endpoint']).toBeTruthy();
    const jwks = (await (await fetch(String(config['jwks_uri']))).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });

  it('signs alice in with a login form and issues ID, access and refresh tokens with her claims', async () => {
    const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass', { port: 53123 });
    const claims = decodeJwt(tokens.id_token);
    expect(claims).toMatchObject({
      iss: emu.endpoints.oidcIssuer,
      aud: OIDC_CLIENT_ID,
      sub: '00u-alice',
      preferred_username: 'alice',
      email: 'alice@example.com',
      name: 'Alice Example',
    });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('refreshes and revokes a refresh token', async () => {
    const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
    const refresh = (body: Record<string, string>) =>
      fetch(`${emu.endpoints.oidcIssuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
      });
    const refreshed = await refresh({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: OIDC_CLIENT_ID });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { refresh_token: string; id_token: string };
    expect(decodeJwt(next.id_token).preferred_username).toBe('alice');
    // The refreshed ID token keeps the time alice actually logged in.
    expect(decodeJwt(next.id_token).auth_time).toBe(decodeJwt(tokens.id_token).auth_time);
    expect(typeof decodeJwt(tokens.id_token).auth_time).toBe('number');
    const revoked = await fetch(`${emu.endpoints.oidcIssuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: next.refresh_token, client_id: OIDC_CLIENT_ID }),
    });
    expect(revoked.status).toBe(200);
    const after = await refresh({ grant_type: 'refresh_token', refresh_token: next.refresh_token, client_id: OIDC_CLIENT_ID });
    expect(((await after.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses a wrong password on the login form', async () => {
    const { challenge } = pkcePair();
    const url = `${emu.endpoints.oidcIssuer}/auth?${new URLSearchParams({ client_id: OIDC_CLIENT_ID, response_type: 'code', redirect_uri: 'http://127.0.0.1:5000/callback', scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`;
    await expect(loginWithPassword(url, 'alice', 'wrong')).rejects.toThrow(/Wrong user name or password/);
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = `${emu.endpoints.oidcIssuer}/auth?${new URLSearchParams({ client_id: OIDC_CLIENT_ID, response_type: 'code', redirect_uri: 'http://127.0.0.1:5000/callback', scope: 'openid', state: 's' }).toString()}`;
    const final = new URL(await loginWithPassword(url, 'alice', 'alice-demo-pass'));
    expect(final.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('STS AssumeRoleWithWebIdentity', () => {
  it('exchanges an ID token for credentials the WorkSpaces API accepts, self-service scoped to the caller by the kit policy', async () => {
    const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
    const out = await assume(tokens.id_token, { DurationSeconds: 900 });
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    // STS sends whole seconds.
    expect(out.Credentials?.Expiration?.getTime()).toBe(Math.floor((emu.clock.now() + 900_000) / 1000) * 1000);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/DeskbridgeDemo/alice');
    expect(out.SubjectFromWebIdentityToken).toBe('00u-alice');
    const credentials = {
      accessKeyId: out.Credentials?.AccessKeyId ?? '',
      secretAccessKey: out.Credentials?.SecretAccessKey ?? '',
      sessionToken: out.Credentials?.SessionToken ?? '',
    };
    const ws = workspacesClient(emu, credentials);
    const dirs = await ws.send(new DescribeWorkspaceDirectoriesCommand({}));
    // IAM cannot scope the Describe actions to a resource: the role lists the whole account and Region.
    expect(dirs.Directories?.map((d) => d.DirectoryId)).toEqual([DIRECTORY_FULL, DIRECTORY_RESTRICTED]);
    const mine = await ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'alice' }));
    expect(mine.Workspaces?.length).toBeGreaterThan(0);
    const bobs = emu.state.listWorkspaces('bob').find((w) => w.state === 'AVAILABLE')?.id ?? '';
    const other = await failure(ws.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: bobs }] })));
    expect(other.name).toBe('AccessDeniedException');

    const identity = await new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials, maxAttempts: 1 }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity.Arn).toBe(out.AssumedRoleUser?.Arn);

    emu.clock.advance(900_000);
    const expired = await failure(ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL })));
    expect(expired.name).toBe('ExpiredTokenException');
  });

  it('refuses a role whose trust policy does not cover the token with AccessDenied', async () => {
    const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
    const error = await failure(assume(tokens.id_token, { RoleArn: 'arn:aws:iam::123456789012:role/SomeoneElse' }));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses a token signed by another key with InvalidIdentityToken', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'alice' })
      .setProtectedHeader({ alg: 'RS256', kid: 'emulator-1' })
      .setIssuer(emu.endpoints.oidcIssuer)
      .setAudience(OIDC_CLIENT_ID)
      .setExpirationTime('1h')
      .sign(privateKey);
    const error = await failure(assume(forged));
    // The SDK names the wire code InvalidIdentityToken InvalidIdentityTokenException.
    expect(error.name).toBe('InvalidIdentityTokenException');
  });

  it('refuses a token from an unknown issuer or for another audience with InvalidIdentityToken', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ sub: 'alice' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://elsewhere.example.com')
      .setAudience(OIDC_CLIENT_ID)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await failure(assume(foreign))).name).toBe('InvalidIdentityTokenException');
    expect((await failure(assume('not.a.jwt'))).name).toBe('InvalidIdentityTokenException');
  });

  it('refuses an expired ID token with ExpiredTokenException', async () => {
    const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
    emu.clock.advance(2 * 3600_000);
    const error = await failure(assume(tokens.id_token));
    expect(error.name).toBe('ExpiredTokenException');
  });

  it('refuses DurationSeconds outside 900..43200 with ValidationError', async () => {
    const error = await failure(assume('x.y.z', { DurationSeconds: 60 }));
    expect(error.name).toBe('ValidationError');
  });
});
