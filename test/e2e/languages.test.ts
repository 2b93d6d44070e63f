/**
 * Every language in Chromium: the main views (home with desktops, organizations, settings, an
 * error on a desktop) render with no clipped text, nothing outside its box and nothing
 * overlapping (bounding boxes, not pixels), and axe-core is clean in each language and in the
 * light and dark themes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, type ThemePreference } from '@shared/ipc/domains/settings';
import { CATALOGS } from '@renderer/i18n';
import { type Emulator, loginWithPassword, startEmulator } from '../emulator';
import { launchApp, type AppUnderTest } from './support/app';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { layoutProblems } from './support/layout';

const ORG = 'Deskbridge Demo (OIDC)';

describe('five languages in Chromium (harness, emulator)', () => {
  let browser: Browser;
  let emu: Emulator;
  let app: AppUnderTest;
  let page: Page;

  async function use(language: Language, theme: ThemePreference = 'system'): Promise<void> {
    const result = await app.core.api.settings.update({ language, theme });
    expect(result.ok).toBe(true);
    await page.locator(`html[lang="${language}"][data-theme="${theme}"]`).waitFor();
    await page.getByRole('heading', { name: CATALOGS[language]['desktops.heading'], exact: true }).first().waitFor();
  }

  async function openSettings(language: Language): Promise<void> {
    await page.getByRole('button', { name: CATALOGS[language]['settings.open'], exact: true }).click();
    await page.getByRole('heading', { level: 2, name: CATALOGS[language]['settings.title'] }).waitFor();
  }

  async function closeSettings(language: Language): Promise<void> {
    await page.getByRole('button', { name: CATALOGS[language]['settings.back'] }).click();
    await page.getByRole('heading', { name: CATALOGS[language]['desktops.heading'], exact: true }).first().waitFor();
  }

  beforeAll(async () => {
    // Linux-VNC's connection setting names no usable server: connecting to it fails, on its card.
    emu = await startEmulator({ bulkCount: 0, vncAddress: 'rdp://not a host' });
    browser = await launchChromium();
    app = await launchApp(browser, { policy: emu.demo.managedPolicy });
    page = app.page;
    await page.setViewportSize({ width: 1100, height: 900 });
    const opened = app.nextOpened();
    await page.getByRole('button', { name: `Sign in to ${ORG}` }).click();
    await fetch(await loginWithPassword(await opened, 'alice', 'alice-demo-pass'));
    await page.getByText('19 of 19 desktops').first().waitFor({ timeout: 30_000 });
    // An error to show: a failed connect stays on its desktop's card.
    const list = await app.core.api.desktops.list();
    const vnc = list.ok ? list.value.desktops.find((d) => d.name === 'Linux-VNC') : undefined;
    await app.core.api.desktops.connect(vnc!.key);
    await page.getByLabel('Search desktops').fill('Linux-VNC');
    await page.locator('.status-line[data-status="failed"]').first().waitFor({ timeout: 20_000 });
    await page.getByLabel('Search desktops').fill('');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await emu?.stop();
  });

  it.each(LANGUAGES)('%s: home, organizations and a desktop’s error fit their boxes', async (language) => {
    await use(language);
    // The first page of the list, and the desktop with the error.
    expect(await layoutProblems(page), `${language}: home`).toEqual([]);
    await page.getByLabel(CATALOGS[language]['desktops.search']).fill('Linux-VNC');
    try {
      const card = page.getByRole('article', { name: 'Linux-VNC', exact: true });
      await card.waitFor();
      expect(await card.textContent()).toContain(CATALOGS[language]['desktops.dismiss']);
      expect(await layoutProblems(page), `${language}: error`).toEqual([]);
    } finally {
      await page.getByLabel(CATALOGS[language]['desktops.search']).fill('');
    }
    // The organizations have their own view.
    await page.getByRole('button', { name: CATALOGS[language]['nav.orgs'], exact: true }).click();
    try {
      await page.getByRole('heading', { name: CATALOGS[language]['orgs.heading'], exact: true }).waitFor();
      expect(await layoutProblems(page), `${language}: organizations`).toEqual([]);
    } finally {
      await page.getByRole('button', { name: CATALOGS[language]['nav.home'], exact: true }).click();
    }
  });

  it.each(LANGUAGES)('%s: the settings screen fits its boxes', async (language) => {
    await use(language);
    await openSettings(language);
    try {
      expect(await layoutProblems(page), `${language}: settings`).toEqual([]);
    } finally {
      await closeSettings(language);
    }
  });

  it.each(LANGUAGES)('%s: axe-core is clean (WCAG 2.1 A/AA) on the home and the settings screen', async (language) => {
    await use(language);
    expect(await accessibilityViolations(page), `${language}: home`).toEqual([]);
    await openSettings(language);
    try {
      expect(await accessibilityViolations(page), `${language}: settings`).toEqual([]);
    } finally {
      await closeSettings(language);
    }
  });

  it.each(['light', 'dark'] as const)('axe-core is clean in the %s theme', async (theme) => {
    await use('en', theme);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(theme === 'dark' ? 'rgb(23, 26, 34)' : 'rgb(246, 247, 251)');
    expect(await accessibilityViolations(page), `${theme}: home`).toEqual([]);
    expect(await layoutProblems(page), `${theme}: home`).toEqual([]);
    await openSettings('en');
    try {
      expect(await accessibilityViolations(page), `${theme}: settings`).toEqual([]);
    } finally {
      await closeSettings('en');
    }
  });
});
