import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { dispatch, resolveChannel } from '@core/ipc-dispatch';
import { Logger } from '@core/log/logger';
import { API_MANIFEST, channelName, type DeskbridgeApi } from '@shared/ipc/contract';
import { PROTOTYPE_NAMES } from '../shared/support/hostile';
import { OIDC_INPUT, startTempCore, unwrap, type TempCore } from './support/temp-core';

type Spied<T> = { -readonly [K in keyof T]: Mock & T[K] };

/** The real api with every orgs and app method wrapped in a spy that still calls through. */
function spyOn<T extends object>(target: T): Spied<T> {
  const out: Record<string, Mock> = {};
  for (const [name, fn] of Object.entries(target)) out[name] = vi.fn((...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(target, args));
  return out as unknown as Spied<T>;
}

let t: TempCore;
let api: DeskbridgeApi;
let orgs: Spied<DeskbridgeApi['orgs']>;
let app: Spied<DeskbridgeApi['app']>;
let logger: Logger;

beforeEach(async () => {
  t = await startTempCore();
  orgs = spyOn(t.core.api.orgs);
  app = spyOn(t.core.api.app);
  api = { ...t.core.api, orgs, app };
  logger = new Logger();
});
afterEach(async () => {
  await t.stop();
});

const allSpies = () => [...Object.values(orgs), ...Object.values(app)] as Mock[];
const expectNoServiceReached = () => {
  for (const spy of allSpies()) expect(spy).not.toHaveBeenCalled();
};

describe('dispatch', () => {
  it('passes valid arguments through to the service and returns its result', async () => {
    const result = await dispatch(api, 'orgs:add', [OIDC_INPUT]);
    expect(result).toMatchObject({ ok: true, value: { code: 'SLiad+S393HD' } });
    expect(orgs.add).toHaveBeenCalledWith(OIDC_INPUT);
    expect(await dispatch(api, 'orgs:list', [])).toMatchObject({ ok: true, value: { canAdd: true } });
  });

  it.each<[string, unknown]>([
    ['orgs:rename', [1, 'name']],
    ['orgs:rename', [{ id: 'x' }, 'name']],
    ['orgs:rename', ['id']],
    ['orgs:rename', ['id', 'name', 'extra']],
    ['orgs:rename', ['id', 'x'.repeat(257)]],
    ['orgs:rename', ['', 'name']],
    ['orgs:remove', []],
    ['orgs:remove', [null]],
    ['orgs:remove', ['x'.repeat(129)]],
    ['orgs:remove', [['id']]],
    ['orgs:add', ['{"code":"x"}']],
    ['orgs:add', [null]],
    ['orgs:add', [[OIDC_INPUT]]],
    ['orgs:add', [OIDC_INPUT, OIDC_INPUT]],
    ['orgs:add', undefined],
    ['orgs:list', ['extra']],
    ['orgs:list', { 0: 'a', length: 1 }],
    ['orgs:answerLink', ['id', 'yes']],
    ['orgs:answerLink', ['id', 1]],
    ['orgs:importProfile', [{ text: '{}' }]],
    ['orgs:importProfile', ['x'.repeat(64 * 1024 + 1)]],
    ['app:dismissNotice', [42]],
    ['app:info', [undefined]],
  ])('refuses %s with arguments %j before any service is reached', async (channel, args) => {
    const result = await dispatch(api, channel, args, logger.scoped('ipc'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: `Invalid arguments for ${channel}.` } });
    expect(result.ok ? '' : result.error.details).toBeTruthy();
    expectNoServiceReached();
    expect(logger.list().at(-1)).toMatchObject({ level: 'warn', message: `Refused ${channel}: invalid arguments` });
  });

  it.each<unknown>([
    'orgs:constructor',
    'orgs:__proto__',
    'orgs:toString',
    'orgs:hasOwnProperty',
    '__proto__:x',
    '__proto__:list',
    'constructor:name',
    'toString:call',
    'orgs:list:extra',
    'orgs:',
    ':list',
    'orgs',
    'ORGS:list',
    'orgs:List',
    ' orgs:list',
    'orgs:list\u0000',
    'event:orgs:changed',
    'auth:unknown',
    '',
    `orgs:${'list'.repeat(20)}`,
    42,
    null,
    undefined,
    { toString: () => 'orgs:list' },
    ['orgs', 'list'],
    ...PROTOTYPE_NAMES.map((name) => `app:${name}`),
  ])('refuses the channel %j as unknown-method before any service is reached', async (channel) => {
    const result = await dispatch(api, channel, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expectNoServiceReached();
  });

  it('lets the service explain a name it refuses, rather than a bare invalid-arguments', async () => {
    const org = unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    expect(await dispatch(api, 'orgs:rename', [org.id, '   '])).toMatchObject({
      ok: false,
      error: { code: 'invalid-name', message: 'Enter a name of 1 to 64 characters.' },
    });
  });

  it('resolves exactly the manifest channels', () => {
    for (const [domain, methods] of Object.entries(API_MANIFEST)) {
      for (const method of methods as readonly string[]) expect(resolveChannel(channelName(domain, method))).toEqual({ domain, method });
    }
  });

  it('turns an unexpected exception into internal-error: no stack, no exception text for the user, the cause in the log', async () => {
    orgs.list.mockImplementationOnce(() => {
      throw new Error('boom at /home/user/secret/path.ts:12 refresh_token=abcdef123456');
    });
    const result = await dispatch(api, 'orgs:list', [], logger.scoped('ipc'));
    expect(result).toEqual({ ok: false, error: { code: 'internal-error', message: 'Something went wrong inside Deskbridge. The details are in the log.' } });
    const entry = logger.list().at(-1)!;
    expect(entry).toMatchObject({ level: 'error', scope: 'ipc' });
    expect(entry.message).toContain('orgs:list failed unexpectedly: Error: boom');
    expect(entry.message).not.toContain('abcdef123456');
    expect(entry.message).not.toMatch(/\n\s+at /);
  });

  it('turns a rejected promise into internal-error too', async () => {
    orgs.rename.mockRejectedValueOnce(new TypeError('x is undefined'));
    const org = unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    expect(await dispatch(api, 'orgs:rename', [org.id, 'New'])).toMatchObject({ ok: false, error: { code: 'internal-error' } });
  });

  it('does not let an argument pollute Object.prototype', async () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;
    await dispatch(api, 'orgs:add', [hostile]);
    await dispatch(api, 'orgs:importProfile', ['{"format":"deskbridge-organization","version":1,"organization":{"__proto__":{"polluted":true}}}']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
