import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App, pickView } from '@renderer/app/app';
import { autoConnectTarget, useAutoConnect } from '@renderer/app/use-auto-connect';
import { shortcutOf } from '@renderer/app/use-shortcuts';
import { homeGroup, orderForHome, rememberConnect } from '@renderer/features/desktops/home-order';
import type { AuthSnapshot } from '@shared/ipc/domains/auth';
import type { DesktopEntry, DesktopsSnapshot } from '@shared/ipc/domains/desktops';
import type { SessionInfo } from '@shared/ipc/domains/sessions';
import type { DesktopState } from '@shared/models/desktop';

const desktop = (name: string, state: DesktopState, extra: Partial<DesktopEntry> = {}): DesktopEntry => ({
  key: `org/${name}`,
  orgId: 'org',
  workspaceId: name,
  directoryId: 'd-1',
  userName: 'alice',
  name,
  state,
  protocols: ['WSP'],
  modifications: [],
  ...extra,
});

describe('the home’s order', () => {
  const list = [
    desktop('a-broken', 'UNHEALTHY'),
    desktop('b-stopped', 'STOPPED'),
    desktop('c-ready', 'AVAILABLE'),
    desktop('d-starting', 'STARTING'),
    desktop('e-ready', 'AVAILABLE'),
    desktop('f-suspended', 'SUSPENDED'),
  ];

  it('ready or in use, then starting, then stopped, then problems; the list’s order within a group', () => {
    expect(orderForHome(list, new Map(), []).map((d) => d.name)).toEqual(['c-ready', 'e-ready', 'd-starting', 'b-stopped', 'a-broken', 'f-suspended']);
  });

  it('within a group, the desktops connected to in this run come first, latest first', () => {
    const recent = rememberConnect(rememberConnect([], 'org/b-stopped'), 'org/e-ready');
    expect(recent).toEqual(['org/e-ready', 'org/b-stopped']);
    expect(orderForHome(list, new Map(), recent).map((d) => d.name)).toEqual(['e-ready', 'c-ready', 'd-starting', 'b-stopped', 'a-broken', 'f-suspended']);
  });

  it('a connect under way counts as starting, an open session as in use', () => {
    expect(homeGroup(desktop('x', 'STOPPED', { pending: { action: 'connect', startedAt: 1 } }), undefined)).toBe(1);
    const open = { status: 'handed-off' } as SessionInfo;
    expect(homeGroup(desktop('x', 'IMPAIRED'), open)).toBe(0);
  });
});

