import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testFetch } from '../support/network';
import type { AuthSession } from '@core/auth/auth-session';
import { POLL_STABLE_MS } from '@shared/lib/polling-policy';
import { Logger } from '@core/log/logger';
import { createWorkspacesClient } from '@core/workspaces/client';
import { DesktopService } from '@core/workspaces/desktop-service';
import { type Emulator, startEmulator, type TapEvent } from '../../emulator';
import { type AuthUnderTest, playingBrowser, startAuth } from '../auth/support';
import { ManualClock } from './support/manual-clock';

/**
 * A credential renewal (about every 55 minutes with one-hour STS credentials) must not cost a new
 * directory look-up, ten tag look-ups and another download of the IdP's signing keys: none of them
 * changes when only the credentials do (rule at sameSignIn in org-desktops.ts).
 */
const HOUR = 3_600_000;
const BULK = { username: 'bulk', password: 'bulk-demo-pass' };

let emu: Emulator;
let app: AuthUnderTest;
let service: DesktopService;
let clock: ManualClock;
const calls: { at: number; event: TapEvent }[] = [];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets the work a timer started finish at its instant (no request left in flight). */
async function settle(): Promise<void> {
  for (let seen = -1; seen !== calls.length;) {
    seen = calls.length;
    await service.idle();
    await sleep(15);
  }
}
/** Calls of one operation, from the `from`-th call on. */
const named = (operation: string, from = 0): number => calls.slice(from).filter((c) => c.event.operation === operation).length;
/** The user's browser at the IdP during sign-in (the login form and its redirects): not calls Deskbridge makes. */
const inBrowser = (event: TapEvent): boolean => event.service === 'oidc' && /^\/(auth|interaction)(\/|$)/.test(event.operation ?? '');
const deskbridgeCalls = (from: number, to: number): number => calls.filter((c) => c.at >= from && c.at < to && !inBrowser(c.event)).length;
const keyDownloads = (): number => calls.filter((c) => c.event.service === 'oidc' && (c.event.operation ?? '').endsWith('/jwks')).length;

beforeEach(async () => {
  calls.length = 0;
  // The IdP (oidc-provider) dates its ID tokens by real time: long-lived, so STS on emulator time takes them after hours.
  emu = await startEmulator({
    bulkCount: 10,
    clock: { manual: true },
    tokenTtl: { idTokenSeconds: 12 * 3600 },
    onResponse: (event) => calls.push({ at: emu.clock.now(), event }),
  });
  clock = new ManualClock(emu.clock.now(), [emu.clock]);
  app = await startAuth(emu, { clock, browser: playingBrowser(BULK) });
  // The SDK keeps credentials until shortly before they expire by real time; on the manual clock it must ask core each call (as the bench does).
  const askCoreEachCall = (session: AuthSession): AuthSession => ({
    org: session.org,
    userName: session.userName,
    credentials: async () => ({ ...(await session.credentials()), expiration: new Date(0) }),
  });
  service = new DesktopService({
    auth: app.auth,
    clock,
    log: new Logger().scoped('test'),
    fetch: testFetch,
    clientFor: (session) => createWorkspacesClient(askCoreEachCall(session), testFetch),
  });
  service.setVisible(true);
});
afterEach(async () => {
  service.dispose();
  await app.close();
  await emu.stop();
});

describe('a credential renewal keeps what new credentials do not change', () => {
  it('does not read the directory and the tags again, nor download the IdP’s keys again', async () => {
    const start = clock.now();
    const signedIn = await app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    expect(signedIn.ok).toBe(true);
    await settle();
    expect(service.snapshot().desktops).toHaveLength(10);
    expect(named('DescribeTags')).toBe(10);
    expect(keyDownloads()).toBe(1);
    const t0 = calls.length;

    await clock.advance(2 * HOUR, settle);

    // Two renewals happened, each an IdP refresh and a new AssumeRoleWithWebIdentity.
    expect(named('AssumeRoleWithWebIdentity', t0)).toBeGreaterThanOrEqual(2);
    expect(app.auth.session(app.oidcOrgId)).not.toBeNull();
    expect(named('DescribeTags', t0)).toBe(0);
    expect(keyDownloads()).toBe(1);
    // The directory is read again only on its slow cadence (every 8 stable polls), not per renewal.
    const rereads = named('DescribeWorkspaceDirectories', t0);
    const stablePolls = named('DescribeWorkspaces', t0);
    expect(rereads).toBeLessThanOrEqual(Math.ceil(stablePolls / 8));
    // And a renewal does not start an extra poll: the list still comes on the stable cadence.
    expect(stablePolls).toBeLessThanOrEqual(Math.ceil((2 * HOUR) / POLL_STABLE_MS) + 1);
    // The budget: at most 120 AWS and IdP calls in the first hour (sign-in, first load, tags, a renewal).
    expect(deskbridgeCalls(start, start + HOUR)).toBeLessThanOrEqual(120);
    // The desktops and the organization's list status survived both renewals.
    expect(service.snapshot().desktops).toHaveLength(10);
    expect(service.snapshot().orgs[0]?.status).toBe('ready');
  });
});
