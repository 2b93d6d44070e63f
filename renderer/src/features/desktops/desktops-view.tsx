import { useEffect, useMemo, useRef, useState } from 'react';
import type { DesktopEntry, DesktopsSnapshot, OrgDesktops } from '@shared/ipc/domains/desktops';
import type { Result } from '@shared/ipc/result';
import { isDesktopDialogErrorCode } from '@shared/ipc/errors';
import { stateInfo } from '@shared/lib/desktop-state';
import type { SelfServiceAction } from '@shared/lib/self-service';
import type { SelfServicePermissions } from '@shared/models/desktop';
import { useT } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';
import { useSessions } from '../sessions/use-sessions';
import { ActionDialog, type DialogAction, type Submit } from './action-dialog';
import { problemText } from './describe';
import { DesktopList } from './desktop-list';
import { DesktopRow } from './desktop-row';
import './desktops.css';
import { filterDesktops } from './filter-desktops';
import { orderForHome } from './home-order';
import { useNow } from './use-desktops';

interface Props {
  /** The pushed desktop list (undefined until core first answers: a skeleton shows meanwhile). */
  readonly snapshot: DesktopsSnapshot | undefined;
  /** How many organizations are configured (for the "add one" / "sign in" empty states). */
  readonly orgCount: number;
  /** Desktop keys connected to in this run, most recent first (renderer memory only). */
  readonly recent: readonly string[];
  readonly onConnect: (desktop: DesktopEntry) => void;
}

