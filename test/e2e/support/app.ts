import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import type { SecretStore } from '@core/ports';
import type { SessionPorts } from '@core/sessions';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { isWebHostOrigin, startHarness, type Harness } from '../../harness/server';

export interface AppUnderTest {
  readonly core: Core;
  readonly harness: Harness;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly settingsDir: string;
  readonly settingsFile: string;
  /** URLs core asked the "system browser" to open, in order. */
  readonly opened: string[];
  /** Resolves with the next URL core asks the system browser to open. */
  nextOpened(): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Contents of the managed policy file (written to a temp file). */
  readonly policy?: unknown;
  /** Contents of an existing settings file. */
  readonly settingsText?: string;
  readonly secrets?: SecretStore;
  readonly settingsDir?: string;
  /** Session ports to fake (e.g. the OS's workspaces:// handler); the viewer origin stays the harness's. */
  readonly sessions?: Omit<SessionPorts, 'viewerOrigin'>;
  /** Runs in the page before the app's first load (e.g. to count the user's clicks from the start). */
  readonly initScript?: () => void;
}

/**
 * Starts Deskbridge as a user would see it: the real core on temp paths, served by the harness,
 * shown in a fresh Chromium context. The "system browser" is recorded so a test can play the user there.
 */
export async function launchApp(browser: Browser, options: LaunchOptions = {}): Promise<AppUnderTest> {
  const settingsDir = options.settingsDir ?? (await mkdtemp(join(tmpdir(), 'deskbridge-e2e-')));
  const settingsFile = join(settingsDir, 'settings.json');
  if (options.settingsText !== undefined) await writeFile(settingsFile, options.settingsText);
  let policyFile: string | null = null;
  let policyDir: string | null = null;
  if (options.policy !== undefined) {
    policyDir = await mkdtemp(join(tmpdir(), 'deskbridge-policy-'));
    policyFile = join(policyDir, 'policy.json');
    await writeFile(policyFile, JSON.stringify(options.policy));
  }
  const opened: string[] = [];
  const waiters: ((url: string) => void)[] = [];
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-e2e', host: 'web', platform: process.platform },
    paths: { settingsFile, policyFile },
    secrets: options.secrets ?? new MemorySecretStore(),
    browser: {
      open: async (url) => {
        opened.push(url);
        waiters.shift()?.(url);
      },
    },
    sessions: { ...options.sessions, viewerOrigin: isWebHostOrigin },
  });
  const harness = await startHarness(core, inject('rendererDir'));
  const context = await browser.newContext();
  if (options.initScript !== undefined) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  await page.goto(harness.url);
  return {
    core,
    harness,
    context,
    page,
    settingsDir,
    settingsFile,
    opened,
    nextOpened: () => new Promise<string>((resolve) => waiters.push(resolve)),
    close: async () => {
      await context.close();
      await harness.stop();
      await core.dispose();
      if (!options.settingsDir) await rm(settingsDir, { recursive: true, force: true });
      if (policyDir) await rm(policyDir, { recursive: true, force: true });
    },
  };
}
