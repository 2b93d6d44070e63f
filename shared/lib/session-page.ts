import { LANGUAGE_PREFERENCES, THEME_PREFERENCES, type LanguagePreference, type ThemePreference } from '../ipc/domains/settings';

/**
 * The session window's page is told, in its URL fragment (never sent to a server), which session
 * it shows and how it should look: the user's language and theme from Settings, as the main window
 * has them. A session window has no settings calls of its own (it runs noVNC on remote data).
 */
export interface SessionLook {
  readonly language: LanguagePreference;
  readonly theme: ThemePreference;
}

export const SYSTEM_LOOK: SessionLook = { language: 'system', theme: 'system' };

/** `session=…&lang=…&theme=…`, the fragment of session.html. */
export function sessionFragment(sessionId: string, look: SessionLook = SYSTEM_LOOK): string {
  return new URLSearchParams({ session: sessionId, lang: look.language, theme: look.theme }).toString();
}

export interface SessionPage {
  readonly sessionId: string | null;
  readonly look: SessionLook;
}

/** Reads a fragment as sessionFragment wrote it; anything unknown or missing is "system". */
export function readSessionFragment(hash: string): SessionPage {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const lang = params.get('lang');
  const theme = params.get('theme');
  return {
    sessionId: params.get('session'),
    look: {
      language: LANGUAGE_PREFERENCES.find((l) => l === lang) ?? 'system',
      theme: THEME_PREFERENCES.find((t) => t === theme) ?? 'system',
    },
  };
}