/** The home: every desktop of every signed-in organization, ready ones first; search, filter, act. */
export function DesktopsView({ snapshot, orgCount, recent, onConnect }: Props) {
  const t = useT();
  const sessions = useSessions();
  const [query, setQuery] = useState('');
  const [orgFilter, setOrgFilter] = useState('');
  const [dialog, setDialog] = useState<{ action: DialogAction; key: string } | null>(null);
  const announcement = useAnnouncements(snapshot);
  const anyStarting = snapshot?.desktops.some((d) => d.connect?.phase === 'starting' || d.pending?.action === 'connect') ?? false;
  // A desktop stuck rebooting may be restarted after 20 minutes (RebootWorkspaces): keep "now" moving.
  const anyRebooting = snapshot?.desktops.some((d) => d.state === 'REBOOTING') ?? false;
  const now = useNow(anyStarting || anyRebooting, anyStarting ? 1000 : 30_000);
  const locale = document.documentElement.lang || navigator.language || 'en';

  const shownDesktops = useMemo(
    () => (snapshot === undefined ? [] : orderForHome(filterDesktops(snapshot.orgs, snapshot.desktops, query, orgFilter, t), sessions, recent)),
    [snapshot, query, orgFilter, t, sessions, recent],
  );
  const permissions = useMemo(() => {
    const map = new Map<string, SelfServicePermissions>();
    for (const org of snapshot?.orgs ?? []) if (org.permissions !== undefined) map.set(org.orgId, org.permissions);
    return map;
  }, [snapshot]);
  const orgNames = useMemo(
    () => (snapshot === undefined || snapshot.orgs.length < 2 ? null : new Map(snapshot.orgs.map((o) => [o.orgId, o.orgName]))),
    [snapshot],
  );
  const dialogDesktop = dialog === null ? undefined : snapshot?.desktops.find((d) => d.key === dialog.key);

  const onAction = (action: SelfServiceAction, desktop: DesktopEntry): void => {
    if (action === 'start') void api().desktops.start(desktop.key);
    else setDialog({ action, key: desktop.key });
  };
  const onDismiss = (desktop: DesktopEntry): void => void api().desktops.dismissProblem(desktop.key);
  const submit = async (desktop: DesktopEntry, value: Submit): Promise<string | null> => {
    const d = api().desktops;
    let result: Result<DesktopsSnapshot>;
    switch (value.action) {
      case 'restart':
        result = await d.restart(desktop.key);
        break;
      case 'rebuild':
        result = await d.rebuild(desktop.key, value.confirmation);
        break;
      case 'changeComputeType':
        result = await d.changeComputeType(desktop.key, value.computeType);
        break;
      case 'increaseVolume':
        result = await d.increaseVolume(desktop.key, {
          ...(value.rootGib === undefined ? {} : { rootGib: value.rootGib }),
          ...(value.userGib === undefined ? {} : { userGib: value.userGib }),
        });
        break;
      case 'switchRunningMode':
        result = await d.switchRunningMode(desktop.key, value.mode);
        break;
    }
    // Refusals from AWS are shown on the desktop itself; the dialog closes either way except for input errors.
    return result.ok || !isDesktopDialogErrorCode(result.error.code) ? null : errorText(t, result.error, { desktop: desktop.name });
  };

  if (snapshot === undefined) return <DesktopsSkeleton />;
  const empty = orgCount === 0 ? t('desktops.empty.noOrgs') : snapshot.orgs.length === 0 ? t('desktops.empty.signedOut') : null;
  const only = snapshot.desktops.length === 1 ? snapshot.desktops[0] : undefined;
  const onlySession = only === undefined ? undefined : sessions.get(only.key);

  return (
    <section className={`desktops${only === undefined ? '' : ' desktops-single'}`} aria-labelledby="desktops-title">
      <div className="section-head">
        <h2 id="desktops-title">{t('desktops.heading')}</h2>
        {snapshot.orgs.length > 0 ? (
          <button type="button" onClick={() => void api().desktops.refresh()} aria-keyshortcuts="Control+R Meta+R">
            {t('desktops.refresh')}
          </button>
        ) : null}
      </div>
      {snapshot.offline ? (
        <p className="notice notice-warning offline-banner" role="status">
          {t('desktops.offline')}
        </p>
      ) : null}
      <OrgNotes orgs={snapshot.orgs} />
      {empty !== null ? (
        <p className="empty-state">{empty}</p>
      ) : only !== undefined ? (
        <DesktopRow
          desktop={only}
          permissions={permissions.get(only.orgId)}
          now={now}
          locale={locale}
          onAction={onAction}
          onConnect={onConnect}
          onDismiss={onDismiss}
          hero
          {...(onlySession === undefined ? {} : { session: onlySession })}
        />
      ) : (
        <>
          <div className="desktop-toolbar">
            <div className="field search-field">
              <label htmlFor="desktop-search">{t('desktops.search')}</label>
              <input
                id="desktop-search"
                type="search"
                value={query}
                placeholder={t('desktops.searchHint')}
                aria-keyshortcuts="Control+F Meta+F"
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
            {snapshot.orgs.length > 1 ? (
              <div className="field">
                <label htmlFor="desktop-org">{t('desktops.orgFilter')}</label>
                <select id="desktop-org" value={orgFilter} onChange={(e) => setOrgFilter(e.target.value)}>
                  <option value="">{t('desktops.allOrgs')}</option>
                  {snapshot.orgs.map((o) => (
                    <option key={o.orgId} value={o.orgId}>
                      {o.orgName}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <p className="muted desktop-count" role="status">
              {t('desktops.count', { shown: shownDesktops.length, total: snapshot.desktops.length })}
            </p>
          </div>
          {shownDesktops.length === 0 && query !== '' ? <p className="empty-state">{t('desktops.empty.search')}</p> : null}
          <DesktopList
            desktops={shownDesktops}
            sessions={sessions}
            permissions={permissions}
            orgNames={orgNames}
            now={now}
            locale={locale}
            onAction={onAction}
            onConnect={onConnect}
            onDismiss={onDismiss}
          />
        </>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {dialog !== null && dialogDesktop !== undefined ? (
        <ActionDialog
          key={`${dialog.key}:${dialog.action}`}
          action={dialog.action}
          desktop={dialogDesktop}
          onSubmit={(value) => submit(dialogDesktop, value)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}

/** Per organization: still loading, could not be listed, or has no desktops for this user. */
function OrgNotes({ orgs }: { readonly orgs: readonly OrgDesktops[] }) {
  const t = useT();
  const notes = orgs.flatMap((org) => {
    if (org.error !== undefined)
      return [
        { key: org.orgId, className: 'error', text: t('desktops.orgError', { org: org.orgName, message: problemText(t, org.error, { user: org.userName }) }) },
      ];
    if (org.status === 'loading') return [{ key: org.orgId, className: 'muted', text: t('desktops.loading', { org: org.orgName }) }];
    if (org.status === 'ready' && org.count === 0)
      return [{ key: org.orgId, className: '', text: t('desktops.empty.none', { user: org.userName, org: org.orgName }) }];
    return [];
  });
  if (notes.length === 0) return null;
  return (
    <div className="org-notes">
      {notes.map((n) => (
        <p key={n.key} className={n.className}>
          {n.text}
        </p>
      ))}
    </div>
  );
}

/** What paints before core has answered: the frame of the home with grey cards (no data, no waiting). */
export function DesktopsSkeleton() {
  const t = useT();
  return (
    <section className="desktops desktops-skeleton" aria-busy="true" aria-label={t('desktops.heading')}>
      <p className="sr-only">{t('app.loading')}</p>
      {[0, 1, 2].map((i) => (
        <div key={i} className="desktop-row skeleton-card" aria-hidden="true">
          <span className="skeleton-line skeleton-title" />
          <span className="skeleton-line" />
          <span className="skeleton-line skeleton-button" />
        </div>
      ))}
    </section>
  );
}

/** "Daily-AutoStop is now Ready." — for screen readers, only for changes after the first load. */
function useAnnouncements(snapshot: DesktopsSnapshot | undefined): string {
  const t = useT();
  const previous = useRef<Map<string, string> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (snapshot === undefined) return;
    const before = previous.current;
    const next = new Map(snapshot.desktops.map((d) => [d.key, d.state]));
    previous.current = next;
    if (before === null) return;
    const changes = snapshot.desktops
      .filter((d) => before.has(d.key) && before.get(d.key) !== d.state)
      .slice(0, 3)
      .map((d) => t('desktops.stateChanged', { name: d.name, state: t(stateInfo(d.state).labelKey) }));
    if (changes.length > 0) setText(changes.join(' '));
  }, [snapshot, t]);
  return text;
}
