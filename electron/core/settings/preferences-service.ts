import { DEFAULT_USER_PREFERENCES, PREFERENCE_NAMES, type PreferenceName, type PreferencesView, type UserPreferences } from '@shared/ipc/domains/settings';
import { fail, ok, type Result } from '@shared/ipc/result';
import type { ManagedPreferences } from '@shared/models/org';
import type { EventBus } from '../events';
import type { SettingsStore } from './settings-store';

/** The preferences IT locks: set with `locked` absent or true. */
export function lockedPreferences(managed: ManagedPreferences | undefined): PreferenceName[] {
  return PREFERENCE_NAMES.filter((name) => managed?.[name] !== undefined && managed[name].locked !== false);
}

/** A locked value wins; then the user's choice; then IT's unlocked default; then the built-in default. */
export function effectivePreferences(chosen: Partial<UserPreferences>, managed: ManagedPreferences | undefined): UserPreferences {
  const locked = new Set(lockedPreferences(managed));
  const pick = <N extends PreferenceName>(name: N): UserPreferences[N] => {
    const it = managed?.[name]?.value as UserPreferences[N] | undefined;
    if (locked.has(name) && it !== undefined) return it;
    return chosen[name] ?? it ?? DEFAULT_USER_PREFERENCES[name];
  };
  return { language: pick('language'), theme: pick('theme'), connectOnOpen: pick('connectOnOpen'), rdpFullScreen: pick('rdpFullScreen') };
}

/**
 * The user's preferences (language, theme, connection preferences): kept in the settings file
 * with the user's own choices only, merged with what IT's managed configuration sets and locks.
 */
export class PreferencesService {
  private readonly listeners = new Set<(prefs: UserPreferences) => void>();

  constructor(
    private readonly store: SettingsStore,
    private readonly managed: ManagedPreferences | undefined,
    private readonly events: EventBus,
  ) {}

  /** What applies now. */
  current(): UserPreferences {
    return effectivePreferences(this.store.get().preferences, this.managed);
  }

  view(): PreferencesView {
    return { preferences: this.current(), locked: lockedPreferences(this.managed) };
  }

  /** Core's own followers (sessions read `current()` at launch; hosts may follow the language). */
  onChange(listener: (prefs: UserPreferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async update(patch: Partial<UserPreferences>): Promise<Result<PreferencesView>> {
    const locked = lockedPreferences(this.managed).filter((name) => patch[name] !== undefined);
    if (locked.length > 0) {
      return fail(
        'preference-locked',
        'Your IT department sets this preference; nothing was changed.',
        `Locked by managed configuration: ${locked.join(', ')}.`,
      );
    }
    const changes = Object.fromEntries(PREFERENCE_NAMES.filter((name) => patch[name] !== undefined).map((name) => [name, patch[name]]));
    await this.store.update((s) => ({ ...s, preferences: { ...s.preferences, ...changes } }));
    const view = this.view();
    this.events.emit('settings:changed', view);
    for (const listener of this.listeners) listener(view.preferences);
    return ok(view);
  }
}
