import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import { type Emulator, startEmulator, type TapEvent } from '../../emulator';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './support';

let emu: Emulator;
let app: AuthUnderTest | null = null;
let taps: TapEvent[] = [];

beforeEach(async () => {
  taps = [];
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, onResponse: (event) => taps.push(event) });
});
afterEach(async () => {
  await app?.close();
  app = null;
  await emu.stop();
});

const createTokenCalls = (): TapEvent[] => taps.filter((t) => t.service === 'ssoOidc' && t.operation === 'CreateToken');

/** Approves a device code on the emulator's verification page, as the user would in any browser. */
async function approveDevice(verificationUri: string): Promise<void> {
  const url = new URL(verificationUri);
  const body = new URLSearchParams({ user_code: url.searchParams.get('user_code') ?? '', username: ALICE.username, password: ALICE.password });
  const response = await fetch(`${url.origin}/device`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  expect(response.status).toBe(200);
}

async function describeAlice(app: AuthUnderTest): Promise<number> {
  const session = app.auth.session(app.idcOrgId)!;
  const client = new WorkSpacesClient({ region: 'us-east-1', endpoint: emu.endpoints.workspaces, credentials: () => session.credentials(), maxAttempts: 1 });
  const out = await client.send(new DescribeWorkspacesCommand({ DirectoryId: session.org.directoryId ?? '', UserName: session.userName }));
  return out.Workspaces?.length ?? 0;
}

describe('IAM Identity Center sign-in against the emulator', () => {
  it('signs in with Authorization Code + PKCE through the loopback listener and gets role credentials', async () => {
    const browser = playingBrowser(ALICE);
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser });
    const result = await app.auth.signIn(app.idcOrgId, { staySignedIn: false });
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', method: 'identity-center', userName: 'alice' } });
    const url = new URL(browser.opened[0] ?? '');
    expect(url.origin).toBe(emu.endpoints.ssoOidc);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(await describeAlice(app)).toBeGreaterThan(0);
  });

  it('signs in with a device code: shows the code, polls at AWS’s interval, honours slow_down', async () => {
    const clock = ManualClock.linkedTo(emu);
    app = await startAuth(emu, { clock, browser: playingBrowser(null) });
    const done = app.auth.signIn(app.idcOrgId, { staySignedIn: false, flow: 'device' });
    await vi.waitFor(() => expect(app?.auth.status(app.idcOrgId)?.deviceCode).toBeDefined());
    const status = app.auth.status(app.idcOrgId)!;
    expect(status).toMatchObject({ state: 'signing-in', waitingFor: 'device' });
    expect(status.deviceCode?.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(status.deviceCode?.verificationUri).toContain('/device');

    await clock.advance(1_000); // first poll after the interval: still pending
    await vi.waitFor(() => expect(createTokenCalls()).toHaveLength(1));
    expect(createTokenCalls()[0]?.errorType).toBe('AuthorizationPendingException');
    // The emulator's clock falls behind ours: the next poll looks too fast to AWS, which says slow_down.
    await clock.advance(1_000, { alone: true });
    await vi.waitFor(() => expect(createTokenCalls()).toHaveLength(2));
    expect(createTokenCalls()[1]?.errorType).toBe('SlowDownException');
    // After slow_down the interval grows by 5 s: one more second brings no poll.
    await clock.advance(1_000);
    expect(createTokenCalls()).toHaveLength(2);

    await approveDevice(status.deviceCode?.verificationUri ?? '');
    await clock.advance(5_000);
    const result = await done;
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice' } });
    expect(await describeAlice(app)).toBeGreaterThan(0);
  });

  it('reports a device code refused on the verification page', async () => {
    const clock = ManualClock.linkedTo(emu);
    app = await startAuth(emu, { clock, browser: playingBrowser(null) });
    const done = app.auth.signIn(app.idcOrgId, { staySignedIn: false, flow: 'device' });
    await vi.waitFor(() => expect(app?.auth.status(app.idcOrgId)?.deviceCode).toBeDefined());
    emu.state.denyDeviceAuthorization(app.auth.status(app.idcOrgId)?.deviceCode?.userCode ?? '');
    await clock.advance(1_000);
    expect(await done).toMatchObject({ ok: false, error: { code: 'sign-in-denied' } });
    expect(app.auth.status(app.idcOrgId)?.state).toBe('error');
  });

  it('cancels a device-code sign-in at once', async () => {
    const clock = ManualClock.linkedTo(emu);
    app = await startAuth(emu, { clock, browser: playingBrowser(null) });
    const done = app.auth.signIn(app.idcOrgId, { staySignedIn: false, flow: 'device' });
    await vi.waitFor(() => expect(app?.auth.status(app.idcOrgId)?.deviceCode).toBeDefined());
    app.auth.cancel(app.idcOrgId);
    expect(await done).toMatchObject({ ok: false, error: { code: 'sign-in-cancelled' } });
    expect(app.auth.status(app.idcOrgId)).toMatchObject({ state: 'signed-out' });
    expect(app.auth.status(app.idcOrgId)?.deviceCode).toBeUndefined();
  });

  it('keeps the refresh token and the client registration in the keychain and restores, rotating the refresh token', async () => {
    const clock = ManualClock.linkedTo(emu);
    app = await startAuth(emu, { clock, browser: playingBrowser(ALICE) });
    expect((await app.auth.signIn(app.idcOrgId, { staySignedIn: true })).ok).toBe(true);
    const account = `${app.idcOrgId}:alice`;
    const before = JSON.parse((await app.secrets.get(KEYCHAIN_SERVICE, account)) ?? '{}') as { refreshToken: string; registration: { clientId: string } };
    expect(Object.keys(before).sort()).toEqual(['refreshToken', 'registration', 'v']);
    expect(Object.keys(before.registration).sort()).toEqual(['authorizationEndpoint', 'clientId', 'clientSecret', 'expiresAt']);

    // Deskbridge quits; the access token expires; the next core must use the refresh token (rotated by Identity Center).
    const secrets = app.secrets;
    await app.close();
    app = null;
    await clock.advance(3600_000);
    const next = await startAuth(emu, { clock, browser: playingBrowser(null), secrets });
    try {
      await next.auth.restore();
      expect(next.auth.status(next.idcOrgId)).toMatchObject({ state: 'signed-in', userName: 'alice', staySignedIn: true });
      const after = JSON.parse((await secrets.get(KEYCHAIN_SERVICE, account)) ?? '{}') as { refreshToken: string; registration: { clientId: string } };
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect(after.registration.clientId).toBe(before.registration.clientId);
      expect(taps.filter((t) => t.operation === 'RegisterClient')).toHaveLength(1);
    } finally {
      await next.close();
    }
  });

  it('lets the user set a different WorkSpaces user name', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE) });
    await app.auth.signIn(app.idcOrgId, { staySignedIn: false });
    const renamed = await app.auth.setUserName(app.idcOrgId, 'alice.example');
    expect(renamed).toMatchObject({ ok: true, value: { userName: 'alice.example' } });
    expect(app.auth.session(app.idcOrgId)?.userName).toBe('alice.example');
  });
});
