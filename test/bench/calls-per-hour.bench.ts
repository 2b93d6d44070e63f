/**
 * AWS and IdP calls an hour for 10 stable desktops with the window visible, counted at the local
 * cloud, with the organization's real session length: Deskbridge signs in through the IdP and STS
 * as the app does (no DurationSeconds, so STS gives one-hour credentials) and renews them every
 * ~55 minutes (IdP refresh + STS, counted). Next to it, a naive client that polls every 5 s
 * (list + connection status) is run on the same sign-in, not computed.
 *
 * The hours are simulated: core's Clock and the emulator's clock move together by hand and every
 * timer fires at its instant, so the scheduler and the credential keeper are the real ones, on
 * their own timers, while an hour takes seconds. One adjustment, no effect on the counts: the IdP
 * (oidc-provider) dates its tokens by real time, so its ID tokens are made to live 12 h, or STS
 * (on emulator time) would call a just-minted token expired after the first simulated hour.
 * Deskbridge presents each ID token to STS once, right after the refresh that minted it, so an ID
 * token's lifetime never changes how often it calls. And the AWS SDK caches credentials until
 * five minutes before they expire by *real* time, which would keep one-hour credentials for the
 * whole simulated run; so the SDK is told to ask core every time (see askCoreEachCall), and core's
 * credential keeper decides on its Clock, as it does in the app.
 */
import { DescribeWorkspacesCommand, DescribeWorkspacesConnectionStatusCommand } from '@aws-sdk/client-workspaces';
import type { AuthSession } from '@core/auth/auth-session';
import { Logger } from '@core/log/logger';
import { createWorkspacesClient } from '@core/workspaces/client';
import { DesktopService } from '@core/workspaces/desktop-service';
import { startEmulator, type TapEvent } from '../emulator';
import { DIRECTORY_FULL } from '../emulator/seed';
import { playingBrowser, startAuth } from '../core/auth/support';
import { ManualClock } from '../core/workspaces/support/manual-clock';
import { atMost, type Benchmark, type Figure } from './figures';
import { testFetch } from '../core/support/network';

const HOUR = 3_600_000;
const STEADY_HOURS = 2;
const NAIVE_POLL_MS = 5_000;
const BULK = { username: 'bulk', password: 'bulk-demo-pass' };
/** The user's browser at the IdP during sign-in (the login form, and /auth/<uid> it resumes at): not calls Deskbridge makes. */
const inBrowser = (event: TapEvent): boolean => event.service === 'oidc' && /^\/(auth|interaction)(\/|$)/.test(event.operation ?? '');

interface Call {
  readonly at: number;
  readonly event: TapEvent;
}

/** The session, with credentials the SDK treats as due for a refresh, so it asks core on every call. */
function askCoreEachCall(session: AuthSession): AuthSession {
  return {
    org: session.org,
    userName: session.userName,
    credentials: async () => ({ ...(await session.credentials()), expiration: new Date(0) }),
  };
}

