import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, loginWithPassword, OWNER_TAG_KEY, startEmulator } from '../emulator';
import { launchApp, type AppUnderTest } from './support/app';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';

const ORG = 'Deskbridge Demo (OIDC)';

/** The desktop's card, found through the search box (the list is virtualised). */
async function desktop(page: Page, name: string): Promise<Locator> {
  await page.getByLabel('Search desktops').fill(name);
  const card = page.getByRole('article', { name, exact: true });
  await card.waitFor();
  return card;
}

async function waitForState(card: Locator, state: string): Promise<void> {
  await card.locator(`.state-badge[data-state="${state}"]`).waitFor({ timeout: 60_000 });
}

describe('desktops in the app (Chromium, harness, emulator)', () => {
  let browser: Browser;
  let emu: Emulator;
  let app: AppUnderTest;

  beforeAll(async () => {
    // Linux-VNC's deskbridge:connect tag names no usable server: its launch fails.
    emu = await startEmulator({ bulkCount: 0, durations: { startMs: 4_000, rebootMs: 4_000 }, vncAddress: 'rdp://not a host' });
    browser = await launchChromium();
    app = await launchApp(browser, { policy: emu.demo.managedPolicy });
  });
  afterAll(async () => {
    await app.close();
    await browser.close();
    await emu.stop();
  });

  it('signs in and shows the seeded desktops with their states in plain language', async () => {
    const { page } = app;
    const opened = app.nextOpened();
    await page.getByRole('button', { name: `Sign in to ${ORG}` }).click();
    const redirect = await loginWithPassword(await opened, 'alice', 'alice-demo-pass');
    await fetch(redirect);
    await page.getByRole('heading', { name: 'Desktops' }).waitFor();
    await page.getByText('19 of 19 desktops').first().waitFor({ timeout: 30_000 });
    const unhealthy = await desktop(page, 'Unhealthy-PC');
    await expect(unhealthy.locator('.state-label').textContent()).resolves.toBe('Not responding');
    await expect(unhealthy.textContent()).resolves.toContain('A restart often helps');
    const error = await desktop(page, 'Error-PC');
    await expect(error.textContent()).resolves.toContain('ResourceLimitExceeded.CoresLimit');
    // Restarting is allowed in this directory, but not by AWS in this state: say which.
    await expect(error.textContent()).resolves.toContain('AWS can’t restart a desktop in this state.');
    await expect(error.textContent()).resolves.not.toContain('Your organization doesn’t let you restart');
    // AWS reboots AVAILABLE and UNHEALTHY desktops, never IMPAIRED ones (RebootWorkspaces).
    const impaired = await desktop(page, 'Impaired-PC');
    await expect(impaired.textContent()).resolves.toContain('AWS can’t restart a desktop in this state.');
    await expect(impaired.textContent()).resolves.not.toContain('restart often helps');
    const stopped = await desktop(page, 'Daily-AutoStop');
    await expect(stopped.locator('.state-label').textContent()).resolves.toBe('Stopped');
    await expect(stopped.textContent()).resolves.toMatch(/AutoStop.*root 80 GiB, user 50 GiB/s);
    await expect(stopped.textContent()).resolves.toContain('last connection yesterday');
    // Search by state, in the user's language.
    await page.getByLabel('Search desktops').fill('maintenance');
    await page.getByText('2 of 19 desktops').first().waitFor();
  });

  it('is clean for axe-core (WCAG 2.1 A/AA) with the list showing', async () => {
    await app.page.getByLabel('Search desktops').fill('');
    await app.page.getByText('19 of 19 desktops').first().waitFor();
    expect(await accessibilityViolations(app.page)).toEqual([]);
  });

  it('starts the STOPPED desktop and shows it reaching Ready', async () => {
    const card = await desktop(app.page, 'Daily-AutoStop');
    await card.getByRole('button', { name: 'Actions for Daily-AutoStop' }).click();
    await card.getByRole('button', { name: 'Start', exact: true }).click();
    await waitForState(card, 'STARTING');
    await waitForState(card, 'AVAILABLE');
    await expect(card.locator('.state-label').textContent()).resolves.toBe('Ready');
    await expect(app.page.locator('.desktops p[aria-live="polite"]').textContent()).resolves.toContain('Daily-AutoStop is now');
  });

  it('restarts a desktop after confirmation', async () => {
    const card = await desktop(app.page, 'Design-PC');
    await card.getByRole('button', { name: 'Actions for Design-PC' }).click();
    await card.getByRole('button', { name: 'Restart' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Restart Design-PC?' });
    await dialog.getByRole('button', { name: 'Restart' }).click();
    await waitForState(card, 'REBOOTING');
    await waitForState(card, 'AVAILABLE');
  });

  it('explains an action AWS refuses, on the desktop it concerns', async () => {
    const card = await desktop(app.page, 'Manual-Stopped');
    // AWS moved on behind the list's back: the desktop is running already.
    const id = emu.state.listWorkspaces('alice').find((w) => w.workspaceName === 'Manual-Stopped')?.id ?? '';
    emu.state.setWorkspaceState(id, 'AVAILABLE');
    await card.getByRole('button', { name: 'Actions for Manual-Stopped' }).click();
    await card.getByRole('button', { name: 'Start', exact: true }).click();
    await card.getByText('Start failed: The desktop is not in a state that allows this right now').waitFor();
    await card.getByRole('button', { name: 'Dismiss' }).click();
    await card.getByText('Start failed').waitFor({ state: 'detached' });
  });

  it('a launch that fails shows only the failure on its desktop, and the next step', async () => {
    const card = await desktop(app.page, 'Linux-VNC');
    await card.getByRole('button', { name: 'Connect to Linux-VNC' }).click();
    await card.getByText('Connect failed: “Linux-VNC” has a connection setting Deskbridge cannot use, so it was not run.', { exact: false }).waitFor();
    const text = await card.textContent();
    expect(text).not.toMatch(/opening your session|Handed to the WorkSpaces client/);
    await expect(card.getByRole('status').count()).resolves.toBe(0);
    // Try again, or put the message away.
    await expect(card.getByRole('button', { name: 'Connect to Linux-VNC' }).isEnabled()).resolves.toBe(true);
    await card.getByRole('button', { name: 'Dismiss' }).click();
    await card.getByText('Connect failed').waitFor({ state: 'detached' });
  });

  it('rebuild needs the desktop’s name typed before it can be confirmed', async () => {
    const card = await desktop(app.page, 'Error-PC');
    await card.getByRole('button', { name: 'Actions for Error-PC' }).click();
    await card.getByRole('button', { name: 'Rebuild' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Rebuild Error-PC?' });
    const submit = dialog.getByRole('button', { name: 'Rebuild Error-PC' });
    await expect(submit.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/Type the desktop’s name/).fill('Error-PC');
    await expect(submit.isDisabled()).resolves.toBe(false);
    expect(await accessibilityViolations(app.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('alice is refused on a desktop whose owner tag names bob, and the card names the IT setting', async () => {
    const card = await desktop(app.page, 'Unhealthy-PC');
    // The kit's policy lets alice act only where the owner tag names her; IT tagged this one for bob.
    const id = emu.state.listWorkspaces('alice').find((w) => w.workspaceName === 'Unhealthy-PC')?.id ?? '';
    emu.state.setTag(id, OWNER_TAG_KEY, 'bob');
    await card.getByRole('button', { name: 'Actions for Unhealthy-PC' }).click();
    await card.getByRole('button', { name: 'Restart' }).click();
    await app.page.getByRole('dialog', { name: 'Restart Unhealthy-PC?' }).getByRole('button', { name: 'Restart' }).click();
    await card.getByText('Restart failed: AWS didn’t allow this on “Unhealthy-PC”: the desktop’s owner tag does not name alice.', { exact: false }).waitFor();
    expect(emu.state.getWorkspace(id)?.state).toBe('UNHEALTHY');
  });
});
