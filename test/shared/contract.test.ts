import { describe, expect, it, vi } from 'vitest';
import { buildBridge, type Invoke, type Subscribe } from '@shared/ipc/bridge';
import { API_MANIFEST, channelName, EVENT_NAMES } from '@shared/ipc/contract';
import { ARG_SCHEMAS } from '@shared/ipc/schemas';
import { PROTOTYPE_NAMES } from './support/hostile';

const domains = Object.keys(API_MANIFEST) as (keyof typeof API_MANIFEST)[];
const allChannels = domains.flatMap((d) => (API_MANIFEST[d] as readonly string[]).map((m) => channelName(d, m)));

describe('the contract manifest', () => {
  it('has an argument schema for every method and a method for every schema', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...domains].sort());
    for (const domain of domains) {
      expect(Object.keys(ARG_SCHEMAS[domain]).sort(), domain).toEqual([...API_MANIFEST[domain]].sort());
    }
  });

  it('gives every method a unique channel name of the form domain:method', () => {
    expect(new Set(allChannels).size).toBe(allChannels.length);
    for (const channel of allChannels) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('lists every event once, each namespaced by its domain', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    for (const event of EVENT_NAMES) expect(domains).toContain(event.split(':')[0]);
  });

  it('never names a method after something on Object.prototype', () => {
    for (const domain of domains) {
      for (const method of API_MANIFEST[domain] as readonly string[]) expect(PROTOTYPE_NAMES as readonly string[]).not.toContain(method);
    }
  });
});

describe('buildBridge', () => {
  function bridge() {
    const invoke = vi.fn<Invoke>(async (channel) => ({ ok: true, value: channel }));
    const off = vi.fn();
    const subscribe = vi.fn<Subscribe>(() => off);
    return { bridge: buildBridge(invoke, subscribe), invoke, subscribe, off };
  }

  it('exposes exactly the manifest: each domain with its named functions, plus on()', () => {
    const { bridge: b } = bridge();
    expect(Object.keys(b).sort()).toEqual([...domains, 'on'].sort());
    for (const domain of domains) {
      const api = b[domain] as unknown as Record<string, unknown>;
      expect(Object.keys(api).sort()).toEqual([...API_MANIFEST[domain]].sort());
      for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    }
  });

  it('forwards every call to its channel with the arguments as given', async () => {
    const { bridge: b, invoke } = bridge();
    for (const domain of domains) {
      for (const method of API_MANIFEST[domain] as readonly string[]) {
        const fn = (b[domain] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!;
        await expect(fn('a', 2)).resolves.toEqual({ ok: true, value: channelName(domain, method) });
        expect(invoke).toHaveBeenLastCalledWith(channelName(domain, method), ['a', 2]);
      }
    }
    expect(invoke).toHaveBeenCalledTimes(allChannels.length);
  });

  it('is frozen, so a page cannot swap a function for its own', () => {
    const { bridge: b } = bridge();
    expect(Object.isFrozen(b)).toBe(true);
    for (const domain of domains) expect(Object.isFrozen(b[domain])).toBe(true);
    expect(() => {
      (b.orgs as unknown as Record<string, unknown>).list = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it('subscribes to known events and hands back the unsubscribe function', () => {
    const { bridge: b, subscribe, off } = bridge();
    const listener = vi.fn();
    const unsubscribe = b.on('orgs:changed', listener);
    expect(subscribe).toHaveBeenCalledWith('orgs:changed', listener);
    unsubscribe();
    expect(off).toHaveBeenCalledOnce();
  });

  it.each(['orgs:nope', '', 'event:orgs:changed', '__proto__', 'constructor', 'toString'])('refuses the unknown event %j', (event) => {
    const { bridge: b, subscribe } = bridge();
    expect(() => b.on(event as 'orgs:changed', vi.fn())).toThrow(TypeError);
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('refuses a non-string event and a listener that is not a function', () => {
    const { bridge: b, subscribe } = bridge();
    expect(() => b.on(42 as unknown as 'orgs:changed', vi.fn())).toThrow(TypeError);
    expect(() => b.on('orgs:changed', 'alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(subscribe).not.toHaveBeenCalled();
  });
});
