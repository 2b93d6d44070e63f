/**
 * Time to show a state change: how long after AWS reports a started desktop AVAILABLE the list
 * pushed to the window shows it. Real time throughout: the real scheduler on core's system clock,
 * the emulator on real time with 50 ms of latency per WorkSpaces call, and start durations drawn at
 * random (a faster lifecycle than AWS's minutes, which changes nothing but the wait: the delay
 * depends on where the AVAILABLE moment falls between two polls).
 *
 * Several Deskbridge cores run side by side (each with its own scheduler, signed in through the IdP
 * and STS), each starting its own desktop again and again, so many samples fit in a few minutes
 * without one core's actions moving another's polls.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import type { DesktopsSnapshot } from '@shared/ipc/domains/desktops';
import { playingBrowser } from '../core/auth/support';
import { type Emulator, startEmulator } from '../emulator';
import { createRandom } from '../emulator/rng';
import { atMost, type Benchmark, type Figure, median, quantile } from './figures';

const CORES = 8;
const SAMPLES_PER_CORE = 6;
const LATENCY_MS = 50;
const START_MS = { min: 1_000, max: 20_000 };
const BULK = { username: 'bulk', password: 'bulk-demo-pass' };

interface Runner {
  readonly core: Core;
  readonly dir: string;
  readonly key: (workspaceId: string) => string;
}

async function startRunner(emu: Emulator): Promise<Runner> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-bench-state-'));
  const policyFile = join(dir, 'policy.json');
  await writeFile(policyFile, JSON.stringify(emu.demo.managedPolicy));
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-bench', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile },
    secrets: new MemorySecretStore(),
    browser: playingBrowser(BULK),
  });
  const orgs = await core.api.orgs.list();
  const org = orgs.ok ? orgs.value.organizations.find((o) => o.signIn.method === 'oidc') : undefined;
  if (org === undefined) throw new Error('no OIDC demo organization');
  const signedIn = await core.api.auth.signIn(org.id, { staySignedIn: false });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
  await core.api.desktops.setVisible(true);
  return { core, dir, key: (workspaceId) => `${org.id}/${workspaceId}` };
}

/** Resolves with the time (ms since the epoch) of the first pushed list that satisfies `test`. */
function whenPushed(core: Core, test: (snapshot: DesktopsSnapshot) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const off = core.events.on('desktops:changed', (snapshot) => {
      if (!test(snapshot)) return;
      off();
      resolve(Date.now());
    });
  });
}

/** One core starting its own desktop again and again; each sample: AVAILABLE at AWS → shown. */
async function sample(emu: Emulator, runner: Runner, workspaceId: string, random: () => number): Promise<number[]> {
  const key = runner.key(workspaceId);
  const stateOf = (s: DesktopsSnapshot): string | undefined => s.desktops.find((d) => d.key === key)?.state;
  const delays: number[] = [];
  for (let i = 0; i < SAMPLES_PER_CORE; i += 1) {
    emu.state.setWorkspaceState(workspaceId, 'STOPPED');
    const stopped = whenPushed(runner.core, (s) => stateOf(s) === 'STOPPED');
    await runner.core.api.desktops.refresh();
    await stopped;
    emu.state.setDurations({ startMs: Math.round(START_MS.min + random() * (START_MS.max - START_MS.min)) });
    const shown = whenPushed(runner.core, (s) => stateOf(s) === 'AVAILABLE');
    const started = await runner.core.api.desktops.start(key);
    if (!started.ok) throw new Error(`start refused: ${started.error.message}`);
    // When AWS reports AVAILABLE: the end of the transition the emulator began for this start.
    const availableAt = emu.state.getWorkspace(workspaceId)?.transition?.at;
    if (availableAt === undefined) throw new Error(`${workspaceId} is not starting`);
    delays.push((await shown) - availableAt);
  }
  return delays;
}

const bench: Benchmark = async () => {
  const emu = await startEmulator({ bulkCount: CORES });
  const runners: Runner[] = [];
  try {
    emu.faults.set('workspaces', { latencyMs: LATENCY_MS });
    for (let i = 0; i < CORES; i += 1) runners.push(await startRunner(emu));
    const random = createRandom(20261129);
    const ids = emu.state.listWorkspaces('bulk').map((w) => w.id);
    const delays = (await Promise.all(runners.map((runner, i) => sample(emu, runner, ids[i] ?? '', random)))).flat();
    const s = (ms: number): number => Math.round(ms / 10) / 100;
    const name = `state change during a start (${delays.length} starts of ${START_MS.min / 1000}–${START_MS.max / 1000} s, ${LATENCY_MS} ms/call)`;
    const figures: Figure[] = [
      { benchmark: name, metric: 'AVAILABLE at AWS → shown, p50', value: s(median(delays)), unit: 's' },
      { benchmark: name, metric: '… p95', value: s(quantile(delays, 0.95)), unit: 's', target: atMost(6, 's') },
      { benchmark: name, metric: '… max', value: s(Math.max(...delays)), unit: 's', target: atMost(6, 's') },
    ];
    return figures;
  } finally {
    for (const runner of runners) {
      await runner.core.dispose();
      await rm(runner.dir, { recursive: true, force: true });
    }
    await emu.stop();
  }
};

export default bench;
