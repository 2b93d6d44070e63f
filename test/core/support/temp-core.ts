/** A real core on temp files and in-memory secrets: the ports are the only fakes. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrgInput } from '@shared/models/org';
import { createCore, type Core } from '../../../electron/core';
import type { Browser, Paths } from '@core/ports';
import { MemorySecretStore } from '@core/vault/memory-secret-store';

export interface TempCore {
  readonly core: Core;
  readonly dir: string;
  readonly paths: Paths;
  readonly opened: string[];
  stop(): Promise<void>;
}

export interface TempCoreOptions {
  /** Written to the settings file before core starts (a string verbatim, anything else as JSON). */
  readonly settings?: unknown;
  /** Written to the managed policy file before core starts; absent: no policy file. */
  readonly policy?: unknown;
  /** Reuse a folder (to restart core on the same files). */
  readonly dir?: string;
}

export async function tempDir(prefix = 'deskbridge-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export async function startTempCore(options: TempCoreOptions = {}): Promise<TempCore> {
  const dir = options.dir ?? (await tempDir());
  const paths: Paths = { settingsFile: join(dir, 'settings.json'), policyFile: join(dir, 'policy.json') };
  if (options.settings !== undefined) await writeFile(paths.settingsFile, text(options.settings));
  if (options.policy !== undefined) await writeFile(paths.policyFile!, text(options.policy));
  const opened: string[] = [];
  const browser: Browser = {
    open: async (url) => {
      opened.push(url);
    },
  };
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-test', host: 'web', platform: process.platform },
    paths,
    secrets: new MemorySecretStore(),
    browser,
  });
  return {
    core,
    dir,
    paths,
    opened,
    stop: async () => {
      await core.dispose();
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Unwraps a Result, failing the test with the error when it is not ok. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: string } }): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message} ${result.error.details ?? ''}`);
  return result.value;
}

export const OIDC_INPUT: OrgInput = {
  code: 'SLiad+S393HD',
  name: 'Example Corp',
  signIn: {
    method: 'oidc',
    issuer: 'https://login.example.com',
    clientId: 'deskbridge',
    roleArn: 'arn:aws:iam::123456789012:role/WorkSpacesUsers',
    userNameClaim: 'preferred_username',
  },
};

export const SSO_INPUT: OrgInput = {
  code: 'WSpdx+ABC12D',
  name: 'Contoso',
  signIn: { method: 'identity-center', startUrl: 'https://contoso.awsapps.com/start', region: 'us-east-1', accountId: '123456789012', roleName: 'Desk' },
};

/** A profile exactly as the settings file stores it. */
export function storedProfile(id: string, code: string, name = code): Record<string, unknown> {
  return { id, code, name, region: 'us-east-1', signIn: OIDC_INPUT.signIn, policy: { allowStaySignedIn: true }, managed: false };
}
