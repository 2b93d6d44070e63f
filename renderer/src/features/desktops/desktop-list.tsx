import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import type { SessionInfo } from '@shared/ipc/domains/sessions';
import type { SelfServiceAction } from '@shared/lib/self-service';
import type { SelfServicePermissions } from '@shared/models/desktop';
import { useT } from '@renderer/i18n';
import { DesktopRow } from './desktop-row';
import { measureUntilPresented } from './render-timing';

interface Props {
  readonly desktops: readonly DesktopEntry[];
  readonly sessions: ReadonlyMap<string, SessionInfo>;
  readonly permissions: ReadonlyMap<string, SelfServicePermissions>;
  /** Organization names by id, when the user has more than one (shown on each card). */
  readonly orgNames: ReadonlyMap<string, string> | null;
  readonly now: number;
  readonly locale: string;
  readonly onAction: (action: SelfServiceAction, desktop: DesktopEntry) => void;
  readonly onConnect: (desktop: DesktopEntry) => void;
  readonly onDismiss: (desktop: DesktopEntry) => void;
}

/** The home's cards in one virtualised list: only the cards in view exist in the DOM, so 2,500 desktops stay smooth. */
export function DesktopList({ desktops, sessions, permissions, orgNames, now, locale, onAction, onConnect, onDismiss }: Props) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: desktops.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 120,
    getItemKey: (i) => desktops[i]?.key ?? i,
    overscan: 6,
  });

  // Render benchmark: time from the last pushed snapshot to the frame that shows it.
  useEffect(() => measureUntilPresented(desktops.length), [desktops]);

  return (
    <div ref={scroller} className="desktop-scroller" role="region" aria-label={t('desktops.heading')}>
      <div className="desktop-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const desktop = desktops[item.index];
          if (desktop === undefined) return null;
          const orgName = orgNames?.get(desktop.orgId);
          const session = sessions.get(desktop.key);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="desktop-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <DesktopRow
                desktop={desktop}
                permissions={permissions.get(desktop.orgId)}
                now={now}
                locale={locale}
                onAction={onAction}
                onConnect={onConnect}
                onDismiss={onDismiss}
                {...(session === undefined ? {} : { session })}
                {...(orgName === undefined ? {} : { orgName })}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
