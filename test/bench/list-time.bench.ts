/** Time to the full list of 2,500 desktops with 50 ms per call, next to the critical-path bound and a naive client. */
import { DescribeWorkspacesCommand, DescribeWorkspacesConnectionStatusCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { DesktopService } from '@core/workspaces/desktop-service';
import { Logger } from '@core/log/logger';
import { systemClock } from '@core/ports';
import { startEmulator } from '../emulator';
import { EmulatorSessions } from '../core/workspaces/support/emulator-sessions';
import { atMost, type Benchmark, type Figure, timed } from './figures';
import { testFetch } from '../core/support/network';

const DIRECTORY = 'd-906700a001';
const LATENCY_MS = 50;
const ROUNDS = 3;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const bench: Benchmark = async () => {
  const emu = await startEmulator({ bulkCount: 2500 });
  try {
    const sessions = new EmulatorSessions(emu);
    const org = sessions.org();
    const session = await sessions.signIn(org, 'bulk', 'bulk-demo-pass');
    const credentials = await session.credentials();
    // A fresh client (and connection pool) per run, as Deskbridge gets after sign-in: idle keep-alive sockets would otherwise be reset between runs.
    const newClient = (): WorkSpacesClient => new WorkSpacesClient({ region: 'us-east-1', endpoint: emu.endpoints.workspaces, credentials, maxAttempts: 1 });
    emu.faults.set('workspaces', { latencyMs: LATENCY_MS });

    const pages = async (client: WorkSpacesClient): Promise<string[][]> => {
      const all: string[][] = [];
      let token: string | undefined;
      do {
        const out = await client.send(
          new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY, UserName: 'bulk', Limit: 25, ...(token ? { NextToken: token } : {}) }),
        );
        all.push((out.Workspaces ?? []).map((w) => w.WorkspaceId ?? ''));
        token = out.NextToken;
      } while (token !== undefined);
      return all;
    };
    const run = async (work: (client: WorkSpacesClient) => Promise<unknown>): Promise<number> => {
      const client = newClient();
      try {
        return (await timed(() => work(client))).ms;
      } finally {
        client.destroy();
      }
    };
    await run(pages);

    // Deskbridge's own path: a fresh service and client, as right after sign-in (permissions looked up alongside).
    const deskbridge = async (): Promise<{ firstPageMs: number; fullMs: number }> => {
      sessions.signOut(org.id);
      const service = new DesktopService({ auth: sessions, clock: systemClock, log: new Logger().scoped('bench'), fetch: testFetch });
      let firstPageMs = 0;
      const start = performance.now();
      const off = service.onChange((s) => {
        if (firstPageMs === 0 && s.desktops.length > 0) firstPageMs = performance.now() - start;
      });
      sessions.add(org, 'bulk', () => session.credentials());
      await service.idle();
      const fullMs = performance.now() - start;
      const listed = service.snapshot().desktops;
      off();
      service.dispose();
      const withStatus = listed.filter((d) => d.connectionState !== undefined).length;
      if (listed.length !== 2500 || withStatus !== 2500) throw new Error(`listed ${listed.length} desktops, ${withStatus} with status`);
      return { firstPageMs, fullMs };
    };

    // Interleaved rounds, medians reported: the emulator shares this process, so runs are noisy.
    const bounds: number[] = [];
    const naives: number[] = [];
    const firsts: number[] = [];
    const fulls: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bounds.push(await run(pages));
      const d = await deskbridge();
      firsts.push(d.firstPageMs);
      fulls.push(d.fullMs);
      naives.push(
        await run(async (client) => {
          const all = await pages(client);
          for (const ids of all) await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids }));
        }),
      );
    }
    const bound = { ms: median(bounds) };
    const naive = { ms: median(naives) };
    const firstPageMs = median(firsts);
    const fullMs = median(fulls);

    const name = 'list 2,500 desktops (50 ms/call)';
    const figures: Figure[] = [
      { benchmark: name, metric: `critical-path bound (100 sequential pages), median of ${ROUNDS}`, value: Math.round(bound.ms), unit: 'ms' },
      { benchmark: name, metric: 'Deskbridge: first page shown', value: Math.round(firstPageMs), unit: 'ms' },
      { benchmark: name, metric: 'Deskbridge: full list with connection status', value: Math.round(fullMs), unit: 'ms' },
      { benchmark: name, metric: 'Deskbridge ÷ bound', value: Math.round((fullMs / bound.ms) * 100) / 100, unit: '×', target: atMost(1.2, '×') },
      { benchmark: name, metric: 'naive (pages, then status one by one)', value: Math.round(naive.ms), unit: 'ms' },
      { benchmark: name, metric: 'naive ÷ bound', value: Math.round((naive.ms / bound.ms) * 100) / 100, unit: '×' },
    ];
    return figures;
  } finally {
    await emu.stop();
  }
};

export default bench;
