import { useMemo } from 'react';
import { NoticeBar } from '../components/notice-bar';
import { DesktopsView } from '../features/desktops/desktops-view';
import { DiagnosticsButton } from '../features/diagnostics/log-viewer';
import { LinkDialog } from '../features/orgs/link-dialog';
import { NetworkButton, ProxyLoginHost } from '../features/network/network-settings';
import { OrgsScreen } from '../features/orgs/orgs-screen';
import { I18nContext, pickLanguage, translator } from '../i18n';
import { api } from '../ipc/api';
import { useLive } from '../ipc/use-live';

export function App() {
  const t = useMemo(() => translator(pickLanguage('system', navigator.languages ?? [navigator.language])), []);
  const orgs = useLive('orgs:changed', () => api().orgs.list());
  const links = useLive('orgs:links', () => api().orgs.pendingLinks());
  const notices = useLive('app:notices', () => api().app.notices());
  const firstLink = links?.[0];

  return (
    <I18nContext.Provider value={t}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
      </header>
      <main>
        <NoticeBar notices={notices ?? []} onDismiss={(id) => void api().app.dismissNotice(id)} />
        {orgs && orgs.organizations.length > 0 ? <DesktopsView orgCount={orgs.organizations.length} /> : null}
        {orgs ? <OrgsScreen snapshot={orgs} /> : <p aria-busy="true">{t('app.loading')}</p>}
      </main>
      <footer className="app-footer">
        <p>{t('app.honest')}</p>
        <DiagnosticsButton />
        <NetworkButton />
      </footer>
      {firstLink ? <LinkDialog key={firstLink.id} link={firstLink} /> : null}
      <ProxyLoginHost />
    </I18nContext.Provider>
  );
}
