import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, pickLanguage, translator } from '../i18n';
import { SessionApp } from './session-app';
import type { VncViewer } from './vnc-viewer';
import { SYSTEM_LOOK, type SessionLook } from '@shared/lib/session-page';

/** The session window's UI around a viewer the entry has already started, in the user's language and theme. */
export function renderSession(sessionId: string | null, viewer: VncViewer | null, screen: HTMLElement, look: SessionLook = SYSTEM_LOOK): void {
  const language = pickLanguage(look.language, navigator.languages ?? [navigator.language]);
  const t = translator(language);
  document.documentElement.lang = language;
  document.documentElement.dataset['theme'] = look.theme;
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  createRoot(container).render(
    <StrictMode>
      <I18nContext.Provider value={t}>
        {sessionId && viewer ? <SessionApp sessionId={sessionId} viewer={viewer} screen={screen} /> : <p role="alert">{t('session.missing')}</p>}
      </I18nContext.Provider>
    </StrictMode>,
  );
}
