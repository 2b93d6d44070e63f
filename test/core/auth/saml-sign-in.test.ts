import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoticeCenter } from '@core/app/notice-center';
import { AuthError } from '@core/auth/auth-error';
import { AuthService, REFRESH_MARGIN_MS } from '@core/auth/auth-service';
import type { SamlCapture, SamlCaptureRequest } from '@core/auth/saml-capture';
import { explainSamlStsError } from '@core/auth/saml-sts';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import { OrgService } from '@core/orgs/org-service';
import type { Browser, Clock } from '@core/ports';
import { SettingsStore } from '@core/settings/settings-store';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { SignInVault } from '@core/vault/sign-in-vault';
import type { Result } from '@shared/ipc/result';
import type { ManagedPolicy } from '@shared/models/org';
import { type Emulator, startEmulator } from '../../emulator';
import { CODE_SAML, DEFAULT_SAML_APP, SAML_SUPPORT_ROLE_ARN, SAML_USERS_ROLE_ARN } from '../../emulator/saml-idp';
import { SamlBrowser } from '../../emulator/saml-login';
import { ALICE, ManualClock } from './support';
import { testFetch } from '../support/network';

let emu: Emulator;
let auth: AuthService | null = null;
let orgs: OrgService;
let dir: string;

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-saml-'));
});
afterEach(async () => {
  auth?.dispose();
  auth = null;
  await emu.stop();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Core's SAML port played like Electron's sign-in window: an in-memory cookie jar (the window's
 * partition) that forget() wipes; hidden captures never log in (that would be a prompt).
 */
class PlayedWindow implements SamlCapture {
  browser = new SamlBrowser();
  readonly requests: SamlCaptureRequest[] = [];
  /** Runs after the IdP posted and before core gets the response (time passing, a closed window). */
  afterPost: (() => void) | null = null;
  closeInstead = false;
  /** A hidden capture whose window showed itself because the IdP asked for a login, and the user logged in. */
  loginWhenAsked = false;

  async capture(request: SamlCaptureRequest, signal: AbortSignal): Promise<string> {
    this.requests.push(request);
    if (this.closeInstead) throw new AuthError('saml-window-closed', 'The sign-in window was closed before you finished signing in.');
    if (signal.aborted) throw new AuthError('sign-in-cancelled', 'Sign-in was cancelled.');
    const post = await this.browser.signIn(request.signInUrl, request.hidden && !this.loginWhenAsked ? null : ALICE);
    expect(post.acs).toBe('https://signin.aws.amazon.com/saml');
    this.afterPost?.();
    return post.samlResponse;
  }

  /** How often core wiped the window's partition (the IdP session with it). */
  forgets = 0;

  forget(): Promise<void> {
    this.forgets += 1;
    this.browser = new SamlBrowser();
    return Promise.resolve();
  }
}

function samlPolicy(change: (org: ManagedPolicy['organizations'][number]) => ManagedPolicy['organizations'][number] = (o) => o): ManagedPolicy {
  return {
    ...emu.demo.managedPolicy,
    organizations: emu.demo.managedPolicy.organizations.map((org) => (org.code === CODE_SAML ? change(org) : org)),
  };
}

/** The demo SAML organization as Electron would run it: no loopback ACS override. */
const windowed = (org: ManagedPolicy['organizations'][number]) => ({ ...org, endpoints: { ...org.endpoints, samlAcs: undefined } });

async function start(options: { clock?: Clock; window?: SamlCapture; browser?: Browser; policy?: ManagedPolicy } = {}) {
  const store = new SettingsStore(join(dir, 'settings.json'));
  await store.load();
  const events = new EventBus();
  orgs = new OrgService(store, options.policy ?? samlPolicy(windowed), events);
  const clock = options.clock ?? ManualClock.linkedTo(emu);
  auth = new AuthService({
    orgs,
    events,
    notices: new NoticeCenter(events),
    vault: new SignInVault(new MemorySecretStore(), clock),
    browser: options.browser ?? { open: () => Promise.reject(new Error('no browser in this test')) },
    clock,
    log: new Logger().scoped('auth'),
    fetch: testFetch,
    ...(options.window ? { samlWindow: options.window } : {}),
  });
  const orgId = orgs.snapshot().organizations.find((o) => o.signIn.method === 'saml')?.id ?? '';
  return { auth, orgId, clock };
}

function failure(result: Result<unknown>, code: string): { message: string; details?: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  // Never the assertion itself (long base64) in a message.
  expect(`${result.error.message} ${result.error.details ?? ''}`).not.toMatch(/[A-Za-z0-9+/]{200,}/);
  return result.error;
}

describe('SAML sign-in in the sign-in window', () => {
  it('alice picks one of her two roles; the choice is remembered in the settings and the next sign-in does not ask', async () => {
    const window = new PlayedWindow();
    const { auth, orgId } = await start({ window });
    const done = auth.signIn(orgId, { staySignedIn: true });
    await vi.waitFor(() => expect(auth.status(orgId)?.waitingFor).toBe('role'));
    expect(auth.status(orgId)?.roleChoices).toEqual([SAML_USERS_ROLE_ARN, SAML_SUPPORT_ROLE_ARN]);
    expect(auth.chooseRole(orgId, 'arn:aws:iam::123456789012:role/NotOffered').ok).toBe(false);
    expect(auth.chooseRole(orgId, SAML_SUPPORT_ROLE_ARN).ok).toBe(true);
    const result = await done;
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', method: 'saml', userName: 'alice', staySignedIn: false } });
    expect(window.requests[0]).toMatchObject({ orgId, orgName: 'Deskbridge Demo (SAML)', hidden: false });
    const session = auth.session(orgId);
    expect(session?.userName).toBe('alice');
    expect((await session!.credentials()).accessKeyId).toMatch(/^ASIA/);
    const settings = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { preferences: { samlRoles?: Record<string, string> } };
    expect(settings.preferences.samlRoles).toEqual({ [orgId]: SAML_SUPPORT_ROLE_ARN });
    // Nothing but the role ARN: no assertion, no user name in the file.
    expect(JSON.stringify(settings)).not.toContain('alice');

    await auth.signOut(orgId);
    const again = await auth.signIn(orgId, { staySignedIn: false });
    expect(again).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    expect(auth.status(orgId)?.roleChoices).toBeUndefined();
  });

  it('renews before expiry by running the IdP again hidden, with no prompt while the IdP session lives', async () => {
    const window = new PlayedWindow();
    const { auth, orgId, clock } = await start({
      window,
      policy: samlPolicy((o) => ({
        ...windowed(o),
        signIn: { method: 'saml', signInUrl: (o.signIn as { signInUrl: string }).signInUrl, preferredRoleArn: SAML_USERS_ROLE_ARN },
      })),
    });
    expect((await auth.signIn(orgId, { staySignedIn: false })).ok).toBe(true);
    const before = auth.status(orgId)?.expiresAt ?? 0;
    await (clock as ManualClock).advance(before - clock.now() - REFRESH_MARGIN_MS + 1000);
    await vi.waitFor(() => expect(auth.status(orgId)?.expiresAt).toBeGreaterThan(before));
    expect(window.requests.map((r) => r.hidden)).toEqual([false, true]);
    expect(auth.status(orgId)?.state).toBe('signed-in');
  });

  it('cancel while the role picker is shown ends the sign-in and clears the choice', async () => {
    const { auth, orgId } = await start({ window: new PlayedWindow() });
    const done = auth.signIn(orgId, { staySignedIn: false });
    await vi.waitFor(() => expect(auth.status(orgId)?.waitingFor).toBe('role'));
    auth.cancel(orgId);
    failure(await done, 'sign-in-cancelled');
    expect(auth.status(orgId)).toMatchObject({ state: 'signed-out' });
    expect(auth.status(orgId)?.roleChoices).toBeUndefined();
    expect(auth.chooseRole(orgId, SAML_USERS_ROLE_ARN).ok).toBe(false);
    expect(orgs.samlRole(orgId)).toBeUndefined();
  });

  it('no sign-in window on this host and no loopback ACS from IT: saml-unavailable', async () => {
    const { auth, orgId } = await start();
    failure(await auth.signIn(orgId, { staySignedIn: false }), 'saml-unavailable');
  });

  it('STS refusals that are not the trust policy get their own codes, naming the role or Region', () => {
    const role = { roleArn: SAML_USERS_ROLE_ARN, principalArn: 'arn:aws:iam::123456789012:saml-provider/DeskbridgeDemoIdP' };
    const sts = (name: string, message: string): Error => Object.assign(new Error(message), { name });
    expect(
      explainSamlStsError(
        sts('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
        role,
        'https://sts',
        'eu-west-1',
      ),
    ).toMatchObject({ code: 'role-session-too-long', params: { role: SAML_USERS_ROLE_ARN.split('/').pop() } });
    expect(explainSamlStsError(sts('RegionDisabledException', 'STS is not activated in this region'), role, 'https://sts', 'eu-west-1')).toMatchObject({
      code: 'sts-region-disabled',
      params: { region: 'eu-west-1' },
    });
    expect(explainSamlStsError(sts('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML'), role, 'https://sts', 'eu-west-1')).toMatchObject({
      code: 'role-trust-refused',
      params: { role: SAML_USERS_ROLE_ARN.split('/').pop() },
    });
  });

  it('window closed: the user closes the sign-in window', async () => {
    const window = new PlayedWindow();
    window.closeInstead = true;
    const { auth, orgId } = await start({ window });
    failure(await auth.signIn(orgId, { staySignedIn: false }), 'saml-window-closed');
    expect(auth.status(orgId)?.state).toBe('error');
  });

  it('no Role attribute: the IdP app does not map it', async () => {
    emu.state.saml.settings.sendRoles = false;
    const { auth, orgId } = await start({ window: new PlayedWindow() });
    const error = failure(await auth.signIn(orgId, { staySignedIn: false }), 'saml-no-role');
    expect(error.details).toContain('https://aws.amazon.com/SAML/Attributes/Role');
  });

  it('role not in the assertion: the organization prefers a role the IdP does not offer', async () => {
    const other = 'arn:aws:iam::123456789012:role/SomeoneElses';
    const { auth, orgId } = await start({
      window: new PlayedWindow(),
      policy: samlPolicy((o) => ({
        ...windowed(o),
        signIn: { method: 'saml', signInUrl: (o.signIn as { signInUrl: string }).signInUrl, preferredRoleArn: other },
      })),
    });
    const error = failure(await auth.signIn(orgId, { staySignedIn: false }), 'saml-role-not-offered');
    expect(error.message).toContain(other);
  });

  it('assertion expired: this computer’s clock is ahead of the IdP', async () => {
    const { auth, orgId } = await start({ window: new PlayedWindow(), clock: ManualClock.offset(10 * 60_000) });
    failure(await auth.signIn(orgId, { staySignedIn: false }), 'saml-assertion-expired');
  });

  it('STS ExpiredTokenException: the assertion expires before AWS sees it', async () => {
    const window = new PlayedWindow();
    window.afterPost = () => emu.clock.advance(DEFAULT_SAML_APP.assertionSeconds * 1000 + 1000);
    const { auth, orgId } = await start({
      window,
      clock: ManualClock.fixed(emu.clock.now()),
      policy: samlPolicy((o) => ({
        ...windowed(o),
        signIn: { method: 'saml', signInUrl: (o.signIn as { signInUrl: string }).signInUrl, preferredRoleArn: SAML_USERS_ROLE_ARN },
      })),
    });
    const error = failure(await auth.signIn(orgId, { staySignedIn: false }), 'saml-token-expired');
    expect(error.details).toContain('NotOnOrAfter');
  });

  it('STS InvalidIdentityToken: the IAM SAML provider has stale metadata (names the IAM setting)', async () => {
    emu.state.saml.settings.signWithStaleKey = true;
    const { auth, orgId } = await start({
      window: new PlayedWindow(),
      policy: samlPolicy((o) => ({
        ...windowed(o),
        signIn: { method: 'saml', signInUrl: (o.signIn as { signInUrl: string }).signInUrl, preferredRoleArn: SAML_USERS_ROLE_ARN },
      })),
    });
    const error = failure(await auth.signIn(orgId, { staySignedIn: false }), 'aws-refused-token');
    expect(error.details).toContain('Identity providers → arn:aws:iam::123456789012:saml-provider/DeskbridgeDemoIdP');
  });

  it('STS IDPRejectedClaim: the IdP app has the wrong audience (names SAML:aud)', async () => {
    emu.state.saml.settings.audience = 'urn:example:wrong';
    const { auth, orgId } = await start({
      window: new PlayedWindow(),
      policy: samlPolicy((o) => ({
        ...windowed(o),
        signIn: { method: 'saml', signInUrl: (o.signIn as { signInUrl: string }).signInUrl, preferredRoleArn: SAML_USERS_ROLE_ARN },
      })),
    });
    const error = failure(await auth.signIn(orgId, { staySignedIn: false }), 'aws-refused-token');
    expect(error.details).toContain('SAML:aud');
  });
});

const HOUR = 3_600_000;

/** The demo SAML organization with its preferred role and the organization's sign-in age limit. */
const limited =
  (hours: number, loopback = false) =>
  (o: ManagedPolicy['organizations'][number]): ManagedPolicy['organizations'][number] => ({
    ...(loopback ? o : windowed(o)),
    signIn: { method: 'saml', signInUrl: (o.signIn as { signInUrl: string }).signInUrl, preferredRoleArn: SAML_USERS_ROLE_ARN },
    policy: { allowStaySignedIn: true, maxSignInHours: hours },
  });

describe('the organization’s maxSignInHours for a SAML sign-in', () => {
  /** Moves the clock just past the next renewal point and waits for that renewal to succeed or fail. */
  async function nextRenewal(auth: AuthService, orgId: string, clock: ManualClock): Promise<void> {
    const expiresAt = auth.status(orgId)?.expiresAt ?? 0;
    await clock.advance(expiresAt - REFRESH_MARGIN_MS - clock.now() + 1_000);
    await vi.waitFor(() => {
      const status = auth.status(orgId);
      expect(status?.state === 'error' || (status?.expiresAt ?? 0) > expiresAt).toBe(true);
    });
  }

  it('renews hidden within the limit; past it, no hidden capture: sign-in-too-old, and the next sign-in must authenticate', async () => {
    const window = new PlayedWindow();
    const { auth, orgId, clock } = await start({ window, policy: samlPolicy(limited(2)) });
    expect(await auth.signIn(orgId, { staySignedIn: false })).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    const signedInAt = clock.now();

    // Credentials last an hour (SessionDuration) and are renewed 5 minutes early: at 55 and 110 minutes, within 2 hours.
    for (const _ of [1, 2]) {
      await nextRenewal(auth, orgId, clock as ManualClock);
      expect(auth.status(orgId)?.state).toBe('signed-in');
    }
    expect(clock.now() - signedInAt).toBeLessThan(2 * HOUR);
    expect(window.requests.map((r) => r.hidden)).toEqual([false, true, true]);
    const session = auth.session(orgId)!;

    // The next renewal (at 165 minutes) is past the limit: refused without running the IdP hidden.
    await nextRenewal(auth, orgId, clock as ManualClock);
    expect(auth.status(orgId)).toMatchObject({
      state: 'error',
      error: { code: 'sign-in-too-old', message: 'Your organization asks you to sign in again every 2 hours.' },
    });
    expect(window.requests.map((r) => r.hidden)).toEqual([false, true, true]);
    expect(auth.session(orgId)).toBeNull();
    await expect(session.credentials()).rejects.toMatchObject({ code: 'not-signed-in' });
    // ForceAuthn's stand-in: the IdP session in the window's partition is gone, so signing in again means logging in.
    expect(window.forgets).toBeGreaterThan(0);
    expect(await auth.signIn(orgId, { staySignedIn: false })).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    expect(window.requests.at(-1)?.hidden).toBe(false);
  });

  it('a renewal for which the user logged in again (the IdP session had ended) starts a new period from its AuthnInstant', async () => {
    const window = new PlayedWindow();
    const { auth, orgId, clock } = await start({ window, policy: samlPolicy(limited(2)) });
    expect((await auth.signIn(orgId, { staySignedIn: false })).ok).toBe(true);
    const signedInAt = clock.now();
    // The IdP session ends; at the next renewal the hidden window shows itself and alice logs in.
    emu.state.saml.endSessions();
    window.loginWhenAsked = true;
    await nextRenewal(auth, orgId, clock as ManualClock);
    const loggedInAgainAt = clock.now();
    window.loginWhenAsked = false;
    // 110 and 165 minutes after the first sign-in: the second is past 2 hours from it, not from the new login.
    for (const _ of [1, 2]) {
      await nextRenewal(auth, orgId, clock as ManualClock);
      expect(auth.status(orgId)?.state).toBe('signed-in');
    }
    expect(clock.now() - signedInAt).toBeGreaterThan(2 * HOUR);
    // 220 minutes: past 2 hours from the new login.
    await nextRenewal(auth, orgId, clock as ManualClock);
    expect(clock.now() - loggedInAgainAt).toBeGreaterThan(2 * HOUR);
    expect(auth.status(orgId)).toMatchObject({ state: 'error', error: { code: 'sign-in-too-old' } });
    expect(window.requests.map((r) => r.hidden)).toEqual([false, true, true, true]);
  });

  it('an IdP that sends no AuthnStatement: the sign-in is dated by the interactive sign-in, and ends at the first renewal past it', async () => {
    emu.state.saml.settings.sendAuthnStatement = false;
    const window = new PlayedWindow();
    const { auth, orgId, clock } = await start({ window, policy: samlPolicy(limited(2)) });
    expect((await auth.signIn(orgId, { staySignedIn: false })).ok).toBe(true);
    for (const _ of [1, 2]) {
      await nextRenewal(auth, orgId, clock as ManualClock);
      expect(auth.status(orgId)?.state).toBe('signed-in');
    }
    await nextRenewal(auth, orgId, clock as ManualClock);
    expect(auth.status(orgId)).toMatchObject({ state: 'error', error: { code: 'sign-in-too-old' } });
    expect(window.requests.map((r) => r.hidden)).toEqual([false, true, true]);
  });

  it('an interactive sign-in that reuses an IdP session older than the limit is refused (idp-sign-in-too-old)', async () => {
    // The system browser keeps its IdP session across Deskbridge's sign-ins: nothing of Deskbridge's to wipe.
    const browser = postingBrowser();
    const { auth, orgId, clock } = await start({ browser, policy: samlPolicy(limited(2, true)) });
    expect((await auth.signIn(orgId, { staySignedIn: false })).ok).toBe(true);
    await auth.signOut(orgId);
    await (clock as ManualClock).advance(3 * HOUR);
    const error = failure(await auth.signIn(orgId, { staySignedIn: false }), 'idp-sign-in-too-old');
    expect(error.details).toMatch(/3 h ago; the organization allows 2 h/);
    expect(auth.session(orgId)).toBeNull();
    expect(browser.opened).toHaveLength(2);
  });

  it('without a limit, a SAML sign-in keeps renewing hidden for a working day', async () => {
    const window = new PlayedWindow();
    const { auth, orgId, clock } = await start({
      window,
      policy: samlPolicy((o) => ({ ...limited(1)(o), policy: { allowStaySignedIn: true } })),
    });
    expect((await auth.signIn(orgId, { staySignedIn: false })).ok).toBe(true);
    for (let i = 0; i < 7; i += 1) await nextRenewal(auth, orgId, clock as ManualClock);
    expect(auth.status(orgId)?.state).toBe('signed-in');
    expect(window.requests.filter((r) => !r.hidden)).toHaveLength(1);
  });
});

/** The system browser of a host without Electron: it plays alice at the IdP and posts to the loopback ACS. */
function postingBrowser(): Browser & { opened: string[] } {
  const saml = new SamlBrowser();
  const opened: string[] = [];
  return {
    opened,
    open: async (url) => {
      opened.push(url);
      void (async () => {
        const post = await saml.signIn(url, ALICE);
        await (
          await fetch(post.acs, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ SAMLResponse: post.samlResponse }).toString(),
          })
        ).text();
      })();
    },
  };
}

