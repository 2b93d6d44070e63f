import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VNC_SECRET_SERVICE, vncPasswordAccount } from '@core/sessions';
import { run, startXvnc, type XvncServer } from '../system/support/xvnc';
import { launchChromium } from './support/chromium';
import { launchSessionApp, WORKSPACE_ID, type SessionAppUnderTest } from './support/session-app';

const PASSWORD = 'tiger-42';

/** The colour of a pixel of noVNC's canvas (the remote screen as the user sees it). */
async function pixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate<[number, number, number], [number, number]>(
    ([px, py]) => {
      // The live RFB's canvas (a disconnected one may linger for a moment after a reconnect).
      const canvas = [...document.querySelectorAll<HTMLCanvasElement>('.session-screen canvas')].filter((c) => c.width > 0).at(-1);
      const data = canvas?.getContext('2d')?.getImageData(px ?? 0, py ?? 0, 1, 1).data;
      return data ? [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0] : [-1, -1, -1];
    },
    [x, y],
  );
}

async function phase(page: Page): Promise<string | null> {
  return page.locator('.session').getAttribute('data-phase');
}

async function enterPassword(page: Page, password: string, remember = false): Promise<void> {
  await page.getByLabel('VNC password').fill(password);
  if (remember) await page.getByLabel('Remember it in this computer’s keychain').check();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

describe('the in-app VNC viewer against TigerVNC', () => {
  let browser: Browser;
  let xvnc: XvncServer;
  let app: SessionAppUnderTest | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    xvnc = await startXvnc({ password: PASSWORD });
  });
  afterAll(async () => {
    await xvnc.stop();
    await browser.close();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('asks for the password, shows the remote desktop, types into it and reconnects after a server restart', async () => {
    await run('xsetroot', ['-solid', '#3366cc'], xvnc.env);
    app = await launchSessionApp(browser, { connectTag: `vnc://127.0.0.1:${xvnc.port}` });
    const { page, sessionId } = await app.connect();
    await expect.poll(() => phase(page)).toBe('password');
    await enterPassword(page, PASSWORD);
    await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => pixel(page, 400, 300), { timeout: 15_000 }).toEqual([0x33, 0x66, 0xcc]);
    await expect
      .poll(async () => (await app!.core.api.sessions.list()).ok && (await app!.core.api.sessions.list()))
      .toMatchObject({
        value: { sessions: [{ id: sessionId, status: 'connected', client: 'deskbridge', method: 'vnc' }] },
      });
    // Nothing was remembered: the user did not ask.
    expect(await app.secrets.accounts(VNC_SECRET_SERVICE)).toEqual([]);

    // Keys typed in the viewer arrive at the remote X server.
    const xev: ChildProcess = spawn('xev', ['-root', '-event', 'keyboard'], { env: xvnc.env });
    let seen = '';
    xev.stdout?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    try {
      await new Promise((r) => setTimeout(r, 300));
      await page.locator('.session-screen canvas').last().click();
      await page.keyboard.type('hi');
      await expect.poll(() => seen, { timeout: 10_000 }).toMatch(/keysym 0x68, h\)[\s\S]*keysym 0x69, i\)/);
    } finally {
      xev.kill();
    }

    // The server goes away and comes back: the viewer reconnects by itself, with the password it has.
    await xvnc.restart();
    await run('xsetroot', ['-solid', '#cc6633'], xvnc.env);
    await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('connected');
    await expect.poll(() => pixel(page, 400, 300), { timeout: 15_000 }).toEqual([0xcc, 0x66, 0x33]);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/Connected to Alice’s VNC desktop/);
  });

  it('says clearly when the password is wrong, then connects with the right one and remembers it on request', async () => {
    await run('xsetroot', ['-solid', '#22aa44'], xvnc.env);
    app = await launchSessionApp(browser, { connectTag: `vnc://127.0.0.1:${xvnc.port}` });
    const { page } = await app.connect();
    await expect.poll(() => phase(page)).toBe('password');
    await enterPassword(page, 'not-the-password');
    await expect(page.getByRole('alert').filter({ hasText: 'The password was not accepted' }).waitFor({ timeout: 15_000 })).resolves.toBeUndefined();
    expect(await phase(page)).toBe('password');
    await enterPassword(page, PASSWORD, true);
    await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => pixel(page, 10, 10), { timeout: 15_000 }).toEqual([0x22, 0xaa, 0x44]);
    await expect
      .poll(() => app!.secrets.get(VNC_SECRET_SERVICE, vncPasswordAccount(`${app!.org.id}/${WORKSPACE_ID}`, { host: '127.0.0.1', port: xvnc.port })))
      .toBe(PASSWORD);
  });

  it('speaks the language and wears the theme chosen in Settings, not the system’s', async () => {
    app = await launchSessionApp(browser, { connectTag: `vnc://127.0.0.1:${xvnc.port}` });
    const updated = await app.core.api.settings.update({ language: 'de', theme: 'dark' });
    expect(updated.ok).toBe(true);
    const { page } = await app.connect();
    await expect.poll(() => phase(page)).toBe('password');
    await expect(page.getByLabel('VNC-Passwort').waitFor()).resolves.toBeUndefined();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset['theme']])).toEqual(['de', 'dark']);
    // Chromium's own language here is English: the German words come from the preference.
    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    await page.getByLabel('VNC-Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Verbinden', exact: true }).click();
    await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('connected');
    await expect(page.getByRole('button', { name: 'Trennen' }).waitFor()).resolves.toBeUndefined();
  });

  it('disconnects from the toolbar and the session leaves the list', async () => {
    app = await launchSessionApp(browser, { connectTag: `vnc://127.0.0.1:${xvnc.port}` });
    const { page } = await app.connect();
    await enterPassword(page, PASSWORD);
    await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('connected');
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => phase(page)).toBe('ended');
    await expect
      .poll(async () => {
        const list = await app!.core.api.sessions.list();
        return list.ok ? list.value.sessions.length : -1;
      })
      .toBe(0);
  });
});
