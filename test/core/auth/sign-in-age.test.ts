import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_MARGIN_MS } from '@core/auth/auth-service';
import { IdentityCenterClient, type IdcOrg } from '@core/auth/identity-center-client';
import { IdentityCenterGrant, OidcGrant } from '@core/auth/grants';
import { OidcClient, type OidcOrg } from '@core/auth/oidc-client';
import { signInAgeRefusal, staleSignInRefusal } from '@core/auth/sign-in-age';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import type { ManagedPolicy, OrgProfile } from '@shared/models/org';
import { type Emulator, startEmulator } from '../../emulator';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './support';
import { testFetch } from '../support/network';

const HOUR = 3_600_000;
let emu: Emulator;
const apps: AuthUnderTest[] = [];

// The IdP signs on real time while the test moves core's clock by hours: ID tokens that outlive the moves.
beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, tokenTtl: { idTokenSeconds: 7 * 24 * 3600 } });
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await emu.stop();
});

/** The demo organizations with a sign-in age limit (or none). */
function policyWith(maxSignInHours: number | undefined): ManagedPolicy {
  const base = emu.demo.managedPolicy;
  const policy = { allowStaySignedIn: true, ...(maxSignInHours === undefined ? {} : { maxSignInHours }) };
  return { ...base, organizations: base.organizations.map((org) => ({ ...org, policy })) };
}

async function start(clock: ManualClock, policy: ManagedPolicy, from?: AuthUnderTest): Promise<AuthUnderTest & { opened: string[] }> {
  const browser = playingBrowser(from ? null : ALICE);
  const app = await startAuth(emu, { clock, browser, policy, ...(from ? { secrets: from.secrets } : {}) });
  apps.push(app);
  return Object.assign(app, { opened: browser.opened });
}

