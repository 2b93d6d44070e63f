import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agplInBundle, agplInPackage, agplPackages } from './agpl';
import { CADENCE_ANCHOR, CADENCE_SLIP_MS, checkElectronVersion, estimatedSupportEnd, judge } from './electron-version';
import { ALLOWLIST, scanWithElectronegativity } from './electronegativity';
import { lintSecurity } from './security-lint';
import { checkSessionTrust, DESKBRIDGE } from './session-trust';
import { vncPasswordAccount } from '@core/sessions';
import { checkTrustBoundaries, REAL_SUBJECTS } from './trust-boundaries';

const root = resolve(import.meta.dirname, '../..');
let fixture: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(fixture, path)), { recursive: true });
  await writeFile(join(fixture, path), text);
}

const INSECURE_WINDOW = `import { BrowserWindow } from 'electron';
export const w = new BrowserWindow({
  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false,
    allowRunningInsecureContent: true, experimentalFeatures: true, enableBlinkFeatures: 'X', webviewTag: true,
    partition: 'persist:main' },
});
`;

beforeAll(async () => {
  fixture = await mkdtemp(join(tmpdir(), 'deskbridge-gate-test-'));
  await put('package.json', JSON.stringify({ name: 'fixture', devDependencies: { electron: '^45.0.0' } }));
  await put('electron/main/bad-window.ts', INSECURE_WINDOW);
  await put(
    'electron/main/bad-calls.ts',
    `import { app, crashReporter, shell, type WebContents } from 'electron';
export function f(contents: WebContents, code: string, url: string): void {
  // eslint-disable-next-line no-restricted-syntax
  void contents.executeJavaScript(code);
  void contents.insertCSS(code);
  void shell.openExternal(url);
  app.commandLine.appendSwitch('ignore-certificate-errors');
  crashReporter.start({ uploadToServer: true, submitURL: 'https://x' });
  void contents.loadURL('file:///etc/passwd');
}
`,
  );
  await put('electron/main/platform/electron-browser.ts', `import { shell } from 'electron';\nexport const open = (u: string) => shell.openExternal(u);\n`);
  await put(
    'renderer/src/bad.tsx',
    `export function paint(el: HTMLElement, html: string): void {\n  el.innerHTML = html;\n  window.postMessage('x', '*');\n}\n`,
  );
});
afterAll(async () => {
  await rm(fixture, { recursive: true, force: true });
});

