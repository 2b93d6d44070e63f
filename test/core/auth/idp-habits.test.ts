/**
 * Identity providers as they really behave (issue 15, items 7 and 17-20): each case switches on
 * one habit of the emulator's IdP and signs in through the real flow.
 */
import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_MARGIN_MS } from '@core/auth/auth-service';
import type { ManagedPolicy } from '@shared/models/org';
import { type Emulator, type EmulatorOptions, type IdpQuirks, startEmulator, URL_USER_NAME_CLAIM } from '../../emulator';
import { DEMO_USERS } from '../../emulator/seed';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './support';

let emu: Emulator | null = null;
let app: AuthUnderTest | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  await emu?.stop();
  emu = null;
});

async function emulatorWith(idpQuirks: IdpQuirks, options: EmulatorOptions = {}): Promise<Emulator> {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, idpQuirks, ...options });
  return emu;
}

/** The demo policy with the OIDC organization's sign-in age limit (or none). */
function policyWith(e: Emulator, maxSignInHours?: number): ManagedPolicy {
  const base = e.demo.managedPolicy;
  const policy = { allowStaySignedIn: true, ...(maxSignInHours === undefined ? {} : { maxSignInHours }) };
  return { ...base, organizations: base.organizations.map((org) => (org.signIn.method === 'oidc' ? { ...org, policy } : org)) };
}

async function signIn(e: Emulator, options: { clock?: ManualClock; policy?: ManagedPolicy } = {}) {
  const clock = options.clock ?? ManualClock.linkedTo(e);
  const browser = playingBrowser(ALICE);
  app = await startAuth(e, { clock, browser, ...(options.policy ? { policy: options.policy } : { policy: policyWith(e) }) });
  const result = await app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
  return { result, clock, browser, app };
}

async function describeWorkspaces(e: Emulator, a: AuthUnderTest): Promise<number> {
  const session = a.auth.session(a.oidcOrgId);
  if (!session) throw new Error('not signed in');
  const client = new WorkSpacesClient({ region: 'us-east-1', endpoint: e.endpoints.workspaces, credentials: () => session.credentials(), maxAttempts: 1 });
  const out = await client.send(new DescribeWorkspacesCommand({ DirectoryId: session.org.directoryId ?? '', UserName: session.userName }));
  return out.Workspaces?.length ?? 0;
}

/** Moves the clock just past the next renewal point and waits for that renewal to succeed or fail. */
async function nextRenewal(a: AuthUnderTest, clock: ManualClock): Promise<void> {
  const expiresAt = a.auth.status(a.oidcOrgId)?.expiresAt ?? 0;
  await clock.advance(expiresAt - REFRESH_MARGIN_MS - clock.now() + 1_000);
  await vi.waitFor(() => {
    const status = a.auth.status(a.oidcOrgId);
    expect(status?.state === 'error' || (status?.expiresAt ?? 0) > expiresAt).toBe(true);
  });
}

describe('an IdP that ignores max_age and reuses an old sign-in (item 17)', () => {
  it('refuses the sign-in before any AWS credentials, saying how old the IdP’s sign-in is and what to do', async () => {
    const stsCalls: string[] = [];
    const e = await emulatorWith(
      { staleAuthTimeSeconds: 9 * 3600 },
      { onResponse: (event) => void (event.service === 'sts' && stsCalls.push(event.operation ?? '')) },
    );
    const { result, app: a } = await signIn(e, { policy: policyWith(e, 2) });
    expect(result).toMatchObject({ ok: false, error: { code: 'idp-sign-in-too-old' } });
    expect(stsCalls).toEqual([]);
    if (result.ok) return;
    expect(result.error.message).toContain('9 hours ago');
    expect(result.error.message).toContain('every 2 hours');
    expect(result.error.message).toContain('Sign out at your identity provider');
    expect(a.auth.status(a.oidcOrgId)).toMatchObject({ state: 'error', error: { code: 'idp-sign-in-too-old' } });
    expect(a.auth.session(a.oidcOrgId)).toBeNull();
  });

  it('accepts the same old IdP sign-in when the organization sets no limit', async () => {
    const stsCalls: string[] = [];
    const e = await emulatorWith(
      { staleAuthTimeSeconds: 9 * 3600 },
      { onResponse: (event) => void (event.service === 'sts' && stsCalls.push(event.operation ?? '')) },
    );
    const { result } = await signIn(e, { policy: policyWith(e) });
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice' } });
    expect(stsCalls).toEqual(['AssumeRoleWithWebIdentity']);
  });
});

