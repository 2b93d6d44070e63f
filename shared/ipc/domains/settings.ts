import type { Result } from '../result';

/** The languages the renderer ships, in the order the Settings screen lists them. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_PREFERENCES = ['system', ...LANGUAGES] as const;
export type LanguagePreference = (typeof LANGUAGE_PREFERENCES)[number];

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

/**
 * The user's preferences as they apply now: what the user chose, else what IT's managed
 * configuration sets, else the defaults. Settings only, never user data (the privacy contract).
 */
export interface UserPreferences {
  readonly language: LanguagePreference;
  readonly theme: ThemePreference;
  /** "When Deskbridge opens and I have one desktop, connect to it" (opt-in). */
  readonly connectOnOpen: boolean;
  /** Open RDP desktops full screen in the native client. */
  readonly rdpFullScreen: boolean;
}

export type PreferenceName = keyof UserPreferences;

export const PREFERENCE_NAMES = ['language', 'theme', 'connectOnOpen', 'rdpFullScreen'] as const satisfies readonly PreferenceName[];

export const DEFAULT_USER_PREFERENCES: UserPreferences = { language: 'system', theme: 'system', connectOnOpen: false, rdpFullScreen: false };

export interface PreferencesView {
  readonly preferences: UserPreferences;
  /** Set and locked by IT's managed configuration: shown disabled, refused by update. */
  readonly locked: readonly PreferenceName[];
}

export interface SettingsApi {
  get(): Promise<Result<PreferencesView>>;
  /** Changes some preferences; a locked one refuses the whole change (`preference-locked`). */
  update(patch: Partial<UserPreferences>): Promise<Result<PreferencesView>>;
}

export interface SettingsEvents {
  'settings:changed': PreferencesView;
}

export const settingsMethods = ['get', 'update'] as const;
export const settingsEvents = ['settings:changed'] as const;
