import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DesktopEntry } from '../../../../shared/ipc/domains/desktops';
import type { SelfServiceAction } from '../../../../shared/lib/self-service';
import type { SelfServicePermissions } from '../../../../shared/models/desktop';
import { useT } from '../../i18n';
import { useSessions } from '../sessions/use-sessions';
import { DesktopRow } from './desktop-row';
import { problemText } from './describe';
import type { ListRow } from './filter-desktops';
import { measureUntilPresented } from './render-timing';

interface Props {
  readonly rows: readonly ListRow[];
  readonly permissions: ReadonlyMap<string, SelfServicePermissions>;
  readonly now: number;
  readonly locale: string;
  readonly onAction: (action: SelfServiceAction, desktop: DesktopEntry) => void;
  readonly onConnect: (desktop: DesktopEntry) => void;
  readonly onDismiss: (desktop: DesktopEntry) => void;
}

/** One combined, virtualised list: only the rows in view exist in the DOM, so 2,500 desktops stay smooth. */
export function DesktopList({ rows, permissions, now, locale, onAction, onConnect, onDismiss }: Props) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const sessions = useSessions();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'org' ? 56 : 150),
    getItemKey: (i) => {
      const row = rows[i];
      return row === undefined ? i : row.kind === 'org' ? `org:${row.org.orgId}` : row.desktop.key;
    },
    overscan: 6,
  });

  // Render benchmark: time from the last pushed snapshot to the frame that shows it.
  const desktopCount = rows.reduce((n, r) => (r.kind === 'desktop' ? n + 1 : n), 0);
  useEffect(() => measureUntilPresented(desktopCount), [rows, desktopCount]);

  return (
    <div ref={scroller} className="desktop-scroller" role="region" aria-label={t('desktops.heading')} tabIndex={0}>
      <div className="desktop-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="desktop-slot" style={{ transform: `translateY(${item.start}px)` }}>
              {row.kind === 'org' ? (
                <OrgHeader row={row} />
              ) : (
                <DesktopRow
                  desktop={row.desktop}
                  permissions={permissions.get(row.desktop.orgId)}
                  now={now}
                  locale={locale}
                  onAction={onAction}
                  onConnect={onConnect}
                  onDismiss={onDismiss}
                  session={sessions.get(row.desktop.key)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function OrgHeader({ row }: { readonly row: Extract<ListRow, { kind: 'org' }> }) {
  const t = useT();
  const { org } = row;
  return (
    <div className="org-header">
      <h3>
        {org.orgName} <span className="muted">· {org.userName} · {t('desktops.count', { shown: row.shown, total: org.count })}</span>
      </h3>
      {org.status === 'loading' ? <p className="muted" aria-busy="true">{t('desktops.loading', { org: org.orgName })}</p> : null}
      {org.error !== undefined ? <p className="error">{t('desktops.orgError', { org: org.orgName, message: problemText(t, org.error, { user: org.userName }) })}</p> : null}
      {org.status === 'ready' && org.count === 0 ? <p>{t('desktops.empty.none', { user: org.userName, org: org.orgName })}</p> : null}
    </div>
  );
}
