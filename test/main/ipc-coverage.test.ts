/**
 * Generated from the manifest: EVERY contract method is refused from an untrusted sender and
 * with bad arguments, through bindIpc on the fake ipcMain, before any service is reached.
 */
import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { bindIpc } from '@main/ipc/bind-ipc';
import { API_MANIFEST, channelName, type DeskbridgeApi } from '@shared/ipc/contract';
import { sessionWindowMethods } from '@shared/ipc/domains/sessions';
import { ok } from '@shared/ipc/result';
import { ARG_SCHEMAS } from '@shared/ipc/schemas';
import { ipcMain, resetFakeElectron } from './fake-electron';

const APP_FRAME = { url: 'app://deskbridge/index.html', parent: null };
const UNTRUSTED_FRAMES: readonly [string, unknown][] = [
  ['an iframe inside our page', { url: 'app://deskbridge/index.html', parent: APP_FRAME }],
  ['a foreign https page', { url: 'https://evil.example/', parent: null }],
  ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
  ['a frame that is gone', null],
];

const methods = Object.entries(API_MANIFEST).flatMap(([domain, names]) =>
  (names as readonly string[]).map((method) => ({ domain, method, channel: channelName(domain, method) })),
);

/** Wrong shapes tried against every method; those its schema rejects must be refused. */
const CANDIDATES: readonly unknown[][] = [
  ['unexpected'],
  [42],
  [null],
  [true],
  [{ __proto__: { polluted: true } }],
  ['x'.repeat(70_000)],
  [],
  ['a', 'b', 'c', 'd', 'e', 'f'],
  [[1, 2, 3]],
];

function schemaOf(domain: string, method: string) {
  return (ARG_SCHEMAS as unknown as Record<string, Record<string, { safeParse(v: unknown): { success: boolean } }>>)[domain]![method]!;
}

let services: Mock[];
function spyApi(): DeskbridgeApi {
  services = [];
  const api: Record<string, Record<string, Mock>> = {};
  for (const { domain, method } of methods) {
    const spy = vi.fn(async () => ok(null));
    services.push(spy);
    (api[domain] ??= {})[method] = spy;
  }
  return api as unknown as DeskbridgeApi;
}

beforeEach(() => {
  resetFakeElectron();
  bindIpc(ipcMain as unknown as IpcMain, spyApi(), {});
});

describe('every contract method refuses an untrusted sender', () => {
  it('covers the whole manifest', () => {
    expect(methods.length).toBeGreaterThan(30);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methods.map((m) => m.channel).sort());
  });

  describe.each(methods)('$channel', ({ channel }) => {
    it.each(UNTRUSTED_FRAMES)('from %s', async (_what, frame) => {
      expect(await ipcMain.invoke(channel, frame)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      for (const spy of services) expect(spy).not.toHaveBeenCalled();
    });
  });
});

describe('every contract method refuses bad arguments', () => {
  describe.each(methods)('$channel', ({ domain, method, channel }) => {
    it('has a schema, and wrong shapes are refused with invalid-arguments before the service', async () => {
      const schema = schemaOf(domain, method);
      expect(schema).toBeDefined();
      const bad = CANDIDATES.filter((args) => !schema.safeParse(args).success);
      expect(bad.length).toBeGreaterThanOrEqual(5);
      for (const args of bad) {
        expect([args.length, await ipcMain.invoke(channel, APP_FRAME, ...args)]).toMatchObject([
          args.length,
          { ok: false, error: { code: 'invalid-arguments' } },
        ]);
      }
      for (const spy of services) expect(spy).not.toHaveBeenCalled();
    });
  });
});

describe('the same handlers do serve our own window', () => {
  const noArgs = methods.filter(({ domain, method }) => schemaOf(domain, method).safeParse([]).success);
  it.each(noArgs)('$channel with no arguments reaches its service', async ({ channel }) => {
    expect(await ipcMain.invoke(channel, APP_FRAME)).toEqual({ ok: true, value: null });
    expect(services.filter((spy) => spy.mock.calls.length > 0)).toHaveLength(1);
  });
});

