import { useEffect, useState } from 'react';
import type { DesktopsSnapshot } from '@shared/ipc/domains/desktops';
import { api } from '@renderer/ipc/api';
import { markReceived } from './render-timing';

/**
 * The pushed desktop list. Reports the page's visibility so core pauses polling while hidden;
 * the renderer itself never polls. Marks each arrival for the render benchmark (User Timing).
 */
export function useDesktops(): DesktopsSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<DesktopsSnapshot>();
  useEffect(() => {
    let live = true;
    const off = api().on('desktops:changed', (payload) => {
      markReceived(payload.desktops.length);
      setSnapshot(payload);
    });
    void api()
      .desktops.list()
      .then((result) => {
        if (live && result.ok) setSnapshot((current) => current ?? result.value);
      });
    const report = (): void => {
      void api().desktops.setVisible(document.visibilityState === 'visible');
    };
    report();
    document.addEventListener('visibilitychange', report);
    return () => {
      live = false;
      off();
      document.removeEventListener('visibilitychange', report);
      void api().desktops.setVisible(false);
    };
  }, []);
  return snapshot;
}

/** A ticking "now" only while something shows elapsed time (no ticking otherwise). */
export function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const handle = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(handle);
  }, [active, everyMs]);
  return now;
}
