/**
 * The privacy audit (docs/architecture.md, the privacy contract): a whole session — import an organization
 * (a hostile file refused first; IT's managed configuration trusting the local cloud's hosts), sign in,
 * list desktops, start one, open an in-app VNC session, sign out, quit — with HOME, the temp
 * folder and the settings folder pointed at fresh folders, then every file written there is
 * listed and read. Only the settings file may remain, and nothing secret or personal in it; the
 * keychain (the real one under `npm test`'s gnome-keyring) holds a Deskbridge entry only while
 * "stay signed in" is on, and a remembered VNC password only until sign-out. No connection file
 * (.rdp, .dcv) is left anywhere.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VNC_SECRET_SERVICE } from '@core/sessions';
import { KeytarSecretStore } from '@core/vault/keytar-secret-store';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import type { Desktop } from '@shared/models/desktop';
import type { OrgInput } from '@shared/models/org';
import { type LocalBroker } from '../../broker/src/local-server';
import { startDemoBroker } from '../emulator/demo-broker';
import { type Emulator, loginWithPassword, startEmulator, type TapEvent } from '../emulator';
import { brokerDemoOrganization } from '../emulator/demo';
import { DIRECTORY_FULL } from '../emulator/seed';
import { startXvnc, type XvncServer } from '../system/support/xvnc';
import { launchApp } from './support/app';
import { launchChromium } from './support/chromium';

const ORG_NAME = 'My company';
const USER = 'alice';
const USER_PASSWORD = 'alice-demo-pass';
const VNC_PASSWORD = 'privacy-vnc-7';
const ATTACKER_STS = 'https://sts.attacker.example';
/** What the session sets in Settings: exactly this is kept as preferences. */
const PREFERENCES = { theme: 'dark', connectOnOpen: true, rdpFullScreen: true, language: 'de' };
const ATTACKER_BROKER = 'https://broker.attacker.example';

