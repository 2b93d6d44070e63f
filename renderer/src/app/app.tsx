import { useCallback, useMemo, useState } from 'react';
import { NoticeBar } from '../components/notice-bar';
import { DesktopsView } from '../features/desktops/desktops-view';
import { DiagnosticsButton } from '../features/diagnostics/log-viewer';
import { LinkDialog } from '../features/orgs/link-dialog';
import { OrgsScreen } from '../features/orgs/orgs-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { useDocumentPreferences, useOpenSettingsEvent, usePreferences } from '../features/settings/use-preferences';
import { I18nContext, LanguageContext, pickLanguage, translator } from '../i18n';
import { api } from '../ipc/api';
import { useLive } from '../ipc/use-live';

export function App() {
  const prefs = usePreferences();
  const language = pickLanguage(prefs.preferences.language, navigator.languages ?? [navigator.language]);
  const t = useMemo(() => translator(language), [language]);
  useDocumentPreferences(prefs.preferences.theme, language);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  useOpenSettingsEvent(openSettings);
  const orgs = useLive('orgs:changed', () => api().orgs.list());
  const links = useLive('orgs:links', () => api().orgs.pendingLinks());
  const notices = useLive('app:notices', () => api().app.notices());
  const firstLink = links?.[0];

  return (
    <LanguageContext.Provider value={language}>
    <I18nContext.Provider value={t}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <button type="button" aria-pressed={settingsOpen} onClick={() => setSettingsOpen((open) => !open)}>
          {t('settings.open')}
        </button>
      </header>
      {settingsOpen ? (
        <main>
          <SettingsScreen view={prefs} onClose={() => setSettingsOpen(false)} />
        </main>
      ) : (
      <main>
        <NoticeBar notices={notices ?? []} onDismiss={(id) => void api().app.dismissNotice(id)} />
        {orgs && orgs.organizations.length > 0 ? <DesktopsView orgCount={orgs.organizations.length} /> : null}
        {orgs ? <OrgsScreen snapshot={orgs} /> : <p aria-busy="true">{t('app.loading')}</p>}
      </main>
      )}
      <footer className="app-footer">
        <p>{t('app.honest')}</p>
        <DiagnosticsButton />
      </footer>
      {firstLink ? <LinkDialog key={firstLink.id} link={firstLink} /> : null}
    </I18nContext.Provider>
    </LanguageContext.Provider>
  );
}
