import { API_MANIFEST, channelName, EVENT_NAMES, type DeskbridgeBridge, type DeskbridgeEvents } from './contract';
import { sessionWindowMethods, type SessionWindowApi } from './domains/sessions';

export type Invoke = (channel: string, args: unknown[]) => Promise<unknown>;
export type Subscribe = (event: keyof DeskbridgeEvents, listener: (payload: unknown) => void) => () => void;

/**
 * Builds window.deskbridge from the manifest: named functions only, one per contract method, so
 * preload and the test harness expose exactly the same surface.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): DeskbridgeBridge {
  const bridge: Record<string, unknown> = {};
  for (const [domain, methods] of Object.entries(API_MANIFEST)) {
    const functions: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of methods as readonly string[]) {
      const channel = channelName(domain, method);
      functions[method] = (...args: unknown[]) => invoke(channel, args);
    }
    bridge[domain] = Object.freeze(functions);
  }
  bridge.on = (event: unknown, listener: unknown) => {
    if (typeof event !== 'string' || !(EVENT_NAMES as readonly string[]).includes(event)) {
      throw new TypeError(`Unknown Deskbridge event: ${String(event)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
    return subscribe(event as keyof DeskbridgeEvents, listener as (payload: unknown) => void);
  };
  return Object.freeze(bridge) as unknown as DeskbridgeBridge;
}

/** window.deskbridge of a session window: its session's methods only, and no events. */
export function buildSessionBridge(invoke: Invoke): SessionWindowApi {
  const sessions: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of sessionWindowMethods) sessions[method] = (...args: unknown[]) => invoke(channelName('sessions', method), args);
  return Object.freeze({ sessions: Object.freeze(sessions) }) as unknown as SessionWindowApi;
}
