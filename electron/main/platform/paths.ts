import { join } from 'node:path';
import { defaultPolicyFile } from '../../core/orgs/managed-policy';
import type { Paths } from '../../core/ports';

/** Where Deskbridge keeps its one settings file, and where IT's policy file is read from. */
export function electronPaths(userData: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Paths {
  return {
    settingsFile: join(userData, 'settings.json'),
    policyFile: env.DESKBRIDGE_POLICY_FILE || defaultPolicyFile(platform),
  };
}
