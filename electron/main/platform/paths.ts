import { join } from 'node:path';
import { defaultPolicyFile } from '../../core/orgs/managed-policy';
import type { Paths } from '../../core/ports';

export const PRODUCT_NAME = 'Deskbridge';

/**
 * The stable folder for the one settings file (the user's app-data folder), decided from appData
 * before Electron's userData is redirected to the per-run temp folder.
 */
export function settingsFolder(appData: string): string {
  return join(appData, PRODUCT_NAME);
}

/** Where Deskbridge keeps its one settings file, and where IT's policy file is read from. */
export function electronPaths(settingsDir: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Paths {
  return {
    settingsFile: join(settingsDir, 'settings.json'),
    policyFile: env.DESKBRIDGE_POLICY_FILE || defaultPolicyFile(platform),
  };
}
