import type { DeskbridgeBridge } from '@shared/ipc/contract';

declare global {
  interface Window {
    readonly deskbridge: DeskbridgeBridge;
  }
}

/** The contract, whichever host serves it (Electron preload or the test harness). */
export function api(): DeskbridgeBridge {
  return window.deskbridge;
}
