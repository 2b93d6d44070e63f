/**
 * Generated from the manifest: EVERY contract method is refused from an untrusted sender and
 * with bad arguments, through bindIpc on the fake ipcMain, before any service is reached.
 */
import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { bindIpc } from '../../electron/main/ipc/bind-ipc';
import { API_MANIFEST, channelName, type DeskbridgeApi } from '../../shared/ipc/contract';
import { ok } from '../../shared/ipc/result';
import { ARG_SCHEMAS } from '../../shared/ipc/schemas';
import { ipcMain, resetFakeElectron } from './fake-electron';

const APP_FRAME = { url: 'app://deskbridge/index.html', parent: null };
const UNTRUSTED_FRAMES: readonly [string, unknown][] = [
  ['an iframe inside our page', { url: 'app://deskbridge/index.html', parent: APP_FRAME }],
  ['a foreign https page', { url: 'https://evil.example/', parent: null }],
  ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
  ['a frame that is gone', null],
];

const methods = Object.entries(API_MANIFEST).flatMap(([domain, names]) => (names as readonly string[]).map((method) => ({ domain, method, channel: channelName(domain, method) })));

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
        expect([args.length, await ipcMain.invoke(channel, APP_FRAME, ...args)]).toMatchObject([args.length, { ok: false, error: { code: 'invalid-arguments' } }]);
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
