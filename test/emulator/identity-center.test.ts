import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import {
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  ModifyWorkspacePropertiesCommand,
  RebootWorkspacesCommand,
  RebuildWorkspacesCommand,
} from '@aws-sdk/client-workspaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { loginWithPassword } from './login';
import { pkcePair } from './oidc-helpers';
import { ACCOUNT_ID, DIRECTORY_FULL, DIRECTORY_RESTRICTED, IDC_ROLE_NAME } from './seed';

let emu: Emulator;
let oidc: SSOOIDCClient;
let portal: SSOClient;
const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';
// The Identity Center APIs are unsigned; the SDK still wants credentials configured.
const dummy = { accessKeyId: 'AKIAUNUSED0000000000', secretAccessKey: 'unused' };

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
  oidc = new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoints.ssoOidc, credentials: dummy, maxAttempts: 1 });
  portal = new SSOClient({ region: 'us-east-1', endpoint: emu.endpoints.sso, credentials: dummy, maxAttempts: 1 });
});
afterAll(async () => {
  await emu.stop();
});

async function codeFlow(): Promise<{ accessToken: string; refreshToken?: string; clientId: string; clientSecret: string }> {
  const redirectUri = 'http://127.0.0.1:61234/oauth/callback';
  const client = await oidc.send(
    new RegisterClientCommand({
      clientName: 'deskbridge',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [redirectUri],
      scopes: ['sso:account:access'],
    }),
  );
  expect(client.authorizationEndpoint).toBe(`${emu.endpoints.ssoOidc}/authorize`);
  const { verifier, challenge } = pkcePair();
  const authorize = `${client.authorizationEndpoint ?? ''}?${new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId ?? '',
    redirect_uri: redirectUri,
    state: 'xyz',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scopes: 'sso:account:access',
  }).toString()}`;
  const final = new URL(await loginWithPassword(authorize, 'alice', 'alice-demo-pass'));
  expect(final.searchParams.get('state')).toBe('xyz');
  expect(`${final.origin}${final.pathname}`).toBe(redirectUri);
  const token = await oidc.send(
    new CreateTokenCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      grantType: 'authorization_code',
      code: final.searchParams.get('code') ?? '',
      redirectUri,
      codeVerifier: verifier,
    }),
  );
  expect(token.tokenType).toBe('Bearer');
  return { accessToken: token.accessToken ?? '', refreshToken: token.refreshToken, clientId: client.clientId ?? '', clientSecret: client.clientSecret ?? '' };
}

