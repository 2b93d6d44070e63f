import { useEffect, useState } from 'react';
import type { DeskbridgeEvents } from '@shared/ipc/contract';
import type { Result } from '@shared/ipc/result';
import { api } from './api';

/** State that core pushes: loaded once, then kept current by an event. Undefined until loaded. */
export function useLive<E extends keyof DeskbridgeEvents>(event: E, load: () => Promise<Result<DeskbridgeEvents[E]>>): DeskbridgeEvents[E] | undefined {
  const [value, setValue] = useState<DeskbridgeEvents[E]>();
  useEffect(() => {
    let live = true;
    const off = api().on(event, (payload) => setValue(payload));
    void load().then((result) => {
      if (live && result.ok) setValue((current) => current ?? result.value);
    });
    return () => {
      live = false;
      off();
    };
    // The loader is stable per event; re-subscribing on every render would drop pushes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event]);
  return value;
}
