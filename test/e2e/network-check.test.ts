/**
 * The network check in Chromium (issue 13): the real renderer, harness and core probe the
 * emulator's endpoints (identity provider, Identity Center, STS, WorkSpaces API) and two
 * "streaming gateways" on loopback, one listening and one closed, and show the table and the
 * "Copy for IT" report.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { type Emulator, startEmulator } from '../emulator';
import { startHarness, type Harness } from '../harness/server';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';

async function listening(): Promise<Server> {
  const server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

describe('network check in the app (Chromium, harness, emulator)', () => {
  let emu: Emulator;
  let browser: Browser;
  let dir: string;
  let gateway: Server;
  let closedPort: number;
  let core: Core;
  let harness: Harness;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    emu = await startEmulator({ bulkCount: 0 });
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'deskbridge-e2e-netcheck-'));
    await writeFile(join(dir, 'policy.json'), JSON.stringify(emu.demo.managedPolicy));
    gateway = await listening();
    const spare = await listening();
    closedPort = portOf(spare);
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    core = await createCore({
      info: { name: 'Deskbridge', version: '0.0.0-e2e', host: 'web', platform: process.platform },
      paths: { settingsFile: join(dir, 'settings.json'), policyFile: join(dir, 'policy.json') },
      secrets: new MemorySecretStore(),
      browser: { open: async () => undefined },
      // The Region's gateways are AWS's hosts; here one listens on loopback and one is closed.
      networkCheck: {
        gateways: () => [
          { host: '127.0.0.1', port: portOf(gateway) },
          { host: '127.0.0.1', port: closedPort },
        ],
      },
    });
    harness = await startHarness(core, inject('rendererDir'));
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
    page = await context.newPage();
    await page.goto(harness.url);
  });

  afterAll(async () => {
    await context?.close();
    await harness?.stop();
    await core?.dispose();
    await browser?.close();
    await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
    await emu?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs from Diagnostics and shows every endpoint, the unreachable one as a problem', async () => {
    await page.getByRole('button', { name: 'Logs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deskbridge logs' });
    await dialog.getByRole('button', { name: 'Run network check' }).click();
    const table = dialog.getByRole('table', { name: 'Network check' });
    await table.waitFor({ timeout: 30_000 });

    const orgs = emu.demo.managedPolicy.organizations;
    const rows = table.locator('tbody tr');
    // Per organization: its sign-in endpoints, the WorkSpaces API and the two gateways.
    expect(await rows.count()).toBeGreaterThanOrEqual(orgs.length * 4);

    const oidcOrg = orgs.find((o) => o.signIn.method === 'oidc');
    if (!oidcOrg || oidcOrg.signIn.method !== 'oidc') throw new Error('the demo has an OIDC organization');
    const discovery = `${oidcOrg.signIn.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const idpRow = rows.filter({ hasText: discovery });
    await expect(idpRow.first().textContent()).resolves.toMatch(/Identity provider.*DIRECT.*OK.*HTTP 200.*Reachable/s);
    const apiRow = rows.filter({ hasText: oidcOrg.endpoints?.workspaces ?? 'no override' }).filter({ hasText: 'WorkSpaces API' });
    await expect(apiRow.first().textContent()).resolves.toContain('Reachable');

    const closed = rows.filter({ hasText: `127.0.0.1:${closedPort}` });
    expect(await closed.count()).toBe(orgs.length);
    await expect(closed.first().textContent()).resolves.toMatch(/Streaming gateway.*Failed.*ECONNREFUSED.*Problem/s);
    const open = rows.filter({ hasText: `127.0.0.1:${portOf(gateway)}` });
    await expect(open.first().textContent()).resolves.toMatch(/Streaming gateway.*Reachable/s);

    const total = await rows.count();
    await dialog.getByText(`${total - orgs.length} of ${total} endpoints reachable`).waitFor();
  });

  it('shows the plain-text report and copies it for IT', async () => {
    const dialog = page.getByRole('dialog', { name: 'Deskbridge logs' });
    const report = await dialog.getByLabel('Report for IT').inputValue();
    expect(report).toContain('Deskbridge network check — Deskbridge 0.0.0-e2e');
    expect(report).toContain('Nothing was sent anywhere');
    for (const org of emu.demo.managedPolicy.organizations) expect(report).toContain(`Organization: ${org.name}`);
    expect(report).toMatch(
      new RegExp(
        `\\[PROBLEM\\] Streaming gateway \\(health check host\\) 127\\.0\\.0\\.1:${closedPort}\\n\\s+proxy DIRECT \\| DNS ok \\d+ ms \\(127\\.0\\.0\\.1\\) \\| TCP failed \\d+ ms \\(ECONNREFUSED`,
      ),
    );
    expect(report).toContain('https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html');

    await dialog.getByRole('button', { name: 'Copy for IT' }).click();
    await dialog.getByText('Copied. Paste it into a message to your IT department.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);
  });

  it('is clean for axe-core (WCAG 2.1 A/AA) with the results showing', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
