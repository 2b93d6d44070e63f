/**
 * Broker mode vs direct mode: AWS calls per hour against the number of users, for one directory
 * of 10,000 desktops, one per user (bulk-00000 … bulk-09999), every user polling as the client
 * does when nothing moves (shared/lib/polling-policy.ts: every POLL_STABLE_MS, window visible).
 * Both modes run in the same run against the same emulator, and every count is of real calls the
 * emulator answered.
 *
 * Scaling, said plainly: each mode is measured over one polling period (POLL_STABLE_MS, so every
 * user polls exactly once, at evenly spread instants) and the count is scaled to an hour. The
 * broker runs on a virtual clock (its `now`), so its 30-s sweep TTL and its connect-tag TTL (1 h)
 * behave as in an hour of real time while the requests themselves are real HTTP requests to the
 * local adapter with real ID tokens (a test issuer mints them: the emulator's IdP knows only its
 * demo users). Before the measured period every user polls once (sign-in); the connect tags it
 * looks up then are what the broker looks up again each hour (tag TTL), so they are added to its
 * hourly figure. Direct mode's polls are what core sends per poll for a one-desktop user
 * (DescribeWorkspaces by directory and user name, then connection status); its sign-in look-ups
 * (directory, tags) are left out, which favours direct mode.
 */
import { DescribeWorkspacesCommand, DescribeWorkspacesConnectionStatusCommand } from '@aws-sdk/client-workspaces';
import { startDemoBroker } from '../emulator/demo-broker';
import { DEFAULT_CACHE_TTL_MS } from '../../broker/src/handler';
import { POLL_STABLE_MS } from '@shared/lib/polling-policy';
import { startTestIssuer, type TestIssuer } from '../broker/token-issuer';
import { startEmulator, type Emulator } from '../emulator';
import { workspacesClient } from '../emulator/helpers';
import { bulkUserName, DIRECTORY_FULL, OIDC_CLIENT_ID } from '../emulator/seed';
import { atMost, type Benchmark, type Figure, quantile } from './figures';

const DESKTOPS = 10_000;
const USER_COUNTS = [1, 100, 10_000] as const;
const HOUR = 3_600_000;
const WINDOW_MS = POLL_STABLE_MS;
const PER_HOUR = HOUR / WINDOW_MS;
const CONCURRENT_USERS = 100;
const LATENCY_ROUNDS = 10;
const NAME = `one directory, ${DESKTOPS.toLocaleString('en-US')} desktops, stable, polling every ${POLL_STABLE_MS / 1000} s`;

interface Counter {
  calls: number;
  tags: number;
}

