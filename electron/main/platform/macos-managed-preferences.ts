/**
 * macOS: managed configuration from a configuration profile (Jamf, Intune, any MDM), which macOS
 * writes as managed preferences of the app's domain (its bundle id), root-owned:
 *
 *   /Library/Managed Preferences/org.deskbridge.app.plist           (device profile)
 *   /Library/Managed Preferences/<user>/org.deskbridge.app.plist    (user profile: wins key by key)
 *
 * Keys as in the policy JSON: organizations (array of dictionaries), allowAddOrganizations and
 * allowStaySignedIn (booleans), trustedHosts (array of strings). Other keys (an MDM's own) are
 * ignored. Each file passes the same ownership checks as Linux's, then plutil converts it to JSON.
 */
import { join } from 'node:path';
import { adminOnlyFileProblem } from '@core/orgs/admin-only-file';
import type { ManagedConfigRead, ManagedConfigSource } from '@core/orgs/managed-policy';
import type { RunProgram } from './windows-registry';

export const PREFERENCES_DOMAIN = 'org.deskbridge.app';
export const MANAGED_PREFERENCES = '/Library/Managed Preferences';
export const PLUTIL = '/usr/bin/plutil';

const KEYS = ['organizations', 'allowAddOrganizations', 'allowStaySignedIn', 'trustedHosts'] as const;

/** The preference keys Deskbridge reads from plutil's JSON; anything else in the file is ignored. */
export function policyFromPreferences(jsonText: string): { readonly value: Record<string, unknown> } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText);
  } catch {
    return 'plutil did not give JSON.';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'The preferences are not a dictionary.';
  const value: Record<string, unknown> = {};
  for (const key of KEYS) if (Object.hasOwn(parsed, key)) value[key] = (parsed as Record<string, unknown>)[key];
  return { value };
}

export function managedPreferenceFiles(userName: string, folder = MANAGED_PREFERENCES): readonly string[] {
  const device = join(folder, `${PREFERENCES_DOMAIN}.plist`);
  // A user name with a path separator cannot name a folder of its own: the device file only.
  return /^[^/\0]+$/.test(userName) && userName !== '.' && userName !== '..' ? [device, join(folder, userName, `${PREFERENCES_DOMAIN}.plist`)] : [device];
}

async function readOne(file: string, run: RunProgram): Promise<{ value: Record<string, unknown> } | ManagedConfigRead> {
  const problem = await adminOnlyFileProblem(file);
  if (problem) return problem;
  let output: Uint8Array;
  try {
    output = await run(PLUTIL, ['-convert', 'json', '-o', '-', '--', file]);
  } catch (error) {
    return { kind: 'refused', message: 'Your organization’s managed preferences could not be read.', details: `${file}: ${(error as Error).message}` };
  }
  const parsed = policyFromPreferences(new TextDecoder().decode(output));
  return typeof parsed === 'string'
    ? { kind: 'refused', message: 'Your organization’s managed preferences have errors and were ignored.', details: `${file}: ${parsed}` }
    : parsed;
}

/** The macOS adapter of core's ManagedConfigSource port: device profile, then the user's on top. */
export function managedPreferencesSource(userName: string, run: RunProgram, folder = MANAGED_PREFERENCES): ManagedConfigSource {
  const files = managedPreferenceFiles(userName, folder);
  return {
    origin: files.join(', '),
    read: async () => {
      let merged: Record<string, unknown> | null = null;
      for (const file of files) {
        const one = await readOne(file, run);
        if ('value' in one) merged = Object.assign(merged ?? {}, one.value);
        else if (one.kind !== 'none') return one;
      }
      return merged === null ? { kind: 'none' } : { kind: 'document', value: merged };
    },
  };
}
