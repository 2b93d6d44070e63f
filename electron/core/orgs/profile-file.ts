import type { OrgInput, OrgProfile } from '@shared/models/org';
import { fail, type Result } from '@shared/ipc/result';
import { validateOrgInput } from './org-service';

const FORMAT = 'deskbridge-organization';

/** The exported file: the profile's public settings, never an id, a token or a user name. */
export function exportProfile(org: OrgProfile): string {
  const input: OrgInput = {
    code: org.code,
    name: org.name,
    ...(org.region ? { region: org.region } : {}),
    signIn: org.signIn,
    ...(org.directoryId ? { directoryId: org.directoryId } : {}),
    ...(org.endpoints ? { endpoints: org.endpoints } : {}),
    ...(org.defaultConnect ? { defaultConnect: org.defaultConnect } : {}),
  };
  return `${JSON.stringify({ format: FORMAT, version: 1, organization: input }, null, 2)}\n`;
}

export function parseProfileFile(text: string): Result<OrgInput> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('invalid-profile-file', 'This file is not a Deskbridge organization file (it is not valid JSON).');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== FORMAT) {
    return fail('invalid-profile-file', 'This file is not a Deskbridge organization file.');
  }
  if ((raw as { version?: unknown }).version !== 1) {
    return fail('profile-file-too-new', 'This organization file was made by a newer Deskbridge.');
  }
  return validateOrgInput((raw as { organization?: unknown }).organization);
}