describe('security lint rules', () => {
  it('passes on Deskbridge’s own sources', async () => {
    expect(await lintSecurity(root)).toEqual([]);
  });

  it('flags every insecure window preference', async () => {
    const findings = await lintSecurity(fixture, ['electron/main/bad-window.ts']);
    const lines = findings.map((f) => f.message).join('\n');
    for (const expected of [
      'Node integration',
      'Context isolation',
      'sandboxed',
      'webSecurity',
      'Insecure content',
      'Experimental',
      'Blink',
      '<webview>',
      'in memory only',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(findings.some((f) => f.check === '@microsoft/sdl/no-electron-node-integration')).toBe(true);
  });

  it('flags injected variables, openExternal outside the vetting module, weakening switches, crash uploads and file://, even behind eslint-disable', async () => {
    const findings = await lintSecurity(fixture, ['electron/main/bad-calls.ts']);
    const byLine = new Map(findings.map((f) => [f.line, f.message]));
    expect(byLine.get(4)).toMatch(/literal code/);
    expect(byLine.get(5)).toMatch(/literal code/);
    expect(byLine.get(6)).toMatch(/electron-browser\.ts/);
    expect(byLine.get(7)).toMatch(/Chromium switch/);
    expect(byLine.get(8)).toMatch(/Crash reports/);
    expect(byLine.get(9)).toMatch(/app:\/\//);
  });

  it('lets only the vetting module call shell.openExternal', async () => {
    expect(await lintSecurity(fixture, ['electron/main/platform/electron-browser.ts'])).toEqual([]);
  });

  it('flags innerHTML and postMessage to any origin in the renderer', async () => {
    const checks = (await lintSecurity(fixture, ['renderer/src'])).map((f) => f.check);
    expect(checks).toEqual(expect.arrayContaining(['@microsoft/sdl/no-inner-html', '@microsoft/sdl/no-postmessage-star-origin']));
  });
});

describe('Electronegativity', () => {
  it('finds nothing at MEDIUM or worse in Deskbridge outside the commented allowlist', async () => {
    const report = await scanWithElectronegativity(root, '45.5.0');
    expect(report.findings).toEqual([]);
    expect(report.checks).toBeGreaterThan(30);
    for (const entry of ALLOWLIST) expect(entry.why.length).toBeGreaterThan(40);
  });

  it('fails an insecure window without navigation limits, permission handler or CSP', async () => {
    const report = await scanWithElectronegativity(fixture, '45.5.0', ALLOWLIST, ['electron', 'package.json']);
    const ids = report.findings.map((f) => f.check);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'INSECURE_CONTENT_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]),
    );
  });
});

describe('supported Electron major', () => {
  const { major, released } = CADENCE_ANCHOR;
  const weeks = (n: number): number => n * 7 * 86_400_000;

  it('accepts the pinned Electron of this repository, offline, from the release cadence', async () => {
    const result = await checkElectronVersion(root, null, released + weeks(4));
    expect(result).toMatchObject({ ok: true, support: 'supported', source: 'release cadence' });
    expect(result.message).toMatch(/supported until about/);
  });

  it('fails an old pin offline once the cadence says three newer majors have shipped', () => {
    // The old check compared the pin with a constant equal to it, so offline it could never fail.
    const result = judge(`${major}.1.0`, `^${major}.0.0`, null, released + weeks(24) + CADENCE_SLIP_MS);
    expect(result).toMatchObject({ ok: false, support: 'unsupported', source: 'release cadence' });
    expect(result.message).toMatch(/left support/);
    expect(judge(`${major - 1}.0.0`, `^${major - 1}.0.0`, null, released + weeks(16) + CADENCE_SLIP_MS).support).toBe('unsupported');
  });

  it('says UNKNOWN rather than passing when the estimate is too close to call offline', () => {
    const nearEnd = estimatedSupportEnd(major) - weeks(1);
    const result = judge(`${major}.0.0`, `^${major}.0.0`, null, nearEnd);
    expect(result).toMatchObject({ ok: false, support: 'unknown' });
    expect(result.message).toMatch(/^UNKNOWN whether Electron 45 is still supported.*registry/);
  });

  it('supports the latest stable major from the registry and the two before it', () => {
    expect(judge('43.1.0', '^43.0.0', '45.2.0', released)).toMatchObject({ ok: true, support: 'supported', source: 'registry', supported: [45, 44, 43] });
    expect(judge('42.9.9', '^42.0.0', '45.2.0', released)).toMatchObject({ ok: false, support: 'unsupported', source: 'registry' });
  });

  it('lets the registry overrule the estimate both ways', () => {
    expect(judge(`${major}.1.0`, `^${major}.0.0`, `${major + 3}.0.0`, released).support).toBe('unsupported');
    expect(judge(`${major}.1.0`, `^${major}.0.0`, `${major + 2}.0.0`, released + weeks(30)).support).toBe('supported');
  });

  it('flags package.json asking for another major than the one installed', () => {
    expect(judge(`${major}.0.0`, `^${major - 1}.0.0`, null, released)).toMatchObject({ ok: false, message: expect.stringMatching(/asks for/) });
  });
});

describe('session trust checks (issue 15: session window, VNC passwords, connection files)', () => {
  it('pass on Deskbridge', async () => {
    expect(await checkSessionTrust()).toEqual([]);
  });

  it('fail a session preload with the full API and a product that accepts loopback viewers', async () => {
    const checks = (
      await checkSessionTrust({
        ...DESKBRIDGE,
        sessionBridge: () => ({ orgs: {}, auth: {}, sessions: { list: null, vncTicket: null } }),
        isViewerOrigin: (origin) => origin === 'app://deskbridge' || /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(origin),
      })
    ).map((f) => f.check);
    expect(checks).toEqual(['session-window-api', 'viewer-origin']);
  });

  it('fail VNC passwords keyed by the desktop alone, or kept after sign-out and organization removal', async () => {
    const findings = await checkSessionTrust({
      ...DESKBRIDGE,
      vncPasswordAccount: (desktopKey) => desktopKey,
      createSessions: (base, ports) =>
        DESKBRIDGE.createSessions(
          { ...base, auth: undefined, orgs: { find: (id: string) => base.orgs.find(id), onRemove: () => undefined } as unknown as typeof base.orgs },
          ports,
        ),
    });
    expect(findings.map((f) => f.check)).toEqual(['vnc-password-binding', 'vnc-password-wipe', 'vnc-password-wipe']);
    expect(findings[1]?.message).toMatch(/survives sign-out/);
    expect(findings[2]?.message).toMatch(/survives removal/);
    expect(vncPasswordAccount('o/w', { host: '::1', port: 5900 })).toBe('o/w@[::1]:5900');
  });

  it('fail connection files written to the OS temp folder', async () => {
    const findings = await checkSessionTrust({ ...DESKBRIDGE, connectionFilesDir: () => undefined });
    expect(findings.map((f) => f.check)).toEqual(['connection-files']);
  });
});

describe('the AGPL IAM evaluator stays out of the app', () => {
  it('is found by its licence and is a dev dependency only, outside what electron-builder ships', async () => {
    const agpl = await agplPackages(root);
    expect(agpl).toContain('@cloud-copilot/iam-simulate');
    expect(await agplInPackage(root, agpl)).toEqual([]);
  });

  it('is not in the real build (electron-vite build → out/)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'deskbridge-agpl-build-'));
    try {
      await promisify(execFile)(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out], { cwd: root });
      // The scan looked at a real bundle, not an empty folder.
      expect((await stat(join(out, 'main/index.cjs'))).size).toBeGreaterThan(0);
      expect(await agplInBundle(out, await agplPackages(root))).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('the checks bite: a bundled evaluator, a production dependency on it', async () => {
    await put('out/main/index.cjs', 'const sim = require("@cloud-copilot/iam-simulate");\n');
    await put('out/renderer/assets/x.js', 'throw new Error("must.use.wildcard");\n');
    await put('out/renderer/assets/clean.js', 'export const ok = 1;\n');
    const bundle = await agplInBundle(join(fixture, 'out'), ['@cloud-copilot/iam-simulate']);
    expect(bundle.map((f) => f.file).sort()).toEqual(['main/index.cjs', 'renderer/assets/x.js']);

    const project = await mkdtemp(join(tmpdir(), 'deskbridge-agpl-pkg-'));
    try {
      await mkdir(join(project, 'build'), { recursive: true });
      await writeFile(join(project, 'build/electron-builder.config.cjs'), "module.exports = { files: ['out/**', 'package.json'] };\n");
      await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'p', dependencies: { '@cloud-copilot/iam-simulate': '1.0.0' } }));
      await mkdir(join(project, 'node_modules/@cloud-copilot/iam-simulate'), { recursive: true });
      await writeFile(
        join(project, 'node_modules/@cloud-copilot/iam-simulate/package.json'),
        JSON.stringify({ name: '@cloud-copilot/iam-simulate', license: 'AGPL-3.0-or-later' }),
      );
      const found = await agplPackages(project);
      expect(found).toEqual(['@cloud-copilot/iam-simulate']);
      expect((await agplInPackage(project, found)).map((f) => f.check).sort()).toEqual(['agpl/closure', 'agpl/dependency']);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe('trust boundaries (issue 15 items 1 and 2)', () => {
  it('hold in Deskbridge: hostile imports refused, nothing unconfirmed, env override ignored when packaged, writable policy ignored', async () => {
    expect(await checkTrustBoundaries()).toEqual([]);
  });

  it('catch an implementation that honours DESKBRIDGE_POLICY_FILE when packaged, or reads a policy file anyone can write', async () => {
    const weakened = {
      ...REAL_SUBJECTS,
      electronPaths: (dir: string, env: NodeJS.ProcessEnv) => ({ settingsFile: join(dir, 'settings.json'), policyFile: env.DESKBRIDGE_POLICY_FILE ?? null }),
      readAdminOnlyFile: async () => ({ kind: 'text' as const, text: '{}' }),
    };
    expect((await checkTrustBoundaries(weakened)).map((f) => f.check)).toEqual(['trust/env-override-packaged', 'trust/policy-file-writable']);
  });

  it('catch a core that adds an imported profile with an attacker’s endpoints at once', async () => {
    const weakened = {
      ...REAL_SUBJECTS,
      createCore: async (...args: Parameters<typeof REAL_SUBJECTS.createCore>) => {
        const core = await REAL_SUBJECTS.createCore(...args);
        const orgs = {
          ...core.api.orgs,
          importProfile: async () => ({ ok: true as const, value: { id: 'x', source: 'file' as const, input: JSON.parse('{}') as never } }),
        };
        return { ...core, api: { ...core.api, orgs } };
      },
    };
    expect((await checkTrustBoundaries(weakened)).map((f) => f.check)).toContain('trust/import-endpoints');
  });
});
