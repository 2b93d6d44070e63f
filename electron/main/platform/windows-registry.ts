/**
 * Windows: managed configuration from HKLM\SOFTWARE\Policies\Deskbridge (Group Policy, Intune),
 * which only administrators can write. Read with reg.exe (64-bit view). Values:
 *
 *   Policy                 REG_SZ        the whole policy as JSON (the same document as Linux's file)
 *   Organizations          REG_SZ        JSON array of organizations (overrides Policy's)
 *   AllowAddOrganizations  REG_DWORD     0 or 1 (overrides Policy's)
 *   AllowStaySignedIn      REG_DWORD     0 or 1 (overrides Policy's)
 *   TrustedHosts           REG_MULTI_SZ  one host or host:port per line (overrides Policy's)
 *
 * reg.exe prints in the console's code page, so the values must be ASCII: write other characters
 * as \uXXXX escapes inside the JSON.
 */
import type { ManagedConfigRead, ManagedConfigSource } from '@core/orgs/managed-policy';

export const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Deskbridge';
/** reg.exe from the Windows folder itself, never a PATH look-up. */
export const REG_EXE = 'C:\\Windows\\System32\\reg.exe';

export interface RegValue {
  readonly type: string;
  readonly data: string;
}

/** Runs a program without a shell; resolves with its stdout bytes, rejects with its exit code. */
export type RunProgram = (file: string, args: readonly string[]) => Promise<Uint8Array>;

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** Parses `reg query <key>` output: the key's own values by name (subkeys are ignored). */
export function parseRegQuery(stdout: string): Map<string, RegValue> {
  const values = new Map<string, RegValue>();
  let inKey = false;
  for (const line of stdout.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line)) {
      // The first key line is the queried key; any later one is a subkey listing.
      if (inKey) break;
      inKey = true;
      continue;
    }
    const match = inKey ? VALUE_LINE.exec(line) : null;
    if (match) values.set(match[1]!, { type: match[2]!, data: (match[3] ?? '').replace(/ +$/, '') });
  }
  return values;
}

const KNOWN = ['Policy', 'Organizations', 'AllowAddOrganizations', 'AllowStaySignedIn', 'TrustedHosts'] as const;

function dword(value: RegValue, name: string): boolean | string {
  if (value.type !== 'REG_DWORD') return `${name} must be a REG_DWORD (0 or 1), not ${value.type}.`;
  const number = Number.parseInt(value.data, 16);
  return number === 0 || number === 1 ? number === 1 : `${name} must be 0 or 1, not ${value.data}.`;
}

function json(value: RegValue, name: string): { value: unknown } | string {
  if (value.type !== 'REG_SZ') return `${name} must be a REG_SZ holding JSON, not ${value.type}.`;
  try {
    return { value: JSON.parse(value.data) as unknown };
  } catch {
    return `${name} is not valid JSON.`;
  }
}

/** Turns the key's values into the policy document (checked by core like any other channel). */
export function policyFromRegistry(values: ReadonlyMap<string, RegValue>): ManagedConfigRead {
  if (values.size === 0) return { kind: 'none' };
  const problems: string[] = [];
  const unknown = [...values.keys()].filter((name) => !(KNOWN as readonly string[]).includes(name));
  if (unknown.length > 0) problems.push(`Unknown value(s): ${unknown.join(', ')}. Deskbridge reads ${KNOWN.join(', ')}.`);
  let document: Record<string, unknown> = {};
  const policy = values.get('Policy');
  if (policy) {
    const parsed = json(policy, 'Policy');
    if (typeof parsed === 'string') problems.push(parsed);
    else if (typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value))
      document = { ...(parsed.value as Record<string, unknown>) };
    else problems.push('Policy must hold a JSON object.');
  }
  const organizations = values.get('Organizations');
  if (organizations) {
    const parsed = json(organizations, 'Organizations');
    if (typeof parsed === 'string') problems.push(parsed);
    else document.organizations = parsed.value;
  }
  for (const [name, key] of [
    ['AllowAddOrganizations', 'allowAddOrganizations'],
    ['AllowStaySignedIn', 'allowStaySignedIn'],
  ] as const) {
    const value = values.get(name);
    if (!value) continue;
    const parsed = dword(value, name);
    if (typeof parsed === 'string') problems.push(parsed);
    else document[key] = parsed;
  }
  const trusted = values.get('TrustedHosts');
  if (trusted) {
    if (trusted.type === 'REG_MULTI_SZ') document.trustedHosts = trusted.data.split('\\0').filter((host) => host !== '');
    else problems.push(`TrustedHosts must be a REG_MULTI_SZ, not ${trusted.type}.`);
  }
  if (problems.length > 0) {
    return {
      kind: 'refused',
      message: 'Your organization’s policy in the registry has errors and was ignored.',
      details: `${POLICY_KEY}\n${problems.join('\n')}`,
    };
  }
  return { kind: 'document', value: document };
}

/** Decodes reg.exe's output, refusing anything outside ASCII (its code page is not knowable here). */
export function decodeRegOutput(bytes: Uint8Array): string | null {
  return bytes.every((byte) => byte < 0x80) ? new TextDecoder('ascii').decode(bytes) : null;
}

function exitCode(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

/** The Windows adapter of core's ManagedConfigSource port. */
export function registrySource(run: RunProgram): ManagedConfigSource {
  return {
    origin: POLICY_KEY,
    read: async () => {
      let bytes: Uint8Array;
      try {
        bytes = await run(REG_EXE, ['query', POLICY_KEY, '/reg:64']);
      } catch (error) {
        // reg.exe exits with 1 when the key does not exist: no managed configuration.
        if (exitCode(error) === 1) return { kind: 'none' };
        return {
          kind: 'refused',
          message: 'Your organization’s policy could not be read from the registry.',
          details: `${POLICY_KEY}: ${(error as Error).message}`,
        };
      }
      const text = decodeRegOutput(bytes);
      if (text === null) {
        return {
          kind: 'refused',
          message: 'Your organization’s policy in the registry has errors and was ignored.',
          details: `${POLICY_KEY}: a value contains characters outside ASCII; write them as \\uXXXX escapes inside the JSON.`,
        };
      }
      return policyFromRegistry(parseRegQuery(text));
    },
  };
}