describe('a refreshed ID token without the user-name claim (item 18)', () => {
  it('keeps the sign-in’s user name and renews without ending the session', async () => {
    const e = await emulatorWith({ refreshWithoutUserName: true });
    const { result, clock, browser, app: a } = await signIn(e);
    expect(result).toMatchObject({ ok: true, value: { userName: 'alice' } });
    await nextRenewal(a, clock);
    expect(a.auth.status(a.oidcOrgId)).toMatchObject({ state: 'signed-in', userName: 'alice' });
    expect(await describeWorkspaces(e, a)).toBeGreaterThan(0);
    expect(browser.opened).toHaveLength(1);
  });

  it('ends the session with a clear error when the refreshed ID token is for another user (sub)', async () => {
    const e = await emulatorWith({ refreshAnswersFor: DEMO_USERS.find((u) => u.username === 'nobody') });
    const { result, clock, app: a } = await signIn(e);
    expect(result.ok).toBe(true);
    await nextRenewal(a, clock);
    expect(a.auth.status(a.oidcOrgId)).toMatchObject({ state: 'error', error: { code: 'subject-changed' } });
    expect(a.auth.status(a.oidcOrgId)?.error?.message).toMatch(/different user/);
    expect(a.auth.session(a.oidcOrgId)).toBeNull();
  });
});

describe('an IdP that sets nbf, with clocks a little apart (item 19)', () => {
  it('signs in when this computer’s clock is two minutes behind the IdP’s', async () => {
    const e = await emulatorWith({ notBefore: true });
    // STS (the emulator's manual clock, no tolerance) must not see the token as not yet valid either.
    e.clock.advance(60_000);
    const { result, app: a } = await signIn(e, { clock: ManualClock.offset(-2 * 60_000) });
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice' } });
    expect(await describeWorkspaces(e, a)).toBeGreaterThan(0);
  });

  it('reports clock skew, not an expired sign-in, when this computer’s clock is ten minutes behind', async () => {
    const e = await emulatorWith({ notBefore: true });
    const { result } = await signIn(e, { clock: ManualClock.offset(-10 * 60_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'clock-skew' } });
    if (!result.ok) expect(result.error.message).toMatch(/about 10 minutes behind/);
  });
});

describe('a 5-minute ID token and no refresh token (item 20)', () => {
  it('uses the token at once, and asks for a new sign-in only when the credentials need renewing', async () => {
    const e = await emulatorWith({ noRefreshToken: true }, { tokenTtl: { idTokenSeconds: 300 } });
    const { result, clock, app: a } = await signIn(e);
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice' } });
    expect(await describeWorkspaces(e, a)).toBeGreaterThan(0);
    await clock.advance(30 * 60_000);
    expect(a.auth.status(a.oidcOrgId)).toMatchObject({ state: 'signed-in' });
    expect(await describeWorkspaces(e, a)).toBeGreaterThan(0);
    await nextRenewal(a, clock);
    expect(a.auth.status(a.oidcOrgId)).toMatchObject({ state: 'error', error: { code: 'sign-in-expired' } });
  });
});

describe('where the user name comes from', () => {
  it('asks UserInfo when the ID token has no user-name claim', async () => {
    const e = await emulatorWith({ userNameOnlyInUserInfo: true });
    const { result, app: a } = await signIn(e);
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice' } });
    expect(await describeWorkspaces(e, a)).toBeGreaterThan(0);
  });

  it('still says which claim is missing when neither the ID token nor UserInfo has it', async () => {
    const e = await emulatorWith({ userNameOnlyInUserInfo: true });
    const policy = policyWith(e);
    const renamed = {
      ...policy,
      organizations: policy.organizations.map((o) => (o.signIn.method === 'oidc' ? { ...o, signIn: { ...o.signIn, userNameClaim: 'upn' } } : o)),
    };
    const { result } = await signIn(e, { policy: renamed });
    expect(result).toMatchObject({ ok: false, error: { code: 'user-name-missing' } });
    if (!result.ok) expect(result.error.message).toContain('“upn”');
  });

  it('reads a claim whose name is a URL, for an organization a user adds', async () => {
    const e = await emulatorWith({ urlUserNameClaim: true });
    const { policy: _policy, badge: _badge, ...org } = e.demo.organizations.find((o) => o.signIn.method === 'oidc')!;
    if (org.signIn.method !== 'oidc') throw new Error('unreachable');
    app = await startAuth(e, {
      clock: ManualClock.linkedTo(e),
      browser: playingBrowser(ALICE),
      policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: e.demo.trustedHosts },
    });
    const added = await app.orgs.add({ ...org, name: 'Okta style', signIn: { ...org.signIn, userNameClaim: URL_USER_NAME_CLAIM } });
    expect(added).toMatchObject({ ok: true, value: { signIn: { userNameClaim: URL_USER_NAME_CLAIM } } });
    const id = added.ok ? added.value.id : '';
    expect(await app.auth.signIn(id, { staySignedIn: false })).toMatchObject({ ok: true, value: { userName: 'alice' } });
  });
});

describe('an oversized answer from the IdP (item 7)', () => {
  it('refuses a 200 MB discovery document with a clear error', async () => {
    const e = await emulatorWith({ discoveryBytes: 200 * 1024 * 1024 });
    const { result } = await signIn(e);
    expect(result).toMatchObject({ ok: false, error: { code: 'idp-response-too-large' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/far larger than a sign-in needs/);
    expect(result.error.details).toContain(`${e.endpoints.oidcIssuer}/.well-known/openid-configuration`);
  });
});