/** Runs `work` over items with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
}

async function directCallsPerHour(emu: Emulator, counter: Counter, users: number): Promise<number> {
  const client = workspacesClient(emu);
  const before = counter.calls;
  try {
    await pool(
      Array.from({ length: users }, (_, i) => i),
      8,
      async (i) => {
        const out = await client.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: bulkUserName(i), Limit: 25 }));
        const ids = (out.Workspaces ?? []).map((w) => w.WorkspaceId ?? '');
        if (ids.length > 0) await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids }));
      },
    );
  } finally {
    client.destroy();
  }
  return (counter.calls - before) * PER_HOUR;
}

async function brokerCallsPerHour(
  emu: Emulator,
  issuer: TestIssuer,
  counter: Counter,
  users: number,
): Promise<{ perHour: number; tagsPerHour: number; sweepsInWindow: number }> {
  let now = Date.now();
  const broker = await startDemoBroker(emu, {
    issuer: issuer.issuer,
    name: 'Bench broker',
    directoryIds: [DIRECTORY_FULL],
    now: () => now,
    userThrottle: { burst: 1e6, perSecond: 1e6 },
  });
  const tokens = await Promise.all(Array.from({ length: users }, (_, i) => issuer.mint({ preferred_username: bulkUserName(i) }, { expiresIn: '3h' })));
  const poll = async (i: number): Promise<void> => {
    const response = await fetch(`${broker.url}/v1/desktops`, { headers: { authorization: `Bearer ${tokens[i] ?? ''}` } });
    const body = (await response.json()) as { desktops?: unknown[] };
    if (response.status !== 200 || body.desktops?.length !== 1) throw new Error(`user ${i}: status ${response.status}, ${body.desktops?.length ?? 0} desktops`);
  };
  try {
    // Sign-in: every user's first list (the connect tags looked up here are looked up again each hour).
    const tagsBefore = counter.tags;
    await pool(
      Array.from({ length: users }, (_, i) => i),
      50,
      poll,
    );
    const tagsPerHour = counter.tags - tagsBefore;
    // The measured polling period starts once the sign-in sweep has expired.
    const start = now + DEFAULT_CACHE_TTL_MS;
    const before = counter.calls;
    const sweepsBefore = sweeps;
    for (let i = 0; i < users; i += 1) {
      now = start + Math.floor((i * WINDOW_MS) / users);
      await poll(i);
    }
    return { perHour: (counter.calls - before) * PER_HOUR + tagsPerHour, tagsPerHour, sweepsInWindow: sweeps - sweepsBefore };
  } finally {
    await broker.close();
  }
}

let sweeps = 0;

async function listLatency(emu: Emulator, issuer: TestIssuer): Promise<{ cold: number[]; warm: number[] }> {
  const broker = await startDemoBroker(emu, { issuer: issuer.issuer, name: 'Bench broker', directoryIds: [DIRECTORY_FULL] });
  const tokens = await Promise.all(
    Array.from({ length: CONCURRENT_USERS }, (_, i) => issuer.mint({ preferred_username: bulkUserName(i) }, { expiresIn: '3h' })),
  );
  const round = () =>
    Promise.all(
      tokens.map(async (token) => {
        const t0 = performance.now();
        const response = await fetch(`${broker.url}/v1/desktops`, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`list answered ${response.status}`);
        return performance.now() - t0;
      }),
    );
  try {
    const cold = await round();
    const warm: number[] = [];
    for (let i = 0; i < LATENCY_ROUNDS; i += 1) warm.push(...(await round()));
    return { cold, warm };
  } finally {
    await broker.close();
  }
}

const bench: Benchmark = async () => {
  const counter: Counter = { calls: 0, tags: 0 };
  const emu = await startEmulator({
    bulkCount: DESKTOPS,
    bulkUsers: DESKTOPS,
    onResponse: (event) => {
      if (event.service !== 'workspaces') return;
      counter.calls += 1;
      if (event.operation === 'DescribeTags') counter.tags += 1;
      if (event.operation === 'DescribeWorkspaceDirectories') sweeps += 1;
    },
  });
  const issuer = await startTestIssuer(OIDC_CLIENT_ID);
  try {
    const figures: Figure[] = [];
    const direct = new Map<number, number>();
    const broker = new Map<number, number>();
    for (const users of USER_COUNTS) {
      const label = `${users.toLocaleString('en-US')} user${users === 1 ? '' : 's'}`;
      direct.set(users, await directCallsPerHour(emu, counter, users));
      const b = await brokerCallsPerHour(emu, issuer, counter, users);
      broker.set(users, b.perHour);
      figures.push(
        {
          benchmark: NAME,
          metric: `direct mode, ${label}: AWS calls per hour (one polling period, scaled ×${PER_HOUR})`,
          value: direct.get(users) ?? NaN,
          unit: 'calls',
        },
        {
          benchmark: NAME,
          metric: `broker mode, ${label}: AWS calls per hour (one polling period, scaled ×${PER_HOUR}, plus hourly tag look-ups)`,
          value: b.perHour,
          unit: 'calls',
        },
        {
          benchmark: NAME,
          metric: `… of which connect-tag look-ups (one per listed desktop per hour); sweeps in the period: ${b.sweepsInWindow}`,
          value: b.tagsPerHour,
          unit: 'calls',
        },
      );
    }
    const growth = (m: Map<number, number>): number => Math.round(((m.get(10_000) ?? NaN) / (m.get(100) ?? NaN)) * 100) / 100;
    figures.push(
      { benchmark: NAME, metric: 'direct mode: calls per hour at 10,000 users ÷ at 100 users', value: growth(direct), unit: '×' },
      {
        benchmark: NAME,
        metric: 'broker mode: calls per hour at 10,000 users ÷ at 100 users (sweeps flat; tags grow with listed desktops)',
        value: growth(broker),
        unit: '×',
        target: atMost(1.25, '×'),
      },
    );
    const latency = await listLatency(emu, issuer);
    const ms = (v: number): number => Math.round(v * 10) / 10;
    figures.push(
      {
        benchmark: `broker list latency, ${CONCURRENT_USERS} concurrent users, ${DESKTOPS.toLocaleString('en-US')}-desktop directory`,
        metric: 'cold (the first round waits for one sweep), p50',
        value: ms(quantile(latency.cold, 0.5)),
        unit: 'ms',
      },
      {
        benchmark: `broker list latency, ${CONCURRENT_USERS} concurrent users, ${DESKTOPS.toLocaleString('en-US')}-desktop directory`,
        metric: `warm (${LATENCY_ROUNDS} rounds), p50`,
        value: ms(quantile(latency.warm, 0.5)),
        unit: 'ms',
      },
      {
        benchmark: `broker list latency, ${CONCURRENT_USERS} concurrent users, ${DESKTOPS.toLocaleString('en-US')}-desktop directory`,
        metric: `warm (${LATENCY_ROUNDS} rounds), p95`,
        value: ms(quantile(latency.warm, 0.95)),
        unit: 'ms',
      },
    );
    return figures;
  } finally {
    await issuer.stop();
    await emu.stop();
  }
};

export default bench;
