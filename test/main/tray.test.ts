/** The tray / menu-bar entry against the fake electron: its menu follows core's snapshot and preference. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Menu, resetFakeElectron, Tray } from './fake-electron';
import { EventBus } from '@core/events';
import { createTray, type DeskbridgeTray, type TrayDeps } from '@main/tray';
import { TRAY_LABELS } from '@main/tray-labels';
import type { DesktopEntry, DesktopsSnapshot } from '@shared/ipc/domains/desktops';
import type { SessionInfo } from '@shared/ipc/domains/sessions';
import { DEFAULT_USER_PREFERENCES, LANGUAGES } from '@shared/ipc/domains/settings';
import { ok } from '@shared/ipc/result';
import type { DesktopState, RunningMode } from '@shared/models/desktop';

function desktop(name: string, state: DesktopState, runningMode: RunningMode = 'AUTO_STOP'): DesktopEntry {
  const workspaceId = `ws-${name.toLowerCase().padEnd(9, '0').slice(0, 9)}`;
  return {
    key: `org-1/${workspaceId}`,
    orgId: 'org-1',
    workspaceId,
    directoryId: 'd-1234567890',
    userName: 'alice',
    name,
    state,
    runningMode,
    protocols: ['PCOIP'],
    modifications: [],
  };
}

const snapshot = (...desktops: DesktopEntry[]): DesktopsSnapshot => ({ orgs: [], desktops, offline: false });

function session(id: string): SessionInfo {
  return {
    id,
    desktopKey: 'org-1/ws-design000',
    orgId: 'org-1',
    workspaceId: 'ws-design000',
    desktopName: 'Design',
    method: 'rdp',
    client: 'xfreerdp',
    status: 'connected',
    startedAt: 0,
  };
}

let events: EventBus;
let order: string[];
let api: {
  desktops: { list: ReturnType<typeof vi.fn>; connect: ReturnType<typeof vi.fn> };
  sessions: { list: ReturnType<typeof vi.fn>; disconnect: ReturnType<typeof vi.fn> };
  settings: { get: ReturnType<typeof vi.fn> };
};
let tray: DeskbridgeTray | null;
let opened: number;

function start(initial: DesktopsSnapshot, language = 'system'): void {
  api = {
    desktops: { list: vi.fn(async () => ok(initial)), connect: vi.fn(async () => ok(initial)) },
    sessions: {
      list: vi.fn(async () => ok({ sessions: [session('s-1'), session('s-2')] })),
      disconnect: vi.fn(async (id: string) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${id}`);
        return ok({ sessions: [] });
      }),
    },
    settings: { get: vi.fn(async () => ok({ preferences: { ...DEFAULT_USER_PREFERENCES, language }, locked: [] })) },
  };
  tray = createTray({
    electron: { Tray, Menu } as unknown as TrayDeps['electron'],
    icon: '/icon.png',
    api: api as unknown as TrayDeps['api'],
    events,
    osLocale: 'en-GB',
    openMain: () => opened++,
    quit: () => order.push('quit'),
    log: () => undefined,
  });
}

const shown = () => Tray.trays[0]!.contextMenu!.items;
const labels = () => shown().map((item) => item['label'] ?? item['type']);
const click = (item: Record<string, unknown> | undefined) => (item!['click'] as () => void)();

beforeEach(() => {
  resetFakeElectron();
  events = new EventBus();
  order = [];
  opened = 0;
  tray = null;
});
afterEach(() => tray?.dispose());

describe('the tray menu', () => {
  it('lists the desktops of core’s snapshot with Connect, then Open and Quit', async () => {
    start(snapshot(desktop('Design', 'AVAILABLE'), desktop('Build', 'STOPPED'), desktop('Old', 'ERROR')));
    await vi.waitFor(() => expect(labels()).toContain('Connect to Design'));
    expect(labels()).toEqual([
      'Desktops',
      'Connect to Design',
      'Start and connect to Build',
      'Connect to Old',
      'separator',
      'Open Deskbridge',
      'Quit Deskbridge',
    ]);
    expect(shown().map((item) => item['enabled'])).toEqual([false, true, true, false, undefined, undefined, undefined]);
  });

  it('follows desktops:changed', async () => {
    start(snapshot());
    await vi.waitFor(() => expect(api.desktops.list).toHaveBeenCalled());
    await vi.waitFor(() => expect(labels()).toEqual(['Desktops', 'No desktops yet', 'separator', 'Open Deskbridge', 'Quit Deskbridge']));
    events.emit('desktops:changed', snapshot(desktop('Design', 'AVAILABLE')));
    expect(labels()).toEqual(['Desktops', 'Connect to Design', 'separator', 'Open Deskbridge', 'Quit Deskbridge']);
    events.emit('desktops:changed', snapshot(desktop('Design', 'STOPPING')));
    expect(shown()[1]).toMatchObject({ label: 'Connect to Design', enabled: false });
  });

  it('Connect calls core’s connect with the desktop’s key', async () => {
    const design = desktop('Design', 'AVAILABLE');
    start(snapshot(desktop('Build', 'AVAILABLE'), design));
    await vi.waitFor(() => expect(labels()).toContain('Connect to Design'));
    click(Tray.trays[0]!.item(`desktop:${design.key}`));
    expect(api.desktops.connect).toHaveBeenCalledExactlyOnceWith(design.key);
  });

  it('Open Deskbridge and a click on the icon show the main window', async () => {
    start(snapshot());
    click(Tray.trays[0]!.item('open'));
    Tray.trays[0]!.emit('click');
    expect(opened).toBe(2);
  });

  it('Quit ends every session before the app quits', async () => {
    start(snapshot(desktop('Design', 'AVAILABLE')));
    click(Tray.trays[0]!.item('quit'));
    await vi.waitFor(() => expect(order).toContain('quit'));
    expect(api.sessions.disconnect.mock.calls.map((call) => call[0])).toEqual(['s-1', 's-2']);
    expect(order).toEqual(['end s-1', 'end s-2', 'quit']);
  });

  it('speaks the language preference, and changes with it', async () => {
    start(snapshot(desktop('Design', 'AVAILABLE')), 'de');
    await vi.waitFor(() => expect(labels()).toContain('Mit Design verbinden'));
    expect(labels()).toContain('Deskbridge beenden');
    events.emit('settings:changed', { preferences: { ...DEFAULT_USER_PREFERENCES, language: 'ja' }, locked: [] });
    expect(labels()).toEqual(['デスクトップ', 'Design に接続', 'separator', 'Deskbridge を開く', 'Deskbridge を終了']);
  });

  it('has its words in every language, each with the desktop’s name where it needs it', () => {
    for (const language of LANGUAGES) {
      for (const key of ['connect', 'startAndConnect'] as const) expect(TRAY_LABELS[language][key]).toContain('{name}');
      for (const key of ['desktops', 'noDesktops', 'open', 'quit'] as const) expect(TRAY_LABELS[language][key]).not.toContain('{');
    }
  });

  it('is removed on dispose and stops following core', async () => {
    start(snapshot());
    tray!.dispose();
    expect(Tray.trays[0]!.destroyed).toBe(true);
    const before = Tray.trays[0]!.contextMenu;
    events.emit('desktops:changed', snapshot(desktop('Design', 'AVAILABLE')));
    expect(Tray.trays[0]!.contextMenu).toBe(before);
  });
});
