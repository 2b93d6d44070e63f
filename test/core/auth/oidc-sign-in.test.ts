import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_MARGIN_MS } from '@core/auth/auth-service';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import { type Emulator, startEmulator } from '../../emulator';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './support';

let emu: Emulator;
let app: AuthUnderTest | null = null;

// A fresh emulator per test: tests move its clock, and the IdP's tokens follow real time.
beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
});
afterEach(async () => {
  await app?.close();
  app = null;
  await emu.stop();
});

function workspaces(credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>): WorkSpacesClient {
  return new WorkSpacesClient({ region: 'us-east-1', endpoint: emu.endpoints.workspaces, credentials, maxAttempts: 1 });
}

describe('OIDC sign-in against the emulator’s IdP and STS', () => {
  it('signs alice in through the browser and gives credentials that DescribeWorkspaces accepts', async () => {
    const clock = ManualClock.linkedTo(emu);
    const browser = playingBrowser(ALICE);
    app = await startAuth(emu, { clock, browser });
    const changes: string[] = [];
    app.events.on('auth:changed', (s) => changes.push(s.orgs.find((o) => o.orgId === app?.oidcOrgId)?.state ?? ''));

    const result = await app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice', method: 'oidc', staySignedIn: false } });
    expect(changes).toContain('signing-in');
    expect(changes.at(-1)).toBe('signed-in');

    const url = new URL(browser.opened[0] ?? '');
    expect(url.origin).toBe(emu.endpoints.oidcIssuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();

    const session = app.auth.session(app.oidcOrgId);
    expect(session?.userName).toBe('alice');
    const directoryId = session?.org.directoryId ?? '';
    const out = await workspaces(() => session!.credentials()).send(new DescribeWorkspacesCommand({ DirectoryId: directoryId, UserName: 'alice' }));
    expect(out.Workspaces?.length).toBeGreaterThan(0);
    // Nothing was remembered without the checkbox.
    expect(await app.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
  });

  it('refreshes the credentials before they expire, on the Clock, without the browser', async () => {
    const clock = ManualClock.linkedTo(emu);
    const browser = playingBrowser(ALICE);
    app = await startAuth(emu, { clock, browser });
    await app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    const first = await app.auth.session(app.oidcOrgId)!.credentials();
    const expiresAt = app.auth.status(app.oidcOrgId)?.expiresAt ?? 0;
    expect(expiresAt).toBeGreaterThan(clock.now());

    await clock.advance(expiresAt - clock.now() - REFRESH_MARGIN_MS - 1_000);
    expect(app.auth.status(app.oidcOrgId)?.expiresAt).toBe(expiresAt);
    await clock.advance(2_000);
    await vi.waitFor(() => expect(app?.auth.status(app.oidcOrgId)?.expiresAt ?? 0).toBeGreaterThan(expiresAt));

    const second = await app.auth.session(app.oidcOrgId)!.credentials();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(browser.opened).toHaveLength(1);
    const out = await workspaces(() => app!.auth.session(app!.oidcOrgId)!.credentials()).send(
      new DescribeWorkspacesCommand({ DirectoryId: app.auth.session(app.oidcOrgId)!.org.directoryId ?? '', UserName: 'alice' }),
    );
    expect(out.Workspaces?.length).toBeGreaterThan(0);
  });

  it('asks for a new sign-in, without crashing, when the refresh token no longer works', async () => {
    const clock = ManualClock.linkedTo(emu);
    app = await startAuth(emu, { clock, browser: playingBrowser(ALICE) });
    await app.auth.signIn(app.oidcOrgId, { staySignedIn: true });
    const session = app.auth.session(app.oidcOrgId)!;
    // The IdP ends the grant behind Deskbridge's back (an administrator revoked it).
    await revokeAtIdp(JSON.parse((await app.secrets.get(KEYCHAIN_SERVICE, `${app.oidcOrgId}:alice`)) ?? '{}').refreshToken as string);
    // Just past the renewal point (5 minutes before expiry): the refresh is refused.
    await clock.advance(56 * 60_000);
    await vi.waitFor(() => expect(app?.auth.status(app.oidcOrgId)?.state).toBe('error'));
    expect(app.auth.status(app.oidcOrgId)?.error?.code).toBe('sign-in-expired');
    expect(app.auth.session(app.oidcOrgId)).toBeNull();
    expect(await app.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
    await expect(session.credentials()).rejects.toMatchObject({ code: 'not-signed-in' });
    // Signing in again works.
    expect((await app.auth.signIn(app.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
  });

  it('remembers only the refresh token in the keychain with stay signed in, and a new core restores it without the browser', async () => {
    const clock = ManualClock.linkedTo(emu);
    const browser = playingBrowser(ALICE);
    app = await startAuth(emu, { clock, browser });
    const result = await app.auth.signIn(app.oidcOrgId, { staySignedIn: true });
    expect(result).toMatchObject({ ok: true, value: { staySignedIn: true } });
    const accounts = await app.secrets.accounts(KEYCHAIN_SERVICE);
    expect(accounts).toEqual([`${app.oidcOrgId}:alice`]);
    const stored = JSON.parse((await app.secrets.get(KEYCHAIN_SERVICE, accounts[0] ?? '')) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['refreshToken', 'v']);

    const secrets = app.secrets;
    const again = playingBrowser(null);
    const second = await startAuth(emu, { clock, browser: again, secrets });
    try {
      await second.auth.restore();
      expect(second.auth.status(second.oidcOrgId)).toMatchObject({ state: 'signed-in', userName: 'alice', staySignedIn: true });
      expect(again.opened).toEqual([]);
      await second.auth.signOut(second.oidcOrgId);
      expect(await secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
      expect(second.auth.session(second.oidcOrgId)).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('revokes the refresh token on sign-out and drops the credentials', async () => {
    const clock = ManualClock.linkedTo(emu);
    app = await startAuth(emu, { clock, browser: playingBrowser(ALICE) });
    await app.auth.signIn(app.oidcOrgId, { staySignedIn: true });
    const stored = JSON.parse((await app.secrets.get(KEYCHAIN_SERVICE, `${app.oidcOrgId}:alice`)) ?? '{}') as { refreshToken: string };
    const status = await app.auth.signOut(app.oidcOrgId);
    expect(status).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    const refreshed = await fetch(`${emu.endpoints.oidcIssuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: stored.refreshToken, client_id: 'deskbridge-desktop' }),
    });
    expect(((await refreshed.json()) as { error?: string }).error).toBe('invalid_grant');
    expect(app.auth.sessions()).toEqual([]);
  });

  it('signs out and wipes the keychain when the organization is removed', async () => {
    const clock = ManualClock.linkedTo(emu);
    const { policy: _policy, badge: _badge, ...org } = emu.demo.organizations[0]!;
    app = await startAuth(emu, {
      clock,
      browser: playingBrowser(ALICE),
      policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: emu.demo.trustedHosts },
    });
    const added = await app.orgs.add({ ...org, name: 'Own copy' });
    expect(added.ok).toBe(true);
    const id = added.ok ? added.value.id : '';
    expect((await app.auth.signIn(id, { staySignedIn: true })).ok).toBe(true);
    expect(await app.secrets.accounts(KEYCHAIN_SERVICE)).toHaveLength(1);
    await app.orgs.remove(id);
    expect(await app.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
    expect(app.auth.session(id)).toBeNull();
  });

  it('does not remember anything when the organization’s policy forbids staying signed in', async () => {
    const clock = ManualClock.linkedTo(emu);
    const policy = { ...emu.demo.managedPolicy, allowStaySignedIn: false };
    app = await startAuth(emu, { clock, browser: playingBrowser(ALICE), policy });
    const result = await app.auth.signIn(app.oidcOrgId, { staySignedIn: true });
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', staySignedIn: false } });
    expect(await app.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
  });
});

async function revokeAtIdp(refreshToken: string): Promise<void> {
  const response = await fetch(`${emu.endpoints.oidcIssuer}/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: refreshToken, client_id: 'deskbridge-desktop' }),
  });
  expect(response.status).toBe(200);
}