describe('a desktop has one name across the contract: its key', () => {
  const KEY = 'org-1/ws-abc12345';
  it.each(['desktops:connect', 'sessions:connect'])('%s takes the desktop key and refuses the (orgId, workspaceId) pair', async (channel) => {
    expect(await ipcMain.invoke(channel, APP_FRAME, KEY)).toEqual({ ok: true, value: null });
    const reached = services.filter((spy) => spy.mock.calls.length > 0);
    expect(reached.map((spy) => spy.mock.calls)).toEqual([[[KEY]]]);
    expect(await ipcMain.invoke(channel, APP_FRAME, 'org-1', 'ws-abc12345')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await ipcMain.invoke(channel, APP_FRAME, 'ws-abc12345')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(reached[0]!.mock.calls).toHaveLength(1);
  });
});

/** Arguments each session-window method accepts, for session `id`. */
const VALID_SESSION_ARGS: Record<string, (id: string) => unknown[]> = {
  vncTicket: (id) => [id],
  reportStatus: (id) => [id, 'connected'],
  rememberPassword: (id) => [id, 'vnc-pass'],
  forgetPassword: (id) => [id],
  disconnect: (id) => [id],
};
const SESSION_FRAME = { url: 'app://deskbridge/session.html#session=s-1', parent: null };
const SESSION_CONTENTS = { id: 7 };
const MAIN_CONTENTS = { id: 1 };

describe('a session window (its page handles data from a remote server)', () => {
  beforeEach(() => {
    resetFakeElectron();
    bindIpc(ipcMain as unknown as IpcMain, spyApi(), {}, undefined, { sessionOf: (sender) => (sender === SESSION_CONTENTS ? 's-1' : undefined) });
  });
  const fromSessionWindow = (channel: string, ...args: unknown[]) =>
    ipcMain.invokeFrom(channel, { senderFrame: SESSION_FRAME, sender: SESSION_CONTENTS }, ...args);
  const others = methods.filter(({ domain, method }) => !(domain === 'sessions' && (sessionWindowMethods as readonly string[]).includes(method)));

  it('covers every method outside its own session’s calls, orgs.* and auth.* among them', () => {
    expect(others.length).toBe(methods.length - sessionWindowMethods.length);
    expect(others.map((m) => m.domain)).toEqual(expect.arrayContaining(['orgs', 'auth', 'desktops', 'diagnostics', 'app']));
    expect(others.map((m) => m.channel)).toEqual(expect.arrayContaining(['sessions:list', 'sessions:connect', 'orgs:add', 'auth:signOut']));
  });

  it.each(others)('cannot call $channel, whatever the arguments', async ({ channel }) => {
    for (const args of [[], ['s-1'], ['org-1', 'ws-1'], ...CANDIDATES]) {
      expect(await fromSessionWindow(channel, ...args)).toMatchObject({ ok: false, error: { code: 'session-window-refused' } });
    }
    for (const spy of services) expect(spy).not.toHaveBeenCalled();
  });

  it.each([...sessionWindowMethods])('calls sessions.%s for its own session only', async (method) => {
    const channel = channelName('sessions', method);
    const args = VALID_SESSION_ARGS[method]!;
    expect(await fromSessionWindow(channel, ...args('s-2'))).toMatchObject({ ok: false, error: { code: 'session-window-refused' } });
    for (const spy of services) expect(spy).not.toHaveBeenCalled();
    expect(await fromSessionWindow(channel, ...args('s-1'))).toEqual({ ok: true, value: null });
    expect(services.filter((spy) => spy.mock.calls.length > 0)).toHaveLength(1);
  });

  it('gets no more from the main window’s web contents when its page is the viewer page', async () => {
    const viewerInMain = { senderFrame: SESSION_FRAME, sender: MAIN_CONTENTS };
    expect(await ipcMain.invokeFrom('sessions:vncTicket', viewerInMain, 's-1')).toMatchObject({ ok: false, error: { code: 'session-window-refused' } });
    expect(await ipcMain.invokeFrom('orgs:list', viewerInMain)).toMatchObject({ ok: false, error: { code: 'session-window-refused' } });
    // The main window's own page keeps the full contract.
    expect(await ipcMain.invokeFrom('orgs:list', { senderFrame: APP_FRAME, sender: MAIN_CONTENTS })).toEqual({ ok: true, value: null });
  });

  it('hands core the sender frame’s origin for a ticket, never one the page sends', async () => {
    const ticket = services[methods.findIndex((m) => m.channel === 'sessions:vncTicket')]!;
    expect(await fromSessionWindow('sessions:vncTicket', 's-1', 'http://127.0.0.1:4000')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await fromSessionWindow('sessions:vncTicket', 's-1')).toEqual({ ok: true, value: null });
    expect(ticket).toHaveBeenCalledExactlyOnceWith('s-1', { origin: 'app://deskbridge' });
  });
});
