import { z } from 'zod';
export { orgProfileSchema } from '@shared/lib/org-input';
import { LANGUAGE_PREFERENCES, THEME_PREFERENCES } from '@shared/ipc/domains/settings';
import { roleArnSchema } from '@shared/lib/org-input';
import { networkSettingsSchema } from '@shared/models/network';
import type { OrgProfile } from '@shared/models/org';

export const SETTINGS_VERSION = 1;

/**
 * What the user chose: a preference the user never set is absent, so IT's unlocked default (or
 * the built-in one) applies to it. An invalid value is dropped, never the whole file.
 */
export const preferencesSchema = z.object({
  language: z.enum(LANGUAGE_PREFERENCES).optional().catch(undefined),
  theme: z.enum(THEME_PREFERENCES).optional().catch(undefined),
  connectOnOpen: z.boolean().optional().catch(undefined),
  rdpFullScreen: z.boolean().optional().catch(undefined),
  /** SAML: the role each organization's user chose among several (configuration, not user data). */
  samlRoles: z.record(z.string().max(128), roleArnSchema).optional().catch(undefined),
  /** Settings → Network (issue 13): proxy choice and an extra CA file; never credentials. */
  network: networkSettingsSchema.optional().catch(undefined),
});

export type Preferences = z.infer<typeof preferencesSchema>;

export interface Settings {
  readonly version: number;
  readonly organizations: readonly OrgProfile[];
  readonly preferences: Preferences;
}

export const DEFAULT_PREFERENCES: Preferences = {};

export function emptySettings(): Settings {
  return { version: SETTINGS_VERSION, organizations: [], preferences: DEFAULT_PREFERENCES };
}

export const settingsFileSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  organizations: z.array(z.unknown()),
  preferences: z.unknown(),
});
