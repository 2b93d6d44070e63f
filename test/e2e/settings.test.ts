/** Settings in Chromium (harness, real core): language and theme change live, IT's locks show. */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp } from './support/app';
import { launchChromium } from './support/chromium';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('the Settings screen in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('changes the language and the theme live, without reloading the page, and keeps them', async () => {
    const app = await launchApp(browser);
    try {
      const { page } = app;
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
      // A reload would lose this.
      await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

      await page.getByLabel('Language', { exact: true }).selectOption('fr');
      await page.getByRole('heading', { level: 2, name: 'Paramètres' }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.getByRole('button', { name: 'Retour aux bureaux' }).isVisible()).resolves.toBe(true);

      expect(await background(page)).toBe('rgb(246, 247, 251)');
      await page.getByLabel('Thème', { exact: true }).selectOption('dark');
      await expect.poll(() => background(page)).toBe('rgb(23, 26, 34)');
      await page.getByLabel('Thème', { exact: true }).selectOption('system');
      await expect.poll(() => background(page)).toBe('rgb(246, 247, 251)');
      await page.getByLabel('Thème', { exact: true }).selectOption('dark');
      await expect.poll(() => background(page)).toBe('rgb(23, 26, 34)');

      await expect(page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).resolves.toBe(true);
      const saved = JSON.parse(await readFile(app.settingsFile, 'utf8')) as { preferences: unknown };
      expect(saved.preferences).toEqual({ language: 'fr', theme: 'dark' });
    } finally {
      await app.close();
    }
  });

  it('opens on Ctrl/Cmd+, (the deskbridge:open-settings event) and About lists the licences', async () => {
    const app = await launchApp(browser);
    try {
      const { page } = app;
      await page.getByRole('button', { name: 'Settings' }).waitFor();
      await page.evaluate(() => window.dispatchEvent(new Event('deskbridge:open-settings')));
      await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
      const about = page.locator('section', { has: page.getByRole('heading', { name: 'About Deskbridge' }) });
      await about.getByText('0.0.0-e2e').waitFor();
      await expect(about.getByRole('row', { name: /^react \S+ MIT$/ }).count()).resolves.toBe(1);
      await expect(about.getByRole('row', { name: /^zod \S+ MIT$/ }).count()).resolves.toBe(1);
    } finally {
      await app.close();
    }
  });

  it('shows what IT sets and locks as disabled, “Set by your IT department”', async () => {
    const app = await launchApp(browser, { policy: { preferences: { theme: { value: 'dark', locked: true }, language: { value: 'es', locked: false } } } });
    try {
      const { page } = app;
      // IT's unlocked default applies until the user chooses.
      await page.getByRole('button', { name: 'Configuración' }).click();
      const theme = page.getByLabel('Tema', { exact: true });
      await expect(theme.isDisabled()).resolves.toBe(true);
      await expect(theme.inputValue()).resolves.toBe('dark');
      await page.getByText('Definido por su departamento de TI').waitFor();
      await expect.poll(() => background(page)).toBe('rgb(23, 26, 34)');
      await expect(page.getByLabel('Idioma', { exact: true }).isDisabled()).resolves.toBe(false);
      await page.getByLabel('Idioma', { exact: true }).selectOption('en');
      await page.getByText('Set by your IT department').waitFor();
    } finally {
      await app.close();
    }
  });
});
