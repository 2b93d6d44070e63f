/**
 * API calls an hour for 10 stable desktops with the window visible, and how long a state change
 * takes to show during a transition — both on the controllable clock (emulator and core move together).
 */
import { DesktopActions } from '../../electron/core/workspaces/actions';
import { DesktopService } from '../../electron/core/workspaces/desktop-service';
import { Logger } from '../../electron/core/log/logger';
import { POLL_FAST_MS } from '../../shared/lib/polling-policy';
import { startEmulator, type TapEvent } from '../emulator';
import { EmulatorSessions } from '../core/workspaces/support/emulator-sessions';
import { ManualClock } from '../core/workspaces/support/manual-clock';
import { atMost, type Benchmark } from './figures';

const HOUR = 3_600_000;

const bench: Benchmark = async () => {
  const calls: TapEvent[] = [];
  const emu = await startEmulator({ bulkCount: 10, clock: { manual: true }, onResponse: (e) => calls.push(e) });
  try {
    const clock = new ManualClock(emu.clock.now(), [emu.clock]);
    const sessions = new EmulatorSessions(emu);
    const service = new DesktopService({ auth: sessions, clock, log: new Logger().scoped('bench') });
    const actions = new DesktopActions(service);
    const settle = (): Promise<void> => service.idle();
    const workspaceCalls = (): number => calls.filter((c) => c.service === 'workspaces').length;

    // One hour, window visible, nothing moving — including the first load after sign-in.
    service.setVisible(true);
    await sessions.signIn(sessions.org(), 'bulk', 'bulk-demo-pass');
    await settle();
    await clock.advance(HOUR - 1, settle);
    const firstHour = workspaceCalls();
    const before = workspaceCalls();
    await clock.advance(HOUR, settle);
    const steadyHour = workspaceCalls() - before;

    // Time to show: start desktops whose start takes an awkward, varying time; measure from the
    // moment AWS reports AVAILABLE to the first pushed snapshot that shows it.
    const delays: number[] = [];
    const desktop = service.snapshot().desktops.find((d) => d.state === 'STOPPED');
    if (desktop === undefined) throw new Error('no STOPPED desktop among the 10');
    for (const startMs of [13_700, 21_100, 38_900, 44_400, 59_300]) {
      {
        emu.state.setDurations({ startMs });
        emu.state.setWorkspaceState(desktop.workspaceId, 'STOPPED');
        await service.refreshNow();
        let shownAt: number | null = null;
        const off = service.onChange((s) => {
          if (shownAt === null && s.desktops.find((d) => d.key === desktop.key)?.state === 'AVAILABLE') shownAt = clock.now();
        });
        const startedAt = clock.now();
        await actions.start(desktop.key);
        await settle();
        while (shownAt === null) await clock.advance(100, settle);
        off();
        delays.push((shownAt as number) - (startedAt + startMs));
      }
    }
    service.dispose();
    const name = '10 stable desktops, window visible';
    const naive = (HOUR / POLL_FAST_MS) * 2;
    return [
      { benchmark: name, metric: 'API calls, first hour (incl. sign-in load, tags)', value: firstHour, unit: 'calls', target: atMost(120, 'calls') },
      { benchmark: name, metric: 'API calls per hour, steady state', value: steadyHour, unit: 'calls', target: atMost(120, 'calls') },
      { benchmark: name, metric: 'naive 5-s polling (list + status)', value: naive, unit: 'calls' },
      { benchmark: 'state change during a start', metric: `time to show AVAILABLE, max of ${delays.length}`, value: Math.max(...delays) / 1000, unit: 's', target: atMost(6, 's') },
      { benchmark: 'state change during a start', metric: 'time to show AVAILABLE, mean', value: delays.reduce((a, b) => a + b, 0) / delays.length / 1000, unit: 's' },
    ];
  } finally {
    await emu.stop();
  }
};

export default bench;
