import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppUnderTest } from './support/app';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';

const ISSUER = 'https://login.example.com';
const ROLE = 'arn:aws:iam::123456789012:role/WorkSpacesUsers';

async function fillOidc(page: Page): Promise<void> {
  await page.getByLabel('Issuer URL').fill(ISSUER);
  await page.getByLabel('Client ID').fill('deskbridge');
  await page.getByLabel('IAM role ARN').fill(ROLE);
}

function link(params: Record<string, string>): string {
  return `deskbridge://register?${new URLSearchParams(params).toString()}`;
}

describe('organizations in the app', () => {
  let browser: Browser;
  let app: AppUnderTest | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('adds an organization by code, renames it and removes it', async () => {
    app = await launchApp(browser);
    const { page } = app;
    await page.getByRole('heading', { name: 'Add your organization' }).waitFor();
    await page.getByLabel('Registration code').fill('wspdx+abc12d');
    await page.getByText('WorkSpaces in us-west-2').waitFor();
    await page.getByLabel('Display name').fill('Acme');
    await fillOidc(page);
    await page.getByRole('button', { name: 'Add organization' }).click();

    const row = page.getByRole('listitem', { name: 'Acme' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('WSpdx+ABC12D');
    const saved = JSON.parse(await readFile(app.settingsFile, 'utf8')) as { organizations: { name: string; region: string }[] };
    expect(saved.organizations).toMatchObject([{ name: 'Acme', region: 'us-west-2' }]);

    await page.getByRole('button', { name: 'Rename Acme' }).click();
    await page.getByLabel('New name for Acme').fill('Acme Corp');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('listitem', { name: 'Acme Corp' }).waitFor();

    await page.getByRole('button', { name: 'Remove Acme Corp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Acme Corp?' });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('heading', { name: 'Add your organization' }).waitFor();
    const after = JSON.parse(await readFile(app.settingsFile, 'utf8')) as { organizations: unknown[] };
    expect(after.organizations).toEqual([]);
  });

  it('explains a bad code while typing and shows field errors from core', async () => {
    app = await launchApp(browser);
    const { page } = app;
    await page.getByLabel('Registration code').fill('SLiad+12');
    await page.getByText('A registration code has 6 letters or digits after the "+"').waitFor();
    await page.getByLabel('Registration code').fill('SLiad+S393HD');
    await page.getByLabel('Issuer URL').fill('http://login.example.com');
    await page.getByRole('button', { name: 'Add organization' }).click();
    await page.getByText('Must be an https:// address').waitFor();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('The organization was not added.');
  });

  it('can be used from the keyboard alone', async () => {
    app = await launchApp(browser);
    const { page } = app;
    // The code field has focus on first run.
    await page.getByLabel('Registration code').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('code');
    await page.keyboard.type('SLiad+S393HD');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard Org');
    await page.keyboard.press('Tab'); // method radio group
    await page.keyboard.press('Tab'); // issuer
    await page.keyboard.type(ISSUER);
    await page.keyboard.press('Tab');
    await page.keyboard.type('deskbridge');
    await page.keyboard.press('Tab');
    await page.keyboard.type(ROLE);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('roleArn');
    await page.keyboard.press('Enter');
    await page.getByRole('listitem', { name: 'Keyboard Org' }).waitFor();
  });

  it('adds an organization from a link only after the user confirms, and refuses on request', async () => {
    app = await launchApp(browser);
    const { page, core } = app;
    core.receiveDeepLink(link({ code: 'WSfra+LINK01', name: 'Linked', issuer: ISSUER, clientId: 'c1', roleArn: ROLE }));
    const dialog = page.getByRole('dialog', { name: 'Add this organization?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('WSfra+LINK01');
    expect((await core.api.orgs.list()).ok && (await core.api.orgs.list())).toMatchObject({ value: { organizations: [] } });
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add organization' }).click();
    await page.getByRole('listitem', { name: 'Linked' }).waitFor();

    core.receiveDeepLink(link({ code: 'WSlhr+LINK02', name: 'Unwanted', issuer: ISSUER, clientId: 'c2', roleArn: ROLE }));
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Don’t add' }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = await core.api.orgs.list();
    expect(list.ok && list.value.organizations.map((o) => o.name)).toEqual(['Linked']);
  });

  it('refuses a malformed link with a notice and adds nothing', async () => {
    app = await launchApp(browser);
    const { page, core } = app;
    core.receiveDeepLink('deskbridge://register?code=SLiad%2BS393HD&issuer=javascript:alert(1)&clientId=x&roleArn=' + encodeURIComponent(ROLE));
    await page.getByText('A Deskbridge link was refused.').waitFor();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
  });

  it('locks a managed organization and honours a policy that forbids adding', async () => {
    app = await launchApp(browser, {
      policy: {
        allowAddOrganizations: false,
        organizations: [
          { code: 'SLiad+MGD001', name: 'Managed Org', signIn: { method: 'oidc', issuer: ISSUER, clientId: 'm', roleArn: ROLE, userNameClaim: 'email' } },
        ],
      },
    });
    const { page, core } = app;
    const row = page.getByRole('listitem', { name: 'Managed Org' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Managed by your IT department');
    // Signing in stays possible; changing or removing the entry does not.
    for (const action of ['Rename', 'Export', 'Remove']) {
      await expect(row.getByRole('button', { name: new RegExp(`^${action}`) }).count()).resolves.toBe(0);
    }
    await expect(row.getByRole('button', { name: 'Sign in to Managed Org' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Add organization' }).count()).resolves.toBe(0);
    const removed = await core.api.orgs.remove('managed:sliad+mgd001');
    expect(removed).toMatchObject({ ok: false, error: { code: 'managed-organization' } });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('recovers a damaged settings file with a notice', async () => {
    app = await launchApp(browser, { settingsText: '{"version":1,"organizations":[{"id":"x"' });
    const { page } = app;
    await page.getByText('Your settings file was damaged').waitFor();
    await page.getByRole('heading', { name: 'Add your organization' }).waitFor();
  });

  it('has no accessibility violations on the first-run screen and the list', async () => {
    app = await launchApp(browser);
    const { page } = app;
    await page.getByLabel('Registration code').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Registration code').fill('SLiad+S393HD');
    await fillOidc(page);
    await page.getByRole('button', { name: 'Add organization' }).click();
    await page.getByRole('listitem').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
