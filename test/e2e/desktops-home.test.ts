import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UrlHandoff } from '@core/sessions/ports';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { type Emulator, loginWithPassword, startEmulator } from '../emulator';
import { launchApp, type AppUnderTest } from './support/app';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';

const ORG = 'Deskbridge Demo (OIDC)';

/** The OS's workspaces:// handler, as a test switches it: the official client installed or not. */
class FakeHandoff implements UrlHandoff {
  installed = true;
  readonly opened: string[] = [];
  async handlerFor(): Promise<string | null> {
    return this.installed ? 'com.amazon.workspaces.desktop' : null;
  }
  async open(url: string): Promise<void> {
    this.opened.push(url);
  }
}

interface Recorded {
  __clicks: number;
  __status: { name: string; kinds: string }[];
  __settingsOpened: number;
}

/**
 * Runs in the page before the app: counts the user's clicks, and records every change of each
 * card's status lines (their kinds, joined: two at once would read "failed+open").
 */
function record(): void {
  const w = window as unknown as Recorded;
  w.__clicks = 0;
  w.__status = [];
  w.__settingsOpened = 0;
  addEventListener('click', () => (w.__clicks += 1), true);
  addEventListener('deskbridge:open-settings', () => (w.__settingsOpened += 1));
  const last = new Map<string, string>();
  new MutationObserver(() => {
    for (const card of document.querySelectorAll('article[data-key]')) {
      const name = card.querySelector('.desktop-name')?.textContent ?? '';
      const kinds = [...card.querySelectorAll('.status-line')].map((e) => e.getAttribute('data-status')).join('+') || 'none';
      if (last.get(name) !== kinds) {
        last.set(name, kinds);
        w.__status.push({ name, kinds });
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

async function statusKinds(page: Page, name: string, from = 0): Promise<string[]> {
  const log = await page.evaluate(() => (window as unknown as Recorded).__status);
  return log
    .slice(from)
    .filter((e) => e.name === name)
    .map((e) => e.kinds);
}

const statusCount = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as Recorded).__status.length);

/** Kinds seen, in order, must follow the launch's one sequence (any step may pass too fast to be seen). */
function followsSequence(kinds: readonly string[], sequence: readonly string[]): boolean {
  let at = 0;
  for (const kind of kinds) {
    const i = sequence.indexOf(kind, at);
    if (i === -1) return false;
    at = i;
  }
  return true;
}

async function statusLine(card: Locator, kind: string): Promise<string> {
  const line = card.locator(`.status-line[data-status="${kind}"]`);
  await line.waitFor({ timeout: 60_000 });
  // The line's words (its buttons aside).
  return (await line.locator('p').first().textContent()) ?? '';
}

async function openApp(browser: Browser, options: Parameters<typeof launchApp>[1]): Promise<AppUnderTest> {
  const app = await launchApp(browser, options);
  await app.context.addInitScript(record);
  await app.page.reload();
  return app;
}

describe('the home for a user with one desktop (Chromium, harness, emulator)', () => {
  let browser: Browser;
  let emu: Emulator;
  let settingsDir: string;
  const secrets = new MemorySecretStore();
  const handoff = new FakeHandoff();

  beforeAll(async () => {
    emu = await startEmulator({ bulkCount: 0, durations: { startMs: 3_000 } });
    // Bob keeps one desktop: Bob-PC.
    const autoStop = emu.state.listWorkspaces('bob').find((w) => w.workspaceName === 'Bob-AutoStop');
    emu.state.removeWorkspace(autoStop?.id ?? '');
    browser = await launchChromium();
    settingsDir = await mkdtemp(join(tmpdir(), 'deskbridge-home-'));
  });
  afterAll(async () => {
    await browser.close();
    await emu.stop();
    await rm(settingsDir, { recursive: true, force: true });
  });

  it('signs in once, staying signed in; the one desktop fills the view, axe-clean in light and dark', async () => {
    const app = await openApp(browser, { policy: emu.demo.managedPolicy, settingsDir, secrets, sessions: { handoff } });
    try {
      const { page } = app;
      const row = page.getByRole('listitem', { name: ORG });
      await row.getByLabel('Stay signed in on this computer').check();
      const opened = app.nextOpened();
      await row.getByRole('button', { name: `Sign in to ${ORG}` }).click();
      await fetch(await loginWithPassword(await opened, 'bob', 'bob-demo-pass'));
      const card = page.getByRole('article', { name: 'Bob-PC', exact: true });
      await card.waitFor({ timeout: 30_000 });
      await expect(card.getAttribute('class')).resolves.toContain('desktop-hero');
      await page.getByText(`Signed in to ${ORG}`).waitFor();
      // No list machinery for one desktop: no search, no count.
      await expect(page.getByLabel('Search desktops').count()).resolves.toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 26, 34)');
      expect(await accessibilityViolations(page)).toEqual([]);
      // The theme the user chose in Settings wins over the OS's.
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 247, 251)');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 26, 34)');
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('next start: restored from the keychain, ONE click from start to an open session', async () => {
    const app = await openApp(browser, { policy: emu.demo.managedPolicy, settingsDir, secrets, sessions: { handoff } });
    try {
      const { page } = app;
      const card = page.getByRole('article', { name: 'Bob-PC', exact: true });
      await card.getByRole('button', { name: 'Connect to Bob-PC' }).click();
      expect(await statusLine(card, 'open')).toBe('Handed to the WorkSpaces client');
      expect(await page.evaluate(() => (window as unknown as Recorded).__clicks)).toBe(1);
      expect(handoff.opened).toHaveLength(1);
      expect(handoff.opened[0]).toMatch(/^workspaces:\/\/bob@/);
      expect(followsSequence(await statusKinds(page, 'Bob-PC'), ['none', 'waiting', 'opening', 'open'])).toBe(true);

      // The official client is gone: the next connect ends in one failure line with its next step,
      // never beside the earlier hand-off's "Handed to …".
      handoff.installed = false;
      const from = await statusCount(page);
      await card.getByRole('button', { name: 'Connect to Bob-PC' }).click();
      const failed = await statusLine(card, 'failed');
      expect(failed).toContain('Connect failed: The Amazon WorkSpaces client is not installed on this computer.');
      expect(failed).toContain('Next: open Web Access, or install the WorkSpaces client.');
      await expect(card.getByRole('button', { name: 'Open Web Access in the browser' }).count()).resolves.toBe(1);
      const kinds = await statusKinds(page, 'Bob-PC', from);
      expect(kinds.every((k) => !k.includes('+'))).toBe(true);
      expect(followsSequence(kinds, ['open', 'waiting', 'failed'])).toBe(true);
      expect(kinds.at(-1)).toBe('failed');
      await expect(card.textContent()).resolves.not.toContain('Handed to');
      await card.getByRole('button', { name: 'Dismiss' }).click();
      await card.locator('.status-line[data-status="failed"]').waitFor({ state: 'detached' });

      // Start then connect: the desktop stopped meanwhile; Ctrl+R brings the list up to date.
      handoff.installed = true;
      emu.state.setWorkspaceState(emu.state.listWorkspaces('bob')[0]?.id ?? '', 'STOPPED');
      await page.keyboard.press('Control+r');
      const start = card.getByRole('button', { name: 'Start and connect to Bob-PC' });
      await start.waitFor({ timeout: 30_000 });
      const before = await statusCount(page);
      await start.click();
      expect(await statusLine(card, 'starting')).toMatch(/^Starting Bob-PC… \d+:\d\d$/);
      expect(await statusLine(card, 'open')).toBe('Handed to the WorkSpaces client');
      const sequence = await statusKinds(page, 'Bob-PC', before);
      expect(sequence.every((k) => !k.includes('+'))).toBe(true);
      expect(followsSequence(sequence, ['none', 'starting', 'waiting', 'opening', 'open'])).toBe(true);
      expect(sequence).toContain('starting');
      expect(handoff.opened).toHaveLength(2);

      // Opt in to "connect when I have one desktop" in Settings, for the next start.
      await page.getByRole('button', { name: 'Settings' }).click();
      const optIn = page.getByLabel('When Deskbridge opens and I have one desktop, connect to it');
      await optIn.check();
      await expect(optIn.isChecked()).resolves.toBe(true);
    } finally {
      await app.close();
    }
  });

  it('with the preference on, the next start opens the one desktop with ZERO clicks, once', async () => {
    const opened = handoff.opened.length;
    // The page is loaded once, with the click counter in place from the start (no reload).
    const app = await launchApp(browser, { policy: emu.demo.managedPolicy, settingsDir, secrets, sessions: { handoff }, initScript: record });
    try {
      const { page } = app;
      const card = page.getByRole('article', { name: 'Bob-PC', exact: true });
      expect(await statusLine(card, 'open')).toBe('Handed to the WorkSpaces client');
      expect(await page.evaluate(() => (window as unknown as Recorded).__clicks)).toBe(0);
      expect(handoff.opened).toHaveLength(opened + 1);
      expect(handoff.opened.at(-1)).toMatch(/^workspaces:\/\/bob@/);
      // Once per run: a refresh does not connect again.
      await page.keyboard.press('Control+r');
      await page.getByText(`Signed in to ${ORG}`).waitFor();
      expect(handoff.opened).toHaveLength(opened + 1);
    } finally {
      await app.close();
    }
  });
});

describe('the home with many desktops: order and keyboard', () => {
  let browser: Browser;
  let emu: Emulator;
  let app: AppUnderTest;
  const handoff = new FakeHandoff();

  beforeAll(async () => {
    emu = await startEmulator({ bulkCount: 0 });
    browser = await launchChromium();
    app = await openApp(browser, { policy: emu.demo.managedPolicy, sessions: { handoff } });
    const opened = app.nextOpened();
    await app.page.getByRole('button', { name: `Sign in to ${ORG}` }).click();
    await fetch(await loginWithPassword(await opened, 'alice', 'alice-demo-pass'));
    await app.page.getByText('19 of 19 desktops').first().waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await app.close();
    await browser.close();
    await emu.stop();
  });

  it('shows ready desktops first and problems last; organizations have their own view', async () => {
    const { page } = app;
    const names = await page.locator('article .desktop-name').allTextContents();
    expect(names.slice(0, 2).sort()).toEqual(['Design-PC', 'Linux-VNC']);
    const states = await page.locator('article .state-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    // Ready, then starting, then stopped, then problems (the cards in the DOM: the list is virtualised).
    const GROUP: Record<string, number> = {
      AVAILABLE: 0,
      STARTING: 1,
      REBOOTING: 1,
      PENDING: 1,
      REBUILDING: 1,
      RESTORING: 1,
      UPDATING: 1,
      STOPPED: 2,
      STOPPING: 2,
    };
    const groups = states.map((s) => GROUP[s ?? ''] ?? 3);
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(new Set(groups).size).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Organizations' }).click();
    await page.getByRole('listitem', { name: ORG }).waitFor();
    await page.getByRole('button', { name: 'Desktops' }).click();
    await page.getByText('19 of 19 desktops').first().waitFor();
  });

  it('nothing is cut off: the whole search placeholder shows, and the badges stay on one line', async () => {
    const { page } = app;
    const fits = await page.getByLabel('Search desktops').evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      if (context === null) return null;
      context.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(fits).not.toBeNull();
    expect(fits!.text).toBeLessThanOrEqual(fits!.room);
    // A narrow window: badges (e.g. "Local demo") must not break across two lines.
    await page.setViewportSize({ width: 420, height: 800 });
    await page.getByRole('button', { name: 'Organizations' }).click();
    const badges = page.locator('.org-row .badge');
    await badges.first().waitFor();
    const lines = await badges.evaluateAll((els) => els.map((e) => e.getClientRects().length));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((n) => n === 1)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Desktops' }).click();
    await page.getByText('19 of 19 desktops').first().waitFor();
  });

  it('Ctrl+F searches, Enter on a card connects, and that desktop comes first in its group', async () => {
    const { page } = app;
    await page.locator('body').click();
    await page.keyboard.press('Control+f');
    // The search box takes focus on the next animation frame.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('desktop-search');
    await page.keyboard.type('Linux');
    const card = page.getByRole('article', { name: 'Linux-VNC', exact: true });
    await card.focus();
    await page.keyboard.press('Enter');
    // Its deskbridge:connect tag names the in-app VNC viewer, which the web host opens as a page.
    await card
      .locator('.status-line[data-status="opening"], .status-line[data-status="open"], .status-line[data-status="failed"]')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByLabel('Search desktops').fill('');
    await expect(page.locator('article .desktop-name').first().textContent()).resolves.toBe('Linux-VNC');
  });

  it('Ctrl+R refreshes the list instead of reloading the page; Ctrl+, asks for Settings', async () => {
    const { page, core } = app;
    const refreshedAt = async (): Promise<number> => {
      const list = await core.api.desktops.list();
      return list.ok ? (list.value.refreshedAt ?? 0) : 0;
    };
    await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
    const before = await refreshedAt();
    await page.keyboard.press('Control+r');
    await expect.poll(refreshedAt, { timeout: 20_000 }).toBeGreaterThan(before);
    await expect(page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).resolves.toBe(true);
    await page.keyboard.press('Control+Comma');
    await expect(page.evaluate(() => (window as unknown as Recorded).__settingsOpened)).resolves.toBe(1);
  });
});
