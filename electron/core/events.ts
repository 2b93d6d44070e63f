import type { DeskbridgeEvents } from '@shared/ipc/contract';

type EventName = keyof DeskbridgeEvents;
type AnyListener = (event: EventName, payload: unknown) => void;

/** Core's pushes to every host (IPC, harness socket). One listener failing never stops the others. */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: DeskbridgeEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken host connection must not break core; the host logs its own failures.
      }
    }
  }

  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(event: E, listener: (payload: DeskbridgeEvents[E]) => void): () => void {
    return this.onAny((name, payload) => {
      if (name === event) listener(payload as DeskbridgeEvents[E]);
    });
  }
}
