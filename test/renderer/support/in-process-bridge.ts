/**
 * window.deskbridge backed by the REAL core in this process: the same buildBridge as preload and
 * the harness, every call through dispatch (schemas included), values cloned as IPC would.
 */
import { dispatch } from '@core/ipc-dispatch';
import { buildBridge } from '@shared/ipc/bridge';
import type { DeskbridgeBridge } from '@shared/ipc/contract';
import { startTempCore, type TempCore, type TempCoreOptions } from '../../core/support/temp-core';

export interface InProcessBridge extends TempCore {
  readonly bridge: DeskbridgeBridge;
  /** Every channel the renderer called, in order. */
  readonly channels: string[];
}

export async function installInProcessBridge(options: TempCoreOptions = {}): Promise<InProcessBridge> {
  const t = await startTempCore(options);
  const channels: string[] = [];
  const bridge = buildBridge(
    async (channel, args) => {
      channels.push(channel);
      return structuredClone(await dispatch(t.core.api, channel, structuredClone(args), t.core.logger.scoped('in-process')));
    },
    (event, listener) => t.core.events.on(event, (payload) => listener(structuredClone(payload))),
  );
  Object.defineProperty(window, 'deskbridge', { value: bridge, configurable: true, writable: false });
  return {
    ...t,
    bridge,
    channels,
    stop: async () => {
      Reflect.deleteProperty(window, 'deskbridge');
      await t.stop();
    },
  };
}