describe('IAM Identity Center OIDC', () => {
  it('signs in with authorization code + PKCE and refreshes the token', async () => {
    const first = await codeFlow();
    expect(first.refreshToken).toBeTruthy();
    const refreshed = await oidc.send(
      new CreateTokenCommand({ clientId: first.clientId, clientSecret: first.clientSecret, grantType: 'refresh_token', refreshToken: first.refreshToken }),
    );
    expect(refreshed.accessToken).toBeTruthy();
    const reused = await failure(
      oidc.send(
        new CreateTokenCommand({ clientId: first.clientId, clientSecret: first.clientSecret, grantType: 'refresh_token', refreshToken: first.refreshToken }),
      ),
    );
    expect(reused.name).toBe('InvalidGrantException');
  });

  it('refuses a wrong PKCE verifier with InvalidGrantException', async () => {
    const redirectUri = 'http://127.0.0.1:61235/cb';
    const client = await oidc.send(
      new RegisterClientCommand({ clientName: 'x', clientType: 'public', grantTypes: ['authorization_code'], redirectUris: [redirectUri] }),
    );
    const { challenge } = pkcePair();
    const url = `${emu.endpoints.ssoOidc}/authorize?${new URLSearchParams({ response_type: 'code', client_id: client.clientId ?? '', redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`;
    const code = new URL(await loginWithPassword(url, 'alice', 'alice-demo-pass')).searchParams.get('code') ?? '';
    const error = await failure(
      oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: 'authorization_code',
          code,
          redirectUri,
          codeVerifier: 'wrong-verifier',
        }),
      ),
    );
    expect(error.name).toBe('InvalidGrantException');
  });

  it('runs the device flow: pending, slow down, approved on the verification page', async () => {
    const client = await oidc.send(new RegisterClientCommand({ clientName: 'deskbridge', clientType: 'public' }));
    const device = await oidc.send(
      new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: `${emu.endpoints.ssoOidc}/start` }),
    );
    const poll = () =>
      oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: DEVICE, deviceCode: device.deviceCode }));
    expect((await failure(poll())).name).toBe('AuthorizationPendingException');
    expect((await failure(poll())).name).toBe('SlowDownException');
    emu.clock.advance((device.interval ?? 1) * 1000);
    expect((await failure(poll())).name).toBe('AuthorizationPendingException');
    const page = await fetch(device.verificationUriComplete ?? '');
    const html = await page.text();
    expect(html).toContain(device.userCode ?? '');
    expect(html).toMatch(/<label for="username">/);
    const approve = await fetch(`${emu.endpoints.ssoOidc}/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: device.userCode ?? '', username: 'alice', password: 'alice-demo-pass' }),
    });
    expect(approve.status).toBe(200);
    emu.clock.advance(1000);
    const token = await poll();
    expect(token.accessToken).toBeTruthy();
  });

  it('reports a denied and an expired device authorization', async () => {
    const client = await oidc.send(new RegisterClientCommand({ clientName: 'deskbridge', clientType: 'public' }));
    const start = () =>
      oidc.send(
        new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: `${emu.endpoints.ssoOidc}/start` }),
      );
    const denied = await start();
    emu.state.denyDeviceAuthorization(denied.userCode ?? '');
    const poll = (deviceCode?: string) =>
      oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: DEVICE, deviceCode }));
    expect((await failure(poll(denied.deviceCode))).name).toBe('AccessDeniedException');
    const expiring = await start();
    emu.clock.advance((expiring.expiresIn ?? 600) * 1000);
    expect((await failure(poll(expiring.deviceCode))).name).toBe('ExpiredTokenException');
  });

  it('refuses bad client credentials with InvalidClientException', async () => {
    const error = await failure(oidc.send(new StartDeviceAuthorizationCommand({ clientId: 'nope', clientSecret: 'nope', startUrl: 'http://x' })));
    expect(error.name).toBe('InvalidClientException');
  });
});

describe('IAM Identity Center portal', () => {
  it('lists accounts and roles and issues role credentials that list the account and act on the user’s own desktops', async () => {
    const { accessToken } = await codeFlow();
    const accounts = await portal.send(new ListAccountsCommand({ accessToken }));
    expect(accounts.accountList?.map((a) => a.accountId)).toEqual([ACCOUNT_ID]);
    const roles = await portal.send(new ListAccountRolesCommand({ accessToken, accountId: ACCOUNT_ID }));
    expect(roles.roleList?.map((r) => r.roleName)).toEqual([IDC_ROLE_NAME]);
    const out = await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: ACCOUNT_ID, roleName: IDC_ROLE_NAME }));
    const creds = out.roleCredentials;
    expect(creds?.expiration).toBe(emu.clock.now() + 3600_000);
    const ws = workspacesClient(emu, {
      accessKeyId: creds?.accessKeyId ?? '',
      secretAccessKey: creds?.secretAccessKey ?? '',
      sessionToken: creds?.sessionToken ?? '',
    });
    const dirs = await ws.send(new DescribeWorkspaceDirectoriesCommand({}));
    // IAM cannot scope the Describe actions to a resource: the role lists the whole account and Region.
    expect(dirs.Directories?.map((d) => d.DirectoryId)).toEqual([DIRECTORY_FULL, DIRECTORY_RESTRICTED]);
    const mine = await ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_RESTRICTED, UserName: 'alice' }));
    const available = mine.Workspaces?.find((w) => w.State === 'AVAILABLE')?.WorkspaceId ?? '';

    // The restricted directory allows restarts only.
    const reboot = await ws.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: available }] }));
    expect(reboot.FailedRequests).toEqual([]);
    const rebuild = await failure(ws.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [{ WorkspaceId: available }] })));
    expect(rebuild.name).toBe('AccessDeniedException');
    const compute = await failure(ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: available, WorkspaceProperties: { ComputeTypeName: 'POWER' } })));
    expect(compute.name).toBe('AccessDeniedException');
  });

  it('refuses an unknown role with ResourceNotFoundException and a bad token with UnauthorizedException', async () => {
    const { accessToken } = await codeFlow();
    const role = await failure(portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: ACCOUNT_ID, roleName: 'Admin' })));
    expect(role.name).toBe('ResourceNotFoundException');
    const bad = await failure(portal.send(new ListAccountsCommand({ accessToken: 'garbage' })));
    expect(bad.name).toBe('UnauthorizedException');
    emu.clock.advance(3600_000);
    const expired = await failure(portal.send(new ListAccountsCommand({ accessToken })));
    expect(expired.name).toBe('UnauthorizedException');
  });
});
