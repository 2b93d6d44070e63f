/**
 * SAML 2.0 in the app, end to end in Chromium: the web host has no Electron sign-in window, so the
 * SAML demo organization (managed configuration) has the emulator's IdP post to the host's
 * loopback ACS. The user signs in at the IdP page, picks one of two roles and sees her desktops; a
 * second sign-in completes with no prompt while the IdP session lives; and nothing of the SAML
 * session — no assertion, no cookie of the app, no user name — is left behind.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../emulator';
import { CODE_SAML } from '../emulator/saml-idp';
import { launchApp, type AppUnderTest } from './support/app';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';

describe('SAML sign-in in the app', () => {
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

  const orgName = (): string => emu.demo.organizations.find((o) => o.code === CODE_SAML)!.name;

  /** The "system browser": opens the IdP-initiated URL; logs in when the IdP asks; returns whether it asked. */
  async function atIdp(url: string): Promise<{ prompted: boolean; page: Page }> {
    const idp = await app!.context.newPage();
    await idp.goto(url);
    const prompted = await Promise.race([
      idp
        .getByRole('heading', { name: 'Signed in' })
        .waitFor()
        .then(() => false),
      idp
        .locator('#username')
        .waitFor()
        .then(() => true),
    ]);
    if (prompted) {
      await idp.locator('#username').fill('alice');
      await idp.locator('#password').fill('alice-demo-pass');
      await idp.getByRole('button', { name: 'Sign in' }).click();
      await idp.getByRole('heading', { name: 'Signed in' }).waitFor();
    }
    return { prompted, page: idp };
  }

  it('alice signs in at the IdP page, picks one of her two roles and sees her desktops; the next sign-in needs no prompt', async () => {
    app = await launchApp(browser, { policy: emu.demo.managedPolicy });
    const { page } = app;
    const name = orgName();
    // SAML cannot stay signed in, and the app says why.
    await page.getByText('SAML has no refresh token', { exact: false }).first().waitFor();
    const opened = app.nextOpened();
    await page.getByRole('button', { name: `Sign in to ${name}` }).click();
    const first = await atIdp(await opened);
    expect(first.prompted).toBe(true);
    await first.page.close();

    await page.getByRole('heading', { name: `Choose a role for ${name}` }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: /DeskbridgeSamlSupport/ }).check();
    await page.getByRole('button', { name: 'Use this role' }).click();
    await page.getByText('Signed in as alice').waitFor();
    await page.getByLabel('Search desktops').fill('Linux-VNC');
    await page.getByRole('article', { name: 'Linux-VNC', exact: true }).waitFor();

    // The role is remembered (settings file), the IdP session lives: no prompt, no picker.
    const settings = JSON.parse(await readFile(app.settingsFile, 'utf8')) as { preferences: { samlRoles?: Record<string, string> } };
    expect(Object.values(settings.preferences.samlRoles ?? {})).toEqual(['arn:aws:iam::123456789012:role/DeskbridgeSamlSupport']);
    await page.getByRole('button', { name: `Sign out of ${name}` }).click();
    const again = app.nextOpened();
    await page.getByRole('button', { name: `Sign in to ${name}` }).click();
    const second = await atIdp(await again);
    expect(second.prompted).toBe(false);
    await second.page.close();
    await page.getByText('Signed in as alice').waitFor();
  });

  it('explains a failure for real: the IdP app does not send the Role attribute', async () => {
    emu.state.saml.settings.sendRoles = false;
    try {
      app = await launchApp(browser, { policy: emu.demo.managedPolicy });
      const { page } = app;
      const opened = app.nextOpened();
      await page.getByRole('button', { name: `Sign in to ${orgName()}` }).click();
      await (await atIdp(await opened)).page.close();
      await page.getByText('Your identity provider sent no AWS role', { exact: false }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      emu.state.saml.settings.sendRoles = true;
    }
  });

  it('privacy: after a SAML session and sign-out, no assertion, cookie or user name survives', async () => {
    app = await launchApp(browser, { policy: emu.demo.managedPolicy });
    const { page } = app;
    const name = orgName();
    const opened = app.nextOpened();
    await page.getByRole('button', { name: `Sign in to ${name}` }).click();
    await (await atIdp(await opened)).page.close();
    await page.getByRole('radio', { name: /DeskbridgeSamlUsers/ }).check();
    await page.getByRole('button', { name: 'Use this role' }).click();
    await page.getByText('Signed in as alice').waitFor();
    await page.getByRole('button', { name: `Sign out of ${name}` }).click();
    await page.getByRole('button', { name: `Sign in to ${name}` }).waitFor();

    // Deskbridge set no cookie and keeps no storage. The only cookie is the IdP's own session in the
    // user's browser (cookies ignore ports, and the app and the IdP share 127.0.0.1 here); in Electron
    // that cookie lives in the sign-in window's partition, wiped at sign-out (test/main/saml-window.test.ts).
    const appOrigin = new URL(page.url()).origin;
    expect((await app.context.cookies(appOrigin)).map((c) => c.name)).toEqual(['emu_saml_session']);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    // The settings folder: only the settings file, with the role ARN but no assertion or user name.
    expect(await readdir(app.settingsDir)).toEqual(['settings.json']);
    const text = await readFile(join(app.settingsDir, 'settings.json'), 'utf8');
    expect(text).not.toContain('alice');
    expect(text).not.toContain('PHNhbWxw'); // base64 of "<samlp"
    expect(text).not.toContain('SAMLResponse');
    // Nor does anything the app keeps in memory for the UI.
    const status = await app.core.api.auth.status();
    expect(JSON.stringify(status)).not.toMatch(/PHNhbWxw|alice/);
  });
});
