import type { SettingsApi } from '@shared/ipc/domains/settings';
import { ok } from '@shared/ipc/result';
import type { PreferencesService } from './preferences-service';

export function createSettingsApi(preferences: PreferencesService): SettingsApi {
  return {
    get: async () => ok(preferences.view()),
    update: (patch) => preferences.update(patch),
  };
}
