/**
 * `npm run screenshots`: the README's pictures of the home, made the way the e2e tests run the
 * app (the real renderer and core through the web host, on the local cloud, in Debian's Chromium)
 * so they stay current: docs/screenshots/home-light.png and home-dark.png. Nothing leaves
 * 127.0.0.1; the demo user is the emulator's.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../../electron/core';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store';
import { launchChromium } from '../../test/e2e/support/chromium';
import { loginWithPassword, startEmulator } from '../../test/emulator';
import { buildRendererForWeb } from '../../test/harness/build-renderer';
import { isWebHostOrigin, startHarness } from '../../test/harness/server';

const ORG = 'Deskbridge Demo (OIDC)';
const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const VIEWPORT = { width: 1100, height: 760 };

async function main(): Promise<void> {
  const rendererDir = await buildRendererForWeb();
  const emu = await startEmulator({ bulkCount: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-screenshots-'));
  await writeFile(
    join(dir, 'policy.json'),
    JSON.stringify({ ...emu.demo.managedPolicy, organizations: emu.demo.managedPolicy.organizations.filter((o) => o.name === ORG) }),
  );
  let open: ((url: string) => void) | undefined;
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-screenshots', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile: join(dir, 'policy.json') },
    secrets: new MemorySecretStore(),
    browser: { open: async (url) => open?.(url) },
    // The official client "installed": a hand-off opens nothing here.
    sessions: { viewerOrigin: isWebHostOrigin, handoff: { handlerFor: async () => 'com.amazon.workspaces.desktop', open: async () => undefined } },
  });
  const harness = await startHarness(core, rendererDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(harness.url);
    const url = new Promise<string>((resolve_) => (open = resolve_));
    await page.getByRole('button', { name: `Sign in to ${ORG}` }).click();
    await fetch(await loginWithPassword(await url, 'alice', 'alice-demo-pass'));
    await page
      .getByText(/\d+ of \d+ desktops/)
      .first()
      .waitFor({ timeout: 60_000 });
    // One desktop in use, so the picture shows a status line too.
    await page.getByRole('button', { name: 'Connect to Design-PC' }).click();
    await page.locator('.status-line[data-status="open"]').first().waitFor({ timeout: 30_000 });
    await mkdir(OUT, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.evaluate(() => document.fonts.ready);
      const file = join(OUT, `home-${scheme}.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      process.stdout.write(`wrote ${file}\n`);
    }
  } finally {
    await browser.close();
    await harness.stop();
    await core.dispose();
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(rendererDir, { recursive: true, force: true });
  }
}

await main();