/** Alice signs in with "stay signed in"; that core then quits (timers and memory gone, the keychain entry stays). */
async function rememberedSignIn(clock: ManualClock, policy: ManagedPolicy): Promise<AuthUnderTest & { opened: string[] }> {
  const first = await start(clock, policy);
  expect(await first.auth.signIn(first.oidcOrgId, { staySignedIn: true })).toMatchObject({ ok: true, value: { staySignedIn: true } });
  first.auth.dispose();
  expect(await first.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([`${first.oidcOrgId}:alice`]);
  return first;
}

/** Moves the clock just past the next renewal point and waits for that renewal to succeed or fail. */
async function nextRenewal(app: AuthUnderTest, clock: ManualClock): Promise<void> {
  const expiresAt = app.auth.status(app.oidcOrgId)?.expiresAt ?? 0;
  await clock.advance(expiresAt - REFRESH_MARGIN_MS - clock.now() + 1_000);
  await vi.waitFor(() => {
    const status = app.auth.status(app.oidcOrgId);
    expect(status?.state === 'error' || (status?.expiresAt ?? 0) > expiresAt).toBe(true);
  });
}

describe('the organization’s limit on how long a sign-in lasts (maxSignInHours), OIDC', () => {
  it('asks the IdP for auth_time with max_age when the organization sets a limit, and not otherwise', async () => {
    const clock = ManualClock.linkedTo(emu);
    const limited = await start(clock, policyWith(2));
    expect((await limited.auth.signIn(limited.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
    expect(new URL(limited.opened[0] ?? '').searchParams.get('max_age')).toBe('7200');
    const open = await start(clock, policyWith(undefined));
    expect((await open.auth.signIn(open.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
    expect(new URL(open.opened[0] ?? '').searchParams.has('max_age')).toBe(false);
  });

  it('does not restore a remembered sign-in older than the limit: the keychain entry is deleted and the user told why', async () => {
    const clock = ManualClock.linkedTo(emu);
    const first = await rememberedSignIn(clock, policyWith(2));
    await clock.advance(2 * HOUR + 60_000);

    const next = await start(clock, policyWith(2), first);
    await next.auth.restore();
    expect(next.auth.status(next.oidcOrgId)).toMatchObject({
      state: 'error',
      staySignedIn: false,
      error: { code: 'sign-in-too-old', message: 'Your organization asks you to sign in again every 2 hours.' },
    });
    expect(next.auth.session(next.oidcOrgId)).toBeNull();
    expect(await next.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
    expect(next.opened).toEqual([]);
  });

  it('restores a remembered sign-in within the limit without the browser', async () => {
    const clock = ManualClock.linkedTo(emu);
    const first = await rememberedSignIn(clock, policyWith(2));
    await clock.advance(2 * HOUR - 10 * 60_000);

    const next = await start(clock, policyWith(2), first);
    await next.auth.restore();
    expect(next.auth.status(next.oidcOrgId)).toMatchObject({ state: 'signed-in', userName: 'alice', staySignedIn: true });
    expect(await next.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([`${next.oidcOrgId}:alice`]);
    expect(next.opened).toEqual([]);
  });

  it('renews an active session while it is within the limit and ends it at the first renewal past it', async () => {
    const clock = ManualClock.linkedTo(emu);
    const app = await start(clock, policyWith(2));
    await app.auth.signIn(app.oidcOrgId, { staySignedIn: true });
    const signedInAt = clock.now();

    // Credentials last an hour and are renewed 5 minutes early: at 55 and 110 minutes, both within 2 hours.
    for (const _ of [1, 2]) {
      await nextRenewal(app, clock);
      expect(app.auth.status(app.oidcOrgId)).toMatchObject({ state: 'signed-in', staySignedIn: true });
    }
    expect(clock.now() - signedInAt).toBeLessThan(2 * HOUR);
    const session = app.auth.session(app.oidcOrgId)!;

    // The next renewal (at 165 minutes) is past the limit.
    await nextRenewal(app, clock);
    expect(app.auth.status(app.oidcOrgId)?.state).toBe('error');
    expect(app.auth.status(app.oidcOrgId)?.error).toMatchObject({
      code: 'sign-in-too-old',
      message: 'Your organization asks you to sign in again every 2 hours.',
    });
    expect(app.auth.session(app.oidcOrgId)).toBeNull();
    await expect(session.credentials()).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(await app.secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
    expect(app.opened).toHaveLength(1);
    // Signing in again starts a new period.
    expect((await app.auth.signIn(app.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
  });

  it('without a limit, a remembered sign-in restores after two days and an active session keeps renewing', async () => {
    const clock = ManualClock.linkedTo(emu);
    const first = await rememberedSignIn(clock, policyWith(undefined));
    await clock.advance(48 * HOUR);
    const next = await start(clock, policyWith(undefined), first);
    await next.auth.restore();
    expect(next.auth.status(next.oidcOrgId)).toMatchObject({ state: 'signed-in', staySignedIn: true });

    for (let i = 0; i < 5; i += 1) {
      await nextRenewal(next, clock);
      expect(next.auth.status(next.oidcOrgId)).toMatchObject({ state: 'signed-in', staySignedIn: true });
    }
    expect(next.opened).toEqual([]);
  });
});

describe('signInAgeRefusal', () => {
  const org = (maxSignInHours?: number): OrgProfile => {
    const demo = emu.demo.organizations[0]!;
    return { ...demo, id: 'o', managed: false, policy: { allowStaySignedIn: true, ...(maxSignInHours === undefined ? {} : { maxSignInHours }) } } as OrgProfile;
  };
  const oidcGrant = (profile: OrgProfile, clock: ManualClock, authenticatedAt: number | null): OidcGrant =>
    new OidcGrant(profile as OidcOrg, new OidcClient(profile as OidcOrg, clock, 1_000, testFetch), clock, 1_000, null, 'r', 'alice', authenticatedAt);

  it('refuses an OIDC sign-in whose IdP never said when the user authenticated, if there is a limit', () => {
    const clock = ManualClock.fixed();
    expect(signInAgeRefusal(oidcGrant(org(8), clock, null), org(8).policy, clock.now())).toMatchObject({
      code: 'sign-in-too-old',
      message: 'Your organization asks you to sign in again every 8 hours.',
    });
    expect(signInAgeRefusal(oidcGrant(org(), clock, null), org().policy, clock.now())).toBeNull();
  });

  it('counts the limit from auth_time, inclusive, and says "every hour" for one hour', () => {
    const clock = ManualClock.fixed();
    const at = clock.now() - HOUR;
    expect(signInAgeRefusal(oidcGrant(org(1), clock, at), org(1).policy, clock.now())).toBeNull();
    expect(signInAgeRefusal(oidcGrant(org(1), clock, at), org(1).policy, clock.now() + 1)).toMatchObject({
      message: 'Your organization asks you to sign in again every hour.',
    });
  });

  it('words a browser sign-in that the IdP dated too early, and leaves an undated one to renewal', () => {
    const clock = ManualClock.fixed();
    expect(staleSignInRefusal(oidcGrant(org(1), clock, clock.now() - HOUR - 60_000), org(1).policy, clock.now())).toMatchObject({
      code: 'idp-sign-in-too-old',
      message:
        'Your identity provider used a sign-in from an hour ago, but your organization asks you to sign in again every hour. Sign out at your identity provider in the browser, then sign in here again.',
    });
    expect(staleSignInRefusal(oidcGrant(org(1), clock, clock.now() - HOUR), org(1).policy, clock.now())).toBeNull();
    expect(staleSignInRefusal(oidcGrant(org(1), clock, null), org(1).policy, clock.now())).toBeNull();
    expect(staleSignInRefusal(oidcGrant(org(), clock, clock.now() - 100 * HOUR), org().policy, clock.now())).toBeNull();
  });

  it('leaves IAM Identity Center to the session duration configured in Identity Center', () => {
    const clock = ManualClock.fixed();
    const idc = { ...emu.demo.organizations[1]!, id: 'i', managed: false, policy: { allowStaySignedIn: true, maxSignInHours: 1 } } as IdcOrg;
    const client = new IdentityCenterClient(idc, clock, 1_000, testFetch);
    const grant = new IdentityCenterGrant(
      client,
      clock,
      { clientId: 'c', clientSecret: 's', expiresAt: clock.now() + 90 * 24 * HOUR },
      { refreshToken: 'r' },
      'alice',
    );
    try {
      expect(signInAgeRefusal(grant, idc.policy, clock.now() + 1_000 * HOUR)).toBeNull();
    } finally {
      grant.dispose();
    }
  });
});