describe('SAML sign-in through the loopback ACS (managed configuration only)', () => {
  it('signs alice in where there is no sign-in window', async () => {
    const browser = postingBrowser();
    const { auth, orgId } = await start({ browser, policy: samlPolicy() });
    const done = auth.signIn(orgId, { staySignedIn: false });
    await vi.waitFor(() => expect(auth.status(orgId)?.waitingFor).toBe('role'));
    auth.chooseRole(orgId, SAML_USERS_ROLE_ARN);
    expect(await done).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice' } });
    expect(new URL(browser.opened[0]!).searchParams.get('acs')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/saml\/acs\/[0-9a-f]{32}$/);
  });

  it('IdP unreachable: nothing answers at the sign-in URL', async () => {
    const browser = postingBrowser();
    const { auth, orgId } = await start({
      browser,
      policy: samlPolicy((o) => ({ ...o, signIn: { method: 'saml', signInUrl: 'http://127.0.0.1:9/app/amazon_aws/sso/saml' } })),
    });
    failure(await auth.signIn(orgId, { staySignedIn: false }), 'idp-unreachable');
    expect(browser.opened).toEqual([]);
  });

  it('an organization the user added cannot ask for the loopback ACS', async () => {
    const browser = postingBrowser();
    // Even with the emulator's hosts trusted, the override itself is IT's to set: the add is refused.
    await start({ browser, policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: emu.demo.trustedHosts } });
    const added = await orgs.add({
      code: 'SLiad+S393HD',
      name: 'Typed',
      signIn: { method: 'saml', signInUrl: `${emu.endpoints.samlIdp ?? ''}/app/amazon_aws/sso/saml` },
      endpoints: { samlAcs: 'loopback' },
    });
    expect(added).toMatchObject({ ok: false, error: { code: 'untrusted-address' } });
    expect(added.ok ? '' : (added.error.details ?? '')).toMatch(/endpoints\.samlAcs/);
    expect(orgs.snapshot().organizations).toEqual([]);
    expect(browser.opened).toEqual([]);
  });
});

describe('SAML capture choice', () => {
  it('the desktop app uses its sign-in window even for a managed organization with the loopback override', async () => {
    const window = new PlayedWindow();
    const browser = postingBrowser();
    const { auth, orgId } = await start({
      window,
      browser,
      policy: samlPolicy((o) => ({
        ...o,
        signIn: { method: 'saml', signInUrl: (o.signIn as { signInUrl: string }).signInUrl, preferredRoleArn: SAML_USERS_ROLE_ARN },
      })),
    });
    expect(await auth.signIn(orgId, { staySignedIn: false })).toMatchObject({ ok: true });
    expect(window.requests).toHaveLength(1);
    expect(browser.opened).toEqual([]);
  });
});
