import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkElectronVersion, judge, KNOWN_LATEST_MAJOR } from './electron-version';
import { ALLOWLIST, scanWithElectronegativity } from './electronegativity';
import { lintSecurity } from './security-lint';
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
  await put('renderer/src/bad.tsx', `export function paint(el: HTMLElement, html: string): void {\n  el.innerHTML = html;\n  window.postMessage('x', '*');\n}\n`);
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
    for (const expected of ['Node integration', 'Context isolation', 'sandboxed', 'webSecurity', 'Insecure content', 'Experimental', 'Blink', '<webview>', 'in memory only']) {
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
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']),
    );
  });
});

describe('supported Electron major', () => {
  it('accepts the pinned Electron of this repository, offline', async () => {
    const result = await checkElectronVersion(root, null);
    expect(result.message).toMatch(/supported/);
    expect(result.ok).toBe(true);
    expect(result.source).toBe('constant');
  });

  it('supports the latest stable major and the two before it', () => {
    expect(judge(`${KNOWN_LATEST_MAJOR - 2}.1.0`, `^${KNOWN_LATEST_MAJOR - 2}.0.0`, null).ok).toBe(true);
    expect(judge(`${KNOWN_LATEST_MAJOR - 3}.9.9`, `^${KNOWN_LATEST_MAJOR - 3}.0.0`, null).ok).toBe(false);
  });

  it('lets a newer major from the registry move the window', () => {
    const result = judge(`${KNOWN_LATEST_MAJOR - 2}.1.0`, `^${KNOWN_LATEST_MAJOR - 2}.0.0`, `${KNOWN_LATEST_MAJOR + 1}.0.0`);
    expect(result).toMatchObject({ ok: false, source: 'registry', latestMajor: KNOWN_LATEST_MAJOR + 1 });
  });

  it('flags package.json asking for another major than the one installed', () => {
    expect(judge(`${KNOWN_LATEST_MAJOR}.0.0`, `^${KNOWN_LATEST_MAJOR - 1}.0.0`, null)).toMatchObject({ ok: false, message: expect.stringMatching(/asks for/) });
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
        const orgs = { ...core.api.orgs, importProfile: async () => ({ ok: true as const, value: { id: 'x', source: 'file' as const, input: JSON.parse('{}') as never } }) };
        return { ...core, api: { ...core.api, orgs } };
      },
    };
    expect((await checkTrustBoundaries(weakened)).map((f) => f.check)).toContain('trust/import-endpoints');
  });
});
