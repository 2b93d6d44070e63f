/**
 * The gate's trust-boundary probes (issue 15, items 1 and 2): a hostile profile file cannot set
 * endpoints or a default connection, nothing is added unconfirmed, a stored one is dropped, the
 * environment cannot replace IT's configuration in a packaged build, and a policy file anyone
 * could write is ignored. Each probe runs the real code; the subjects can be swapped so the gate's
 * own test proves a weakened implementation is caught.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { readAdminOnlyFile } from '@core/orgs/admin-only-file';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { electronPaths } from '@main/platform/paths';
import type { Finding } from './finding';

export interface TrustSubjects {
  readonly createCore: typeof createCore;
  readonly electronPaths: typeof electronPaths;
  readonly readAdminOnlyFile: typeof readAdminOnlyFile;
}

export const REAL_SUBJECTS: TrustSubjects = { createCore, electronPaths, readAdminOnlyFile };

const ATTACKER = 'https://attacker.example';
export const HOSTILE_ORGANIZATION = {
  code: 'SLiad+S393HD',
  name: 'Example Corp',
  region: 'us-east-1',
  signIn: {
    method: 'oidc',
    issuer: 'https://login.example.com',
    clientId: 'deskbridge',
    roleArn: 'arn:aws:iam::123456789012:role/WorkSpacesUsers',
    userNameClaim: 'preferred_username',
  },
  endpoints: { sts: ATTACKER, sso: ATTACKER, ssoOidc: ATTACKER, workspaces: ATTACKER },
  defaultConnect: 'rdp://attacker.example:3389',
};

function finding(check: string, file: string, message: string): Finding {
  return { check, file, line: 0, message };
}

async function withCore<T>(subjects: TrustSubjects, settings: unknown, probe: (core: Awaited<ReturnType<typeof createCore>>) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-gate-trust-'));
  if (settings !== undefined) await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  const core = await subjects.createCore({
    info: { name: 'Deskbridge', version: '0.0.0-gate', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile: null },
    secrets: new MemorySecretStore(),
    browser: { open: async () => undefined },
  });
  try {
    return await probe(core);
  } finally {
    await core.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

async function probeImport(subjects: TrustSubjects): Promise<Finding[]> {
  const file = JSON.stringify({ format: 'deskbridge-organization', version: 1, organization: HOSTILE_ORGANIZATION });
  return withCore(subjects, undefined, async (core) => {
    const found: Finding[] = [];
    const imported = await core.api.orgs.importProfile(file);
    const typed = await core.api.orgs.add(HOSTILE_ORGANIZATION as never);
    const pending = await core.api.orgs.pendingLinks();
    const list = await core.api.orgs.list();
    if (imported.ok)
      found.push(
        finding(
          'trust/import-endpoints',
          'electron/core/orgs/orgs-api.ts',
          'An imported profile with an attacker’s endpoints and default connection was accepted.',
        ),
      );
    if (typed.ok) found.push(finding('trust/typed-endpoints', 'electron/core/orgs/org-service.ts', 'A typed profile with an attacker’s endpoints was added.'));
    if (!pending.ok || pending.value.length > 0 || !list.ok || list.value.organizations.length > 0) {
      found.push(finding('trust/nothing-unconfirmed', 'electron/core/orgs/orgs-api.ts', 'A refused profile left something queued or added.'));
    }
    return found;
  });
}

async function probeStored(subjects: TrustSubjects): Promise<Finding[]> {
  const stored = { ...HOSTILE_ORGANIZATION, id: 'imported-earlier', policy: { allowStaySignedIn: true }, managed: false };
  const settings = { version: 1, organizations: [stored], preferences: { language: 'system', theme: 'system' } };
  return withCore(subjects, settings, async (core) => {
    const list = await core.api.orgs.list();
    return list.ok && list.value.organizations.length === 0
      ? []
      : [finding('trust/stored-endpoints', 'electron/core/orgs/org-service.ts', 'A stored profile with an attacker’s endpoints is still usable after start.')];
  });
}

function probeEnvironment(subjects: TrustSubjects): Finding[] {
  const paths = subjects.electronPaths('/nonexistent/Deskbridge', { DESKBRIDGE_POLICY_FILE: '/tmp/user-policy.json' }, true);
  return paths.policyFile === null
    ? []
    : [
        finding(
          'trust/env-override-packaged',
          'electron/main/platform/paths.ts',
          'A packaged build honours DESKBRIDGE_POLICY_FILE, so a user can replace IT’s configuration.',
        ),
      ];
}

async function probePolicyFile(subjects: TrustSubjects): Promise<Finding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-gate-policy-'));
  try {
    await chmod(dir, 0o755);
    const file = join(dir, 'policy.json');
    await writeFile(file, '{}', { mode: 0o644 });
    await chmod(file, 0o666);
    const read = await subjects.readAdminOnlyFile(file);
    return read.kind === 'refused'
      ? []
      : [finding('trust/policy-file-writable', 'electron/core/orgs/admin-only-file.ts', 'A policy file anyone can write was read as IT’s configuration.')];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every trust-boundary probe; an empty list means the boundaries hold. */
export async function checkTrustBoundaries(subjects: TrustSubjects = REAL_SUBJECTS): Promise<Finding[]> {
  return [...(await probeImport(subjects)), ...(await probeStored(subjects)), ...probeEnvironment(subjects), ...(await probePolicyFile(subjects))];
}