/** Looked up once per sign-in; seen again in steady state only when a renewal reloads the list. */
const RELOAD_OPERATIONS = new Set(['DescribeWorkspaceDirectories', 'DescribeTags']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const bench: Benchmark = async () => {
  const calls: Call[] = [];
  const emu = await startEmulator({
    bulkCount: 10,
    clock: { manual: true },
    tokenTtl: { idTokenSeconds: 12 * 3600 },
    onResponse: (event) => calls.push({ at: emu.clock.now(), event }),
  });
  const clock = new ManualClock(emu.clock.now(), [emu.clock]);
  const app = await startAuth(emu, { clock, browser: playingBrowser(BULK) });
  const service = new DesktopService({
    auth: app.auth,
    clock,
    log: new Logger().scoped('bench'),
    fetch: testFetch,
    clientFor: (session) => createWorkspacesClient(askCoreEachCall(session), testFetch),
  });
  let naiveTick: Promise<void> = Promise.resolve();
  /** After each timer: let the work it started finish at that instant (no request left in flight). */
  const settle = async (): Promise<void> => {
    for (let seen = -1; seen !== calls.length;) {
      seen = calls.length;
      await naiveTick;
      await service.idle();
      await sleep(15);
    }
  };
  const counted = (from: number, to: number): Call[] => calls.filter((c) => c.at >= from && c.at < to && !inBrowser(c.event));
  try {
    // Deskbridge: sign in, window visible, then hours of nothing moving.
    service.setVisible(true);
    const t0 = clock.now();
    const signedIn = await app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
    await settle();
    if (service.snapshot().desktops.length !== 10) throw new Error(`listed ${service.snapshot().desktops.length} desktops, not 10`);
    await clock.advance(HOUR * (1 + STEADY_HOURS) - (clock.now() - t0), settle);
    const first = counted(t0, t0 + HOUR);
    const steady = counted(t0 + HOUR, t0 + HOUR * (1 + STEADY_HOURS));
    if (app.auth.session(app.oidcOrgId) === null) throw new Error('the sign-in did not survive its renewals');
    const renewals = calls.filter((c) => c.at >= t0 && c.event.operation === 'AssumeRoleWithWebIdentity').length - 1;
    service.dispose();

    // The naive client on the same sign-in (its renewals counted too): list + status every 5 s.
    const client = createWorkspacesClient(askCoreEachCall(app.auth.session(app.oidcOrgId)!), testFetch);
    const poll = async (): Promise<void> => {
      const ids: string[] = [];
      let token: string | undefined;
      do {
        const out = await client.send(
          new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: BULK.username, ...(token === undefined ? {} : { NextToken: token }) }),
        );
        ids.push(...(out.Workspaces ?? []).map((w) => w.WorkspaceId ?? ''));
        token = out.NextToken;
      } while (token !== undefined);
      for (let i = 0; i < ids.length; i += 25) await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids.slice(i, i + 25) }));
    };
    let stopped = false;
    const tick = (): void => {
      if (stopped) return;
      clock.setTimeout(tick, NAIVE_POLL_MS);
      naiveTick = poll();
    };
    const n0 = clock.now();
    tick();
    await clock.advance(HOUR, settle);
    stopped = true;
    client.destroy();
    const naive = counted(n0, n0 + HOUR);

    const perHour = (xs: readonly Call[], hours: number): number => Math.round(xs.length / hours);
    const auth = (xs: readonly Call[]): Call[] => xs.filter((c) => c.event.service !== 'workspaces');
    const name = '10 stable desktops, window visible, 1-h AWS sessions';
    const figures: Figure[] = [
      {
        benchmark: name,
        metric: 'calls in the first hour (sign-in, first load, tags, renewal)',
        value: first.length,
        unit: 'calls',
        target: atMost(120, 'calls'),
      },
      { benchmark: name, metric: '… of which IdP and STS', value: auth(first).length, unit: 'calls' },
      {
        benchmark: name,
        metric: `calls per hour, steady (mean of hours 2–${1 + STEADY_HOURS})`,
        value: perHour(steady, STEADY_HOURS),
        unit: 'calls',
        target: atMost(120, 'calls'),
      },
      { benchmark: name, metric: '… of which IdP and STS (renewals)', value: perHour(auth(steady), STEADY_HOURS), unit: 'calls' },
      {
        benchmark: name,
        metric: '… of which directory and tag look-ups',
        value: perHour(
          steady.filter((c) => RELOAD_OPERATIONS.has(c.event.operation ?? '')),
          STEADY_HOURS,
        ),
        unit: 'calls',
      },
      { benchmark: name, metric: `credential renewals in ${1 + STEADY_HOURS} h`, value: renewals, unit: 'renewals' },
      { benchmark: name, metric: 'naive 5-s polling (list + status), run for an hour', value: naive.length, unit: 'calls' },
      { benchmark: name, metric: '… of which IdP and STS (renewals)', value: auth(naive).length, unit: 'calls' },
    ];
    return figures;
  } finally {
    service.dispose();
    await app.close();
    await emu.stop();
  }
};

export default bench;
