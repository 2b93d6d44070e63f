import { useEffect, useRef } from 'react';
import type { DesktopEntry, DesktopsSnapshot } from '@shared/ipc/domains/desktops';
import { connectPlan } from '@shared/lib/self-service';

/**
 * What auto-connect does with this list: 'wait' while it is not complete yet (nobody signed in, an
 * organization still loading), else the one desktop to connect to, or null (not exactly one
 * desktop, or it can be neither connected to nor started).
 */
export function autoConnectTarget(snapshot: DesktopsSnapshot | undefined): DesktopEntry | null | 'wait' {
  if (snapshot === undefined || snapshot.orgs.length === 0) return 'wait';
  if (snapshot.orgs.some((o) => o.status === 'loading' || o.status === 'partial')) return 'wait';
  const [only, ...others] = snapshot.desktops;
  if (only === undefined || others.length > 0) return null;
  return connectPlan(only) === 'unavailable' ? null : only;
}

/**
 * "When Deskbridge opens and I have one desktop, connect to it": decides once, on the first complete
 * list of the run, and never again in this run (whatever it decided).
 */
export function useAutoConnect(enabled: boolean, snapshot: DesktopsSnapshot | undefined, connect: (desktop: DesktopEntry) => void): void {
  const decided = useRef(false);
  useEffect(() => {
    if (!enabled || decided.current) return;
    const target = autoConnectTarget(snapshot);
    if (target === 'wait') return;
    decided.current = true;
    if (target !== null) connect(target);
  }, [enabled, snapshot, connect]);
}
