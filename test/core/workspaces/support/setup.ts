import { DesktopActions } from '@core/workspaces/actions';
import { DesktopService, type DesktopServiceDeps } from '@core/workspaces/desktop-service';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import type { DesktopsSnapshot } from '@shared/ipc/domains/desktops';
import { type Durations, type Emulator, type EmulatorOptions, startEmulator, type TapEvent } from '../../../emulator';
import { EmulatorSessions } from './emulator-sessions';
import { ManualClock } from './manual-clock';
import { testFetch } from '../../support/network';

export interface World {
  readonly emu: Emulator;
  readonly clock: ManualClock;
  readonly sessions: EmulatorSessions;
  readonly service: DesktopService;
  readonly actions: DesktopActions;
  readonly events: EventBus;
  /** Core's log, as the log viewer would show it. */
  readonly log: Logger;
  /** Every WorkSpaces response the emulator sent, in order. */
  readonly calls: TapEvent[];
  /** Every snapshot core pushed as desktops:changed. */
  readonly pushes: DesktopsSnapshot[];
  /** Moves both clocks and lets every refresh the timers start finish. */
  advance(ms: number): Promise<void>;
  workspaceCalls(operation?: string): TapEvent[];
  stop(): Promise<void>;
}

export interface WorldOptions {
  readonly bulkCount?: number;
  readonly durations?: Partial<Durations>;
  readonly emulator?: EmulatorOptions;
  /** Wraps the WorkSpaces client core uses (a stub at the port, e.g. a misbehaving endpoint). */
  readonly clientFor?: DesktopServiceDeps['clientFor'];
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const calls: TapEvent[] = [];
  const emu = await startEmulator({
    bulkCount: options.bulkCount ?? 0,
    clock: { manual: true },
    durations: options.durations,
    onResponse: (event) => calls.push(event),
    ...options.emulator,
  });
  const clock = new ManualClock(emu.clock.now(), [emu.clock]);
  const sessions = new EmulatorSessions(emu);
  const events = new EventBus();
  const pushes: DesktopsSnapshot[] = [];
  events.on('desktops:changed', (s) => pushes.push(s));
  const log = new Logger();
  const service = new DesktopService({
    auth: sessions,
    clock,
    events,
    log: log.scoped('desktops'),
    fetch: testFetch,
    random: () => 0.5,
    ...(options.clientFor === undefined ? {} : { clientFor: options.clientFor }),
  });
  const actions = new DesktopActions(service);
  return {
    emu,
    clock,
    sessions,
    service,
    actions,
    events,
    log,
    calls,
    pushes,
    advance: (ms) => clock.advance(ms, () => service.idle()),
    workspaceCalls: (operation) => calls.filter((c) => c.service === 'workspaces' && (operation === undefined || c.operation === operation)),
    stop: async () => {
      service.dispose();
      await emu.stop();
    },
  };
}

/** The key of a seeded desktop by its name. */
export function keyOf(snapshot: DesktopsSnapshot, name: string): string {
  const found = snapshot.desktops.find((d) => d.name === name);
  if (found === undefined) throw new Error(`no desktop named ${name}`);
  return found.key;
}

export function byName(snapshot: DesktopsSnapshot, name: string) {
  const found = snapshot.desktops.find((d) => d.name === name);
  if (found === undefined) throw new Error(`no desktop named ${name}`);
  return found;
}
