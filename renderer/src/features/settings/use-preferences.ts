import { useEffect } from 'react';
import { DEFAULT_USER_PREFERENCES, type PreferencesView } from '@shared/ipc/domains/settings';
import { api } from '@renderer/ipc/api';
import { useLive } from '@renderer/ipc/use-live';

/** The preferences as they apply now (defaults until core answers), kept current by settings:changed. */
export function usePreferences(): PreferencesView & { readonly loaded: boolean } {
  const view = useLive('settings:changed', () => api().settings.get());
  return view ? { ...view, loaded: true } : { preferences: DEFAULT_USER_PREFERENCES, locked: [], loaded: false };
}

/** The page follows the theme preference (data-theme) and the language of its words (lang). */
export function useDocumentPreferences(theme: string, language: string): void {
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}

/** Ctrl/Cmd+, (dispatched by the home screen's shortcuts) asks for the Settings screen. */
export const OPEN_SETTINGS_EVENT = 'deskbridge:open-settings';

export function useOpenSettingsEvent(open: () => void): void {
  useEffect(() => {
    window.addEventListener(OPEN_SETTINGS_EVENT, open);
    return () => window.removeEventListener(OPEN_SETTINGS_EVENT, open);
  }, [open]);
}
