import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, pickLanguage, translator } from '../i18n';
import '../app/styles.css';
import './session.css';
import { SessionApp } from './session-app';

/** The session window's entry: the only page that loads noVNC. The session id travels in the fragment. */
const sessionId = new URLSearchParams(location.hash.slice(1)).get('session');
const t = translator(pickLanguage('system', navigator.languages ?? [navigator.language]));
const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <I18nContext.Provider value={t}>
      {sessionId ? <SessionApp sessionId={sessionId} /> : <p role="alert">{t('session.missing')}</p>}
    </I18nContext.Provider>
  </StrictMode>,
);
