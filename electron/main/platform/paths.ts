import { join } from 'node:path';
import type { Paths } from '@core/ports';
import { developmentPolicyFile } from './managed-config';

export const PRODUCT_NAME = 'Deskbridge';

/**
 * The stable folder for the one settings file (the user's app-data folder), decided from appData
 * before Electron's userData is redirected to the per-run temp folder.
 */
export function settingsFolder(appData: string): string {
  return join(appData, PRODUCT_NAME);
}

/**
 * Where Deskbridge keeps its one settings file; a development build may also name a policy file
 * (DESKBRIDGE_POLICY_FILE). A packaged one reads IT's configuration from the OS channel only.
 */
export function electronPaths(settingsDir: string, env: NodeJS.ProcessEnv, packaged: boolean): Paths {
  return {
    settingsFile: join(settingsDir, 'settings.json'),
    policyFile: developmentPolicyFile(env, packaged),
  };
}
