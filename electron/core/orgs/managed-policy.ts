import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssues, orgInputSchema, orgPolicySchema } from '../../../shared/lib/org-input';
import type { ManagedPolicy } from '../../../shared/models/org';

const MAX_POLICY_BYTES = 256 * 1024;

const policySchema = z.strictObject({
  organizations: z
    .array(z.intersection(orgInputSchema, z.object({ policy: orgPolicySchema.optional(), badge: z.string().max(32).optional() })))
    .max(50)
    .default([]),
  allowAddOrganizations: z.boolean().default(true),
  allowStaySignedIn: z.boolean().default(true),
});

export type PolicyLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly policy: ManagedPolicy }
  | { readonly kind: 'invalid'; readonly message: string; readonly details: string };

/** Default location of the policy file IT deploys, per OS. */
export function defaultPolicyFile(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'C:\\ProgramData\\Deskbridge\\policy.json';
  if (platform === 'darwin') return '/Library/Application Support/Deskbridge/policy.json';
  return '/etc/deskbridge/policy.json';
}

/** Reads the managed policy (read-only). A missing file is normal; a broken one is reported, never fatal. */
export async function loadManagedPolicy(file: string | null): Promise<PolicyLoad> {
  if (!file) return { kind: 'none' };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'invalid', message: 'Your organization’s policy file could not be read.', details: `${file}: ${(error as Error).message}` };
  }
  if (text.length > MAX_POLICY_BYTES) {
    return { kind: 'invalid', message: 'Your organization’s policy file is too large and was ignored.', details: file };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'invalid', message: 'Your organization’s policy file is not valid JSON and was ignored.', details: file };
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    return { kind: 'invalid', message: 'Your organization’s policy file has errors and was ignored.', details: `${file}\n${describeIssues(parsed.error)}` };
  }
  return { kind: 'loaded', policy: parsed.data };
}
