import { useCallback, useMemo, useState } from 'react';
import type { AuthSnapshot } from '@shared/ipc/domains/auth';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import { NoticeBar } from '../components/notice-bar';
import { DesktopsSkeleton, DesktopsView } from '../features/desktops/desktops-view';
import { rememberConnect } from '../features/desktops/home-order';
import { useDesktops } from '../features/desktops/use-desktops';
import { DiagnosticsButton } from '../features/diagnostics/log-viewer';
import { LinkDialog } from '../features/orgs/link-dialog';
import { ProxyLoginHost } from '../features/network/network-settings';
import { OrgsScreen } from '../features/orgs/orgs-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { useDocumentPreferences, useOpenSettingsEvent, usePreferences } from '../features/settings/use-preferences';
import { I18nContext, LanguageContext, pickLanguage, translator, useT } from '../i18n';
import { api } from '../ipc/api';
import { useLive } from '../ipc/use-live';
import { AccountStrip } from './account-strip';
import { useAutoConnect } from './use-auto-connect';
import { useShortcuts } from './use-shortcuts';

export type View = 'home' | 'orgs';

/**
 * Which view shows: organizations while there are none (first run); else the user's choice; else
 * the desktops once an organization is signed in or being restored, the organizations (to sign in)
 * otherwise. Undefined auth: the home (its skeleton) until core answers.
 */
export function pickView(orgCount: number | undefined, chosen: View | null, auth: AuthSnapshot | undefined): View {
  if (orgCount === 0) return 'orgs';
  if (chosen !== null) return chosen;
  if (auth === undefined) return 'home';
  const active = auth.orgs.some((o) => o.state === 'signed-in' || (o.state === 'signing-in' && o.waitingFor === undefined));
  return active ? 'home' : 'orgs';
}

/** `autoConnect` overrides the "connect when I have one desktop" preference (tests). */
export function App({ autoConnect }: { readonly autoConnect?: boolean }) {
  const prefs = usePreferences();
  const language = pickLanguage(prefs.preferences.language, navigator.languages ?? [navigator.language]);
  const t = useMemo(() => translator(language), [language]);
  useDocumentPreferences(prefs.preferences.theme, language);
  return (
    <LanguageContext.Provider value={language}>
      <I18nContext.Provider value={t}>
        <Shell autoConnect={autoConnect ?? (prefs.loaded && prefs.preferences.connectOnOpen)} prefs={prefs} />
      </I18nContext.Provider>
    </LanguageContext.Provider>
  );
}

function Shell({ autoConnect, prefs }: { readonly autoConnect: boolean; readonly prefs: ReturnType<typeof usePreferences> }) {
  const t = useT();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  useOpenSettingsEvent(openSettings);
  const orgs = useLive('orgs:changed', () => api().orgs.list());
  const auth = useLive('auth:changed', () => api().auth.status());
  const links = useLive('orgs:links', () => api().orgs.pendingLinks());
  const notices = useLive('app:notices', () => api().app.notices());
  const desktops = useDesktops();
  const [chosen, setChosen] = useState<View | null>(null);
  // Desktops connected to in this run, most recent first: renderer memory only, never stored.
  const [recent, setRecent] = useState<readonly string[]>([]);
  const firstLink = links?.[0];
  const view = pickView(orgs?.organizations.length, chosen, auth);

  const connect = useCallback((desktop: DesktopEntry): void => {
    setRecent((keys) => rememberConnect(keys, desktop.key));
    void api().desktops.connect(desktop.key);
  }, []);
  useAutoConnect(autoConnect, desktops, connect);
  const shortcuts = useMemo(
    () => ({
      search: () => {
        setChosen('home');
        setSettingsOpen(false);
        // The search box exists once the home shows more than one desktop.
        requestAnimationFrame(() => document.getElementById('desktop-search')?.focus());
      },
      refresh: () => void api().desktops.refresh(),
    }),
    [],
  );
  useShortcuts(shortcuts);

  return (
    <>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {orgs !== undefined && orgs.organizations.length > 0 ? (
          <nav className="app-nav" aria-label={t('nav.label')}>
            <button
              type="button"
              aria-current={view === 'home' && !settingsOpen ? 'page' : undefined}
              onClick={() => {
                setChosen('home');
                setSettingsOpen(false);
              }}
            >
              {t('nav.home')}
            </button>
            <button
              type="button"
              aria-current={view === 'orgs' && !settingsOpen ? 'page' : undefined}
              onClick={() => {
                setChosen('orgs');
                setSettingsOpen(false);
              }}
            >
              {t('nav.orgs')}
            </button>
          </nav>
        ) : null}
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
          {orgs === undefined ? (
            <DesktopsSkeleton />
          ) : view === 'orgs' ? (
            <OrgsScreen snapshot={orgs} />
          ) : (
            <>
              <AccountStrip organizations={orgs.organizations} auth={auth} />
              <DesktopsView snapshot={desktops} orgCount={orgs.organizations.length} recent={recent} onConnect={connect} />
            </>
          )}
        </main>
      )}
      <footer className="app-footer">
        <p>{t('app.honest')}</p>
        <DiagnosticsButton />
      </footer>
      {firstLink ? <LinkDialog key={firstLink.id} link={firstLink} /> : null}
      <ProxyLoginHost />
    </>
  );
}
