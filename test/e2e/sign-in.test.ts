import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import { type Emulator, startEmulator } from '../emulator';
import { launchApp, type AppUnderTest } from './support/app';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';

describe('sign-in in the app', () => {
  let browser: Browser;
  let emu: Emulator;
  let app: AppUnderTest | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    emu = await startEmulator({ bulkCount: 0 });
  });
  afterAll(async () => {
    await browser.close();
    await emu.stop();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  /** The user, in the "system browser": a new page at the address Deskbridge opened, filling the IdP's form. */
  async function signInAtIdp(url: string): Promise<void> {
    const idp = await app!.context.newPage();
    await idp.goto(url);
    await idp.locator('#username').fill('alice');
    await idp.locator('#password').fill('alice-demo-pass');
    await idp.getByRole('button', { name: 'Sign in' }).click();
    await idp.getByRole('heading', { name: 'Signed in' }).waitFor();
    await idp.close();
  }

  it('signs alice in through the browser: the app shows her as signed in, then signs her out', async () => {
    app = await launchApp(browser, { policy: emu.demo.managedPolicy });
    const { page } = app;
    const org = emu.demo.organizations.find((o) => o.signIn.method === 'oidc')!;
    const opened = app.nextOpened();
    await page.getByRole('button', { name: `Sign in to ${org.name}` }).click();
    await page.getByText('Waiting for your browser').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await signInAtIdp(await opened);
    await page.getByText('Signed in as alice').waitFor();
    expect(await page.getByText('Signed in as alice').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Sign out of ${org.name}` }).click();
    await page.getByRole('button', { name: `Sign in to ${org.name}` }).waitFor();
  });

  it('shows the device code for Identity Center and cancels it', async () => {
    app = await launchApp(browser, { policy: emu.demo.managedPolicy });
    const { page } = app;
    await page.getByRole('button', { name: 'Sign in with a code instead' }).click();
    await page.getByRole('heading', { name: 'Enter this code to sign in' }).waitFor();
    expect(await page.locator('.user-code code').innerText()).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Sign in with a code instead' }).waitFor();
  });

  it('privacy: after staying signed in and signing out, the settings folder holds only the settings file, without secrets or the user name', async () => {
    const secrets = new MemorySecretStore();
    app = await launchApp(browser, { secrets, policy: { trustedHosts: emu.demo.trustedHosts } });
    const { policy: _policy, badge: _badge, ...input } = emu.demo.organizations.find((o) => o.signIn.method === 'oidc')!;
    const added = await app.core.api.orgs.add({ ...input, name: 'My company' });
    expect(added.ok).toBe(true);
    const { page } = app;
    await page.getByRole('button', { name: 'Sign in to My company' }).waitFor();
    await page.getByLabel('Stay signed in on this computer').check();
    const opened = app.nextOpened();
    await page.getByRole('button', { name: 'Sign in to My company' }).click();
    await signInAtIdp(await opened);
    await page.getByText('Signed in as alice').waitFor();
    const [entry] = await secrets.accounts(KEYCHAIN_SERVICE);
    const refreshToken = (JSON.parse((await secrets.get(KEYCHAIN_SERVICE, entry ?? '')) ?? '{}') as { refreshToken?: string }).refreshToken ?? '';
    expect(refreshToken.length).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'Sign out of My company' }).click();
    await page.getByRole('button', { name: 'Sign in to My company' }).waitFor();
    expect(await secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);

    const files = (await readdir(app.settingsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    expect(files).toEqual(['settings.json']);
    const text = await readFile(join(app.settingsDir, 'settings.json'), 'utf8');
    expect(text).toContain('My company');
    for (const secret of [refreshToken, 'alice-demo-pass', 'alice', 'eyJ', 'ASIA']) expect(text).not.toContain(secret);
  });
});