function profileFile(organization: OrgInput): { name: string; mimeType: string; buffer: Buffer } {
  const text = JSON.stringify({ format: 'deskbridge-organization', version: 1, organization });
  return { name: 'my-company.deskbridge.json', mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

async function keychainEntries(secrets: KeytarSecretStore): Promise<string[]> {
  return [...(await secrets.accounts(KEYCHAIN_SERVICE)), ...(await secrets.accounts(VNC_SECRET_SERVICE))];
}

async function desktopCard(page: Page, name: string) {
  await page.getByLabel('Search desktops').fill(name);
  const card = page.getByRole('article', { name, exact: true });
  await card.waitFor();
  return card;
}

interface RunResult {
  readonly written: Record<string, string>;
  readonly secretsSeen: readonly string[];
  readonly entriesWhileSignedIn: readonly string[];
  /** The fields of the sign-in's keychain entries while signed in. */
  readonly keychainFields: readonly string[];
  /** Keychain entries of remembered VNC passwords, right after the VNC session. */
  readonly vncEntries: readonly string[];
  readonly entriesAfter: readonly string[];
  readonly desktops: readonly Desktop[];
}

describe('privacy audit: nothing of the user is left behind', () => {
  let browser: Browser;
  let emu: Emulator;
  let xvnc: XvncServer;
  const secrets = new KeytarSecretStore();
  let baseline: string[];

  beforeAll(async () => {
    xvnc = await startXvnc({ password: VNC_PASSWORD });
    browser = await launchChromium();
    baseline = await keychainEntries(secrets);
  });
  afterAll(async () => {
    await browser.close();
    await xvnc.stop();
  });

  /**
   * One full session with HOME and TMPDIR pointed at fresh folders; returns what it left. In
   * broker mode (issue 14) the organization signs in through a local broker and the session has
   * no VNC part (the broker's desktops are the same; the viewer is audited in direct mode).
   */
  async function fullSession(staySignedIn: boolean, mode: 'direct' | 'broker' = 'direct'): Promise<RunResult> {
    // A fresh cloud for each run, so both start from the seeded states.
    const calls: TapEvent[] = [];
    emu = await startEmulator({
      bulkCount: 0,
      durations: { startMs: 1_500 },
      vncAddress: `vnc://127.0.0.1:${xvnc.port}`,
      onResponse: (event) => calls.push(event),
    });
    let broker: LocalBroker | null = null;
    if (mode === 'broker') {
      broker = await startDemoBroker(emu, { name: ORG_NAME, directoryIds: [DIRECTORY_FULL] });
    }
    const home = await mkdtemp(join(tmpdir(), 'deskbridge-privacy-home-'));
    const temp = await mkdtemp(join(tmpdir(), 'deskbridge-privacy-tmp-'));
    const saved = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
    process.env.HOME = home;
    process.env.TMPDIR = temp;
    try {
      // The stable settings folder of the Electron host: <appData>/Deskbridge.
      const settingsDir = join(home, '.config', 'Deskbridge');
      await mkdir(settingsDir, { recursive: true });
      // IT's managed configuration trusts the local cloud's hosts, so the user may add an organization that uses them.
      const trustedHosts = broker === null ? emu.demo.trustedHosts : [...emu.demo.trustedHosts, new URL(broker.url).host];
      const app = await launchApp(browser, { settingsDir, secrets, policy: { trustedHosts } });
      const { page } = app;
      const secretsSeen: string[] = [USER_PASSWORD, VNC_PASSWORD, `127.0.0.1:${xvnc.port}`];
      let entriesWhileSignedIn: string[] = [];
      const keychainFields: string[] = [];
      let vncEntries: string[] = [];
      let desktops: Desktop[] = [];
      try {
        // Import the organization from a profile file: a hostile file first (refused, with why),
        // then the real one, added only once the user confirms the addresses it shows.
        const fileInput = page.locator('input[type=file]');
        const dialog = page.getByRole('dialog', { name: 'Add this organization?' });
        if (broker === null) {
          const { policy: _policy, badge: _badge, ...input } = emu.demo.organizations.find((o) => o.signIn.method === 'oidc')!;
          await fileInput.setInputFiles(profileFile({ ...input, name: ORG_NAME, endpoints: { ...input.endpoints, sts: ATTACKER_STS } }));
          await page.getByText(`endpoints.sts: ${new URL(ATTACKER_STS).host} is not AWS’s own sts address`).waitFor();
          await fileInput.setInputFiles(profileFile({ ...input, name: ORG_NAME }));
          await dialog.getByText(input.endpoints!.sts!).waitFor();
        } else {
          const { policy: _policy, badge: _badge, ...input } = brokerDemoOrganization(emu.endpoints, broker.url);
          const hostile = { ...input, name: ORG_NAME, signIn: { ...input.signIn, brokerUrl: ATTACKER_BROKER } } as OrgInput;
          await fileInput.setInputFiles(profileFile(hostile));
          await page.getByText(`signIn.brokerUrl: ${new URL(ATTACKER_BROKER).host} is your organization’s own broker`).waitFor();
          await fileInput.setInputFiles(profileFile({ ...input, name: ORG_NAME }));
          await dialog.getByText(broker.url).waitFor();
        }
        await dialog.getByRole('button', { name: 'Add organization' }).click();

        // Sign in at the IdP in the "system browser".
        await page.getByRole('button', { name: `Sign in to ${ORG_NAME}` }).waitFor();
        const stay = page.getByLabel('Stay signed in on this computer');
        if (staySignedIn) await stay.check();
        else await stay.uncheck();
        const opened = app.nextOpened();
        await page.getByRole('button', { name: `Sign in to ${ORG_NAME}` }).click();
        await fetch(await loginWithPassword(await opened, USER, USER_PASSWORD));
        await page.getByText(`Signed in as ${USER}`).waitFor();
        entriesWhileSignedIn = (await keychainEntries(secrets)).filter((e) => !baseline.includes(e));
        for (const account of await secrets.accounts(KEYCHAIN_SERVICE)) {
          const stored = await secrets.get(KEYCHAIN_SERVICE, account);
          if (stored) keychainFields.push(...Object.keys(JSON.parse(stored) as Record<string, unknown>));
          if (stored)
            secretsSeen.push(
              ...Object.values(JSON.parse(stored) as Record<string, unknown>).filter((v): v is string => typeof v === 'string' && v.length > 12),
            );
        }

        // The desktops, and one started.
        await page.getByRole('heading', { name: 'Desktops', exact: true }).first().waitFor();
        await page
          .getByText(/(\d+) of \1 desktops/)
          .first()
          .waitFor({ timeout: 30_000 });
        const list = await app.core.api.desktops.list();
        desktops = list.ok ? [...list.value.desktops] : [];
        expect(desktops.length).toBeGreaterThan(3);
        const stopped = await desktopCard(page, 'Daily-AutoStop');
        await stopped.getByRole('button', { name: 'Actions for Daily-AutoStop' }).click();
        await stopped.getByRole('button', { name: 'Start', exact: true }).click();
        await stopped.locator('.state-badge[data-state="AVAILABLE"]').waitFor({ timeout: 60_000 });

        // An in-app VNC session, from the list: Connect, then (in the web host, which has no
        // session windows of its own) the viewer opens as a page of the app.
        if (broker === null) {
          const vnc = await desktopCard(page, 'Linux-VNC');
          await vnc.getByRole('button', { name: 'Connect to Linux-VNC' }).click();
          const popup = app.context.waitForEvent('page');
          await vnc.getByRole('button', { name: 'Show the viewer' }).click();
          const viewer = await popup;
          await viewer.getByLabel('VNC password').fill(VNC_PASSWORD);
          // The user asks to remember it: sign-out must take it out of the keychain again.
          await viewer.getByLabel('Remember it in this computer’s keychain').check();
          await viewer.getByRole('button', { name: 'Connect', exact: true }).click();
          await expect.poll(() => viewer.locator('.session').getAttribute('data-phase'), { timeout: 20_000 }).toBe('connected');
          await expect.poll(async () => (await secrets.accounts(VNC_SECRET_SERVICE)).filter((e) => !baseline.includes(e)).length).toBe(1);
          vncEntries = (await secrets.accounts(VNC_SECRET_SERVICE)).filter((e) => !baseline.includes(e));
          await viewer.getByRole('button', { name: 'Disconnect' }).click();
          await expect.poll(() => viewer.locator('.session').getAttribute('data-phase')).toBe('ended');
          await viewer.close();
        }

        // Sign out, then quit.
        await page.getByRole('button', { name: `Sign out of ${ORG_NAME}` }).click();
        await page.getByRole('button', { name: `Sign in to ${ORG_NAME}` }).waitFor();

        // Every preference changed in Settings: they go to the settings file, and nothing else with them.
        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByLabel('Theme', { exact: true }).selectOption('dark');
        await page.getByLabel('When Deskbridge opens and I have one desktop, connect to it').check();
        await page.getByLabel('Open RDP desktops full screen').check();
        await page.getByLabel('Language', { exact: true }).selectOption('de');
        await page.getByRole('heading', { level: 2, name: 'Einstellungen' }).waitFor();
        await expect
          .poll(async () => (JSON.parse(await readFile(app.settingsFile, 'utf8')) as { preferences: Record<string, unknown> }).preferences)
          .toEqual(PREFERENCES);
      } finally {
        await app.close();
      }
      const written: Record<string, string> = {};
      for (const [root, label] of [
        [home, 'HOME'],
        [temp, 'TMP'],
      ] as const) {
        for (const file of await filesUnder(root)) written[`${label}/${file}`] = await readFile(join(root, file), 'utf8').catch(() => '<unreadable>');
      }
      return {
        written,
        secretsSeen,
        entriesWhileSignedIn,
        keychainFields,
        vncEntries,
        entriesAfter: (await keychainEntries(secrets)).filter((e) => !baseline.includes(e)),
        desktops,
      };
    } finally {
      // Broker mode: the device called the IdP and the broker, never STS.
      if (broker !== null) expect(calls.filter((c) => c.service === 'sts')).toEqual([]);
      await broker?.close();
      await emu.stop();
      process.env.HOME = saved.HOME;
      if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved.TMPDIR;
      await rm(home, { recursive: true, force: true });
      await rm(temp, { recursive: true, force: true });
    }
  }

  function expectNothingPersonal(result: RunResult): void {
    // No connection file (.rdp, .dcv: host and CORP\\user inside) anywhere either.
    expect(Object.keys(result.written).filter((file) => /\.(rdp|dcv)$/i.test(file))).toEqual([]);
    expect(Object.keys(result.written)).toEqual(['HOME/.config/Deskbridge/settings.json']);
    const text = result.written['HOME/.config/Deskbridge/settings.json']!;
    expect(text).toContain(ORG_NAME);
    // The settings file holds organizations and preferences only; the preferences are the ones set, nothing more.
    const settings = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(settings).sort()).toEqual(['organizations', 'preferences', 'version']);
    expect(settings['preferences']).toEqual(PREFERENCES);
    // Nothing of the refused import, and nothing of IT's managed configuration, is kept.
    expect(text).not.toContain('attacker.example');
    expect(text).not.toContain('trustedHosts');
    const forbidden = [
      ...result.secretsSeen,
      USER,
      ...result.desktops.flatMap((d) => [d.workspaceId, d.ipAddress ?? '', d.userName, d.computerName ?? '']).filter((v) => v.length > 0),
    ];
    expect(forbidden.filter((value) => text.includes(value))).toEqual([]);
    // Token and key shapes, whatever their value.
    expect(text).not.toMatch(/eyJ[\w-]+\.|\b(AKIA|ASIA)[A-Z0-9]{16}\b|"(access|refresh|id)_?token"/i);
  }

  it('without "stay signed in": only the settings file remains, and the keychain holds only the VNC password the user asked to remember, until sign-out', async () => {
    const result = await fullSession(false);
    expect(result.entriesWhileSignedIn).toEqual([]);
    expect(result.vncEntries).toEqual([expect.stringMatching(new RegExp(`^[^/]+/ws-[a-z0-9]+@127\\.0\\.0\\.1:${xvnc.port}$`))]);
    expect(result.entriesAfter).toEqual([]);
    expectNothingPersonal(result);
  });

  it('with "stay signed in": exactly one keychain entry for the organization until sign-out, none after', async () => {
    const result = await fullSession(true);
    expect(result.entriesWhileSignedIn).toHaveLength(1);
    expect(result.vncEntries).toHaveLength(1);
    expect(result.secretsSeen.length).toBeGreaterThan(3);
    expect(result.entriesAfter).toEqual([]);
    expectNothingPersonal(result);
  });

  it('a broker session: only the settings file remains, no STS, and the keychain holds only the IdP’s refresh token until sign-out', async () => {
    const result = await fullSession(true, 'broker');
    expect(result.entriesWhileSignedIn).toHaveLength(1);
    expect([...result.keychainFields].sort()).toEqual(['refreshToken', 'v']);
    expect(result.vncEntries).toEqual([]);
    expect(result.entriesAfter).toEqual([]);
    expectNothingPersonal(result);
  });
});
