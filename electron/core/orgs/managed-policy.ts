import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { managedNetworkSchema } from '@shared/models/network';
import { badgeSchema, describeIssues, orgInputSchema, orgPolicySchema } from '@shared/lib/org-input';
import { TRUSTED_HOST_PATTERN } from '@shared/lib/org-trust';
import { LANGUAGE_PREFERENCES, THEME_PREFERENCES } from '@shared/ipc/domains/settings';
import type { ManagedPolicy } from '@shared/models/org';

export const MAX_POLICY_BYTES = 256 * 1024;

function managedPreference<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, locked: z.boolean().optional() });
}

/** Preferences IT may set and lock (docs/admin-guide.md, "Managed preferences"). */
const managedPreferencesSchema = z.strictObject({
  language: managedPreference(z.enum(LANGUAGE_PREFERENCES)).optional(),
  theme: managedPreference(z.enum(THEME_PREFERENCES)).optional(),
  connectOnOpen: managedPreference(z.boolean()).optional(),
  rdpFullScreen: managedPreference(z.boolean()).optional(),
});

const policySchema = z.strictObject({
  organizations: z
    .array(z.intersection(orgInputSchema, z.object({ policy: orgPolicySchema.optional(), badge: badgeSchema.optional() })))
    .max(50)
    .default([]),
  allowAddOrganizations: z.boolean().default(true),
  allowStaySignedIn: z.boolean().default(true),
  trustedHosts: z
    .array(
      z
        .string()
        .max(260)
        .transform((host) => host.toLowerCase())
        .pipe(z.string().regex(TRUSTED_HOST_PATTERN, 'Not a host name, IP address or host:port.')),
    )
    .max(50)
    .optional(),
  preferences: managedPreferencesSchema.optional(),
  network: managedNetworkSchema.optional(),
});

/** What a managed-configuration channel gives: nothing, the JSON text, or the document already parsed. */
export type ManagedConfigRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'document'; readonly value: unknown }
  /** The channel exists but failed its checks (owner, permissions, format): ignored, with why. */
  | { readonly kind: 'refused'; readonly message: string; readonly details: string };

/**
 * Core's port to IT's managed configuration: the OS's admin-only channel (Windows registry policy
 * key, macOS managed preferences, a root-owned file on Linux) or, in development builds only, a
 * file named by DESKBRIDGE_POLICY_FILE. The adapters live where the OS access is.
 */
export interface ManagedConfigSource {
  /** Where the configuration comes from, as notices name it. */
  readonly origin: string;
  read(): Promise<ManagedConfigRead>;
}

export type PolicyLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly policy: ManagedPolicy }
  | { readonly kind: 'invalid'; readonly message: string; readonly details: string };

/**
 * A policy file read as it is, without checking who owns it: the development override
 * (DESKBRIDGE_POLICY_FILE, `--policy`), which the packaged app never uses.
 */
export function policyFileSource(file: string): ManagedConfigSource {
  return {
    origin: file,
    read: async () => {
      try {
        return { kind: 'text', text: await readFile(file, 'utf8') };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
        return { kind: 'refused', message: 'Your organization’s policy file could not be read.', details: `${file}: ${(error as Error).message}` };
      }
    },
  };
}

function parseDocument(read: ManagedConfigRead, origin: string): { value: unknown } | PolicyLoad {
  if (read.kind === 'none') return { kind: 'none' };
  if (read.kind === 'refused') return { kind: 'invalid', message: read.message, details: read.details };
  if (read.kind === 'document') return { value: read.value };
  if (read.text.length > MAX_POLICY_BYTES) {
    return { kind: 'invalid', message: 'Your organization’s policy is too large and was ignored.', details: origin };
  }
  try {
    return { value: JSON.parse(read.text) as unknown };
  } catch {
    return { kind: 'invalid', message: 'Your organization’s policy is not valid JSON and was ignored.', details: origin };
  }
}

/** Reads the managed configuration (read-only). None is normal; a broken one is reported, never fatal. */
export async function loadManagedPolicy(source: ManagedConfigSource | null): Promise<PolicyLoad> {
  if (!source) return { kind: 'none' };
  let read: ManagedConfigRead;
  try {
    read = await source.read();
  } catch (error) {
    return { kind: 'invalid', message: 'Your organization’s policy could not be read.', details: `${source.origin}: ${(error as Error).message}` };
  }
  const document = parseDocument(read, source.origin);
  if (!('value' in document)) return document;
  const parsed = policySchema.safeParse(document.value);
  if (!parsed.success) {
    return { kind: 'invalid', message: 'Your organization’s policy has errors and was ignored.', details: `${source.origin}\n${describeIssues(parsed.error)}` };
  }
  return { kind: 'loaded', policy: parsed.data };
}