describe('auto-connect decides on the first complete list', () => {
  const snap = (desktops: DesktopEntry[], status: 'loading' | 'ready' = 'ready'): DesktopsSnapshot => ({
    orgs: [{ orgId: 'org', orgName: 'Org', userName: 'alice', status, count: desktops.length }],
    desktops,
    offline: false,
  });
  it('waits while nobody is signed in or a list is loading', () => {
    expect(autoConnectTarget(undefined)).toBe('wait');
    expect(autoConnectTarget({ orgs: [], desktops: [], offline: false })).toBe('wait');
    expect(autoConnectTarget(snap([desktop('a', 'AVAILABLE')], 'loading'))).toBe('wait');
  });
  it('connects the one desktop when it is ready or can be started, and nothing otherwise', () => {
    expect(autoConnectTarget(snap([desktop('a', 'AVAILABLE')]))).toMatchObject({ name: 'a' });
    expect(autoConnectTarget(snap([desktop('a', 'STOPPED')]))).toMatchObject({ name: 'a' });
    expect(autoConnectTarget(snap([desktop('a', 'STOPPED', { runningMode: 'ALWAYS_ON' })]))).toBeNull();
    expect(autoConnectTarget(snap([desktop('a', 'UNHEALTHY')]))).toBeNull();
    expect(autoConnectTarget(snap([desktop('a', 'AVAILABLE'), desktop('b', 'AVAILABLE')]))).toBeNull();
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean } = {}) =>
    shortcutOf({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it('Ctrl or Cmd with F, R and comma', () => {
    expect(key('f', { ctrlKey: true })).toBe('search');
    expect(key('F', { metaKey: true })).toBe('search');
    expect(key('r', { ctrlKey: true })).toBe('refresh');
    expect(key(',', { metaKey: true })).toBe('settings');
  });
  it('nothing without the modifier, or with others', () => {
    expect(key('f')).toBeNull();
    expect(key('r', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(key('x', { ctrlKey: true })).toBeNull();
  });
});

describe('which view shows', () => {
  const auth = (state: AuthSnapshot['orgs'][number]['state'], waitingFor?: 'browser'): AuthSnapshot => ({
    orgs: [{ orgId: 'o', state, method: 'oidc', staySignedIn: true, ...(waitingFor ? { waitingFor } : {}) }],
  });
  it('the organizations on first run and while nobody is signed in; the desktops once someone is (or is being restored)', () => {
    expect(pickView(0, 'home', auth('signed-in'))).toBe('orgs');
    expect(pickView(1, null, auth('signed-out'))).toBe('orgs');
    expect(pickView(1, null, auth('signing-in', 'browser'))).toBe('orgs');
    expect(pickView(1, null, auth('signing-in'))).toBe('home');
    expect(pickView(1, null, auth('signed-in'))).toBe('home');
    expect(pickView(1, null, undefined)).toBe('home');
  });
  it('the user’s choice wins once there is an organization', () => {
    expect(pickView(1, 'orgs', auth('signed-in'))).toBe('orgs');
    expect(pickView(1, 'home', auth('signed-out'))).toBe('home');
  });
});

describe('startup', () => {
  afterEach(() => {
    cleanup();
    Reflect.deleteProperty(window, 'deskbridge');
  });

  it('paints the frame and a skeleton of the desktops before core has answered anything', () => {
    const never = (): Promise<never> => new Promise<never>(() => undefined);
    // Every call to core hangs: what shows is what needs no answer.
    const domain = new Proxy({}, { get: () => never });
    const bridge = new Proxy({}, { get: (_, key) => (key === 'on' ? () => () => undefined : domain) });
    Object.defineProperty(window, 'deskbridge', { value: bridge, configurable: true });
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Deskbridge');
    const skeleton = screen.getByRole('region', { name: 'Desktops' });
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    expect(skeleton.querySelectorAll('.skeleton-card')).toHaveLength(3);
  });
});

describe('useAutoConnect', () => {
  afterEach(cleanup);
  const snap = (desktops: DesktopEntry[], status: 'loading' | 'ready' = 'ready'): DesktopsSnapshot => ({
    orgs: [{ orgId: 'org', orgName: 'Org', userName: 'alice', status, count: desktops.length }],
    desktops,
    offline: false,
  });
  function Probe({ enabled, snapshot, connected }: { enabled: boolean; snapshot: DesktopsSnapshot | undefined; connected: string[] }) {
    useAutoConnect(enabled, snapshot, (d) => connected.push(d.key));
    return null;
  }

  it('connects once, on the first complete list, and never again in the run', () => {
    const connected: string[] = [];
    const one = desktop('a', 'AVAILABLE');
    const view = render(<Probe enabled snapshot={snap([one], 'loading')} connected={connected} />);
    expect(connected).toEqual([]);
    view.rerender(<Probe enabled snapshot={snap([one])} connected={connected} />);
    expect(connected).toEqual(['org/a']);
    view.rerender(<Probe enabled snapshot={snap([{ ...one, state: 'STOPPED' }])} connected={connected} />);
    view.rerender(<Probe enabled snapshot={snap([one])} connected={connected} />);
    expect(connected).toEqual(['org/a']);
  });

  it('does nothing while the preference is off', () => {
    const connected: string[] = [];
    render(<Probe enabled={false} snapshot={snap([desktop('a', 'AVAILABLE')])} connected={connected} />);
    expect(connected).toEqual([]);
  });
});
