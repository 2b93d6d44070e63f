import { useEffect, useMemo, useRef, useState } from 'react';
import type { DesktopEntry, DesktopsSnapshot } from '../../../../shared/ipc/domains/desktops';
import type { Result } from '../../../../shared/ipc/result';
import { isDesktopDialogErrorCode } from '../../../../shared/ipc/errors';
import { stateInfo } from '../../../../shared/lib/desktop-state';
import type { SelfServiceAction } from '../../../../shared/lib/self-service';
import type { SelfServicePermissions } from '../../../../shared/models/desktop';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { api } from '../../ipc/api';
import { ActionDialog, type DialogAction, type Submit } from './action-dialog';
import { DesktopList } from './desktop-list';
import './desktops.css';
import { buildRows } from './filter-desktops';
import { useDesktops, useNow } from './use-desktops';

interface Props {
  /** How many organizations are configured (for the "add one" / "sign in" empty states). */
  readonly orgCount: number;
}

/** Every desktop of every signed-in organization: search, filter by organization, act. */
export function DesktopsView({ orgCount }: Props) {
  const t = useT();
  const snapshot = useDesktops();
  const [query, setQuery] = useState('');
  const [orgFilter, setOrgFilter] = useState('');
  const [dialog, setDialog] = useState<{ action: DialogAction; key: string } | null>(null);
  const announcement = useAnnouncements(snapshot);
  const anyStarting = snapshot?.desktops.some((d) => d.connect?.phase === 'starting') ?? false;
  // A desktop stuck rebooting may be restarted after 20 minutes (RebootWorkspaces): keep "now" moving.
  const anyRebooting = snapshot?.desktops.some((d) => d.state === 'REBOOTING') ?? false;
  const now = useNow(anyStarting || anyRebooting, anyStarting ? 1000 : 30_000);
  const locale = document.documentElement.lang || navigator.language || 'en';

  const rows = useMemo(() => (snapshot === undefined ? [] : buildRows(snapshot.orgs, snapshot.desktops, query, orgFilter, t)), [snapshot, query, orgFilter, t]);
  const permissions = useMemo(() => {
    const map = new Map<string, SelfServicePermissions>();
    for (const org of snapshot?.orgs ?? []) if (org.permissions !== undefined) map.set(org.orgId, org.permissions);
    return map;
  }, [snapshot]);
  const dialogDesktop = dialog === null ? undefined : snapshot?.desktops.find((d) => d.key === dialog.key);

  const onAction = (action: SelfServiceAction, desktop: DesktopEntry): void => {
    if (action === 'start') void api().desktops.start(desktop.key);
    else setDialog({ action, key: desktop.key });
  };
  const submit = async (desktop: DesktopEntry, value: Submit): Promise<string | null> => {
    const d = api().desktops;
    let result: Result<DesktopsSnapshot>;
    switch (value.action) {
      case 'restart': result = await d.restart(desktop.key); break;
      case 'rebuild': result = await d.rebuild(desktop.key, value.confirmation); break;
      case 'changeComputeType': result = await d.changeComputeType(desktop.key, value.computeType); break;
      case 'increaseVolume': result = await d.increaseVolume(desktop.key, { ...(value.rootGib === undefined ? {} : { rootGib: value.rootGib }), ...(value.userGib === undefined ? {} : { userGib: value.userGib }) }); break;
      case 'switchRunningMode': result = await d.switchRunningMode(desktop.key, value.mode); break;
    }
    // Refusals from AWS are shown on the desktop itself; the dialog closes either way except for input errors.
    return result.ok || !isDesktopDialogErrorCode(result.error.code) ? null : errorText(t, result.error, { desktop: desktop.name });
  };

  if (snapshot === undefined) return <p aria-busy="true">{t('app.loading')}</p>;
  const empty =
    orgCount === 0 ? t('desktops.empty.noOrgs') : snapshot.orgs.length === 0 ? t('desktops.empty.signedOut') : null;
  const shown = rows.filter((r) => r.kind === 'desktop').length;

  return (
    <section className="desktops" aria-labelledby="desktops-title">
      <div className="section-head">
        <h2 id="desktops-title">{t('desktops.heading')}</h2>
        {snapshot.orgs.length > 0 ? (
          <button type="button" onClick={() => void api().desktops.refresh()}>{t('desktops.refresh')}</button>
        ) : null}
      </div>
      {snapshot.offline ? <p className="notice notice-warning offline-banner" role="status">{t('desktops.offline')}</p> : null}
      {empty !== null ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <>
          <div className="desktop-toolbar">
            <div className="field">
              <label htmlFor="desktop-search">{t('desktops.search')}</label>
              <input id="desktop-search" type="search" value={query} placeholder={t('desktops.searchHint')} onChange={(e) => setQuery(e.target.value)} />
            </div>
            {snapshot.orgs.length > 1 ? (
              <div className="field">
                <label htmlFor="desktop-org">{t('desktops.orgFilter')}</label>
                <select id="desktop-org" value={orgFilter} onChange={(e) => setOrgFilter(e.target.value)}>
                  <option value="">{t('desktops.allOrgs')}</option>
                  {snapshot.orgs.map((o) => (
                    <option key={o.orgId} value={o.orgId}>{o.orgName}</option>
                  ))}
                </select>
              </div>
            ) : null}
            <p className="muted" role="status">{t('desktops.count', { shown, total: snapshot.desktops.length })}</p>
          </div>
          {shown === 0 && query !== '' ? <p className="empty-state">{t('desktops.empty.search')}</p> : null}
          <DesktopList
            rows={rows}
            permissions={permissions}
            now={now}
            locale={locale}
            onAction={onAction}
            onConnect={(d) => void api().desktops.connect(d.key)}
            onDismiss={(d) => void api().desktops.dismissProblem(d.key)}
          />
        </>
      )}
      <p className="sr-only" aria-live="polite">{announcement}</p>
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
