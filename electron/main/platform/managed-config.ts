/** Which channel IT's managed configuration comes from, per OS: only ones an administrator controls. */
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { adminOnlyFileSource } from '@core/orgs/admin-only-file';
import type { ManagedConfigSource } from '@core/orgs/managed-policy';
import { managedPreferencesSource } from './macos-managed-preferences';
import { registrySource, type RunProgram } from './windows-registry';

export const LINUX_POLICY_FILE = '/etc/deskbridge/policy.json';

/** execFile without a shell, stdout as bytes, a time limit and an output cap. */
export const runProgram: RunProgram = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { encoding: 'buffer', windowsHide: true, timeout: 10_000, maxBuffer: 1024 * 1024, shell: false }, (error, stdout) => {
      if (error) reject(Object.assign(new Error(error.message), { code: error.code }));
      else resolve(new Uint8Array(stdout));
    });
  });

/** The OS's admin-only channel: the registry's policy key, managed preferences, or a root-owned file. */
export function osManagedConfig(platform: NodeJS.Platform, userName: string, run: RunProgram = runProgram): ManagedConfigSource {
  if (platform === 'win32') return registrySource(run);
  if (platform === 'darwin') return managedPreferencesSource(userName, run);
  return adminOnlyFileSource(LINUX_POLICY_FILE);
}

/** DESKBRIDGE_POLICY_FILE replaces the OS channel in development builds only, never when packaged. */
export function developmentPolicyFile(env: NodeJS.ProcessEnv, packaged: boolean): string | null {
  return !packaged && env.DESKBRIDGE_POLICY_FILE ? env.DESKBRIDGE_POLICY_FILE : null;
}

/** The user's login name (for the per-user managed preferences); empty when the OS has none. */
export function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
