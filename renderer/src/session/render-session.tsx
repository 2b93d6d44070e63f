import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, pickLanguage, translator } from '../i18n';
import { SessionApp } from './session-app';
import type { VncViewer } from './vnc-viewer';

/** The session window's UI around a viewer the entry has already started. */
export function renderSession(sessionId: string | null, viewer: VncViewer | null, screen: HTMLElement): void {
  const t = translator(pickLanguage('system', navigator.languages ?? [navigator.language]));
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
