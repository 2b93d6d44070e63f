/**
 * Broker mode in the app (issue 14): the same UI path as direct mode. alice signs in to the
 * broker organization in Chromium, sees her own desktops only (through the local broker, the
 * broker's handler against the emulator) and restarts one; the app never calls STS.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalBroker } from '../../broker/src/local-server';
import { startDemoBroker } from '../emulator/demo-broker';
import { type Emulator, loginWithPassword, startEmulator, type TapEvent } from '../emulator';
import { brokerDemoOrganization } from '../emulator/demo';
import { launchApp, type AppUnderTest } from './support/app';
import { launchChromium } from './support/chromium';

const ORG = 'Deskbridge Demo (Broker)';

async function desktop(page: Page, name: string): Promise<Locator> {
  await page.getByLabel('Search desktops').fill(name);
  const card = page.getByRole('article', { name, exact: true });
  await card.waitFor();
  return card;
}

describe('broker mode in the app (Chromium, harness, local broker, emulator)', () => {
  let browser: Browser;
  let emu: Emulator;
  let broker: LocalBroker;
  let app: AppUnderTest;
  const calls: TapEvent[] = [];

  beforeAll(async () => {
    emu = await startEmulator({ bulkCount: 0, durations: { rebootMs: 4_000 }, onResponse: (event) => calls.push(event) });
    broker = await startDemoBroker(emu, { name: ORG });
    browser = await launchChromium();
    // Managed configuration names the broker, so its loopback address is trusted.
    app = await launchApp(browser, {
      policy: { organizations: [brokerDemoOrganization(emu.endpoints, broker.url)], allowAddOrganizations: true, allowStaySignedIn: true },
    });
  });
  afterAll(async () => {
    await app.close();
    await browser.close();
    await broker.close();
    await emu.stop();
  });

  it('signs alice in with OIDC and lists her desktops only, without STS', async () => {
    const { page } = app;
    const opened = app.nextOpened();
    await page.getByRole('button', { name: `Sign in to ${ORG}` }).click();
    const redirect = await loginWithPassword(await opened, 'alice', 'alice-demo-pass');
    await fetch(redirect);
    await page.getByRole('heading', { name: 'Desktops' }).waitFor();
    // alice's 19 + 2 desktops in the broker's two directories; bob's two in the same directory are not among them.
    await page.getByText('21 of 21 desktops').first().waitFor({ timeout: 30_000 });
    await page.getByLabel('Search desktops').fill('Bob');
    await page.getByText('No desktop matches your search.').waitFor();
    const design = await desktop(page, 'Design-PC');
    await expect(design.locator('.state-label').textContent()).resolves.toBe('Ready');
    expect(calls.filter((c) => c.service === 'sts')).toEqual([]);
    expect(broker.awsCalls()).toBeGreaterThan(0);
  });

  it('restarts one of her desktops through the broker', async () => {
    const card = await desktop(app.page, 'Design-PC');
    await card.getByRole('button', { name: 'Actions for Design-PC' }).click();
    await card.getByRole('button', { name: 'Restart' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Restart Design-PC?' });
    await dialog.getByRole('button', { name: 'Restart' }).click();
    await card.locator('.state-badge[data-state="REBOOTING"]').waitFor({ timeout: 60_000 });
    await card.locator('.state-badge[data-state="AVAILABLE"]').waitFor({ timeout: 60_000 });
    expect(emu.state.getWorkspace('ws-alice0001')?.state).toBe('AVAILABLE');
    expect(calls.filter((c) => c.service === 'sts')).toEqual([]);
  });
});
