import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEEP_LINK_SCHEME } from '@shared/lib/deep-link';
import { appFiles, productionClosure } from './asar-files';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Target {
  readonly target: string;
  readonly arch?: readonly string[];
}
interface BuilderConfig {
  readonly appId: string;
  readonly productName: string;
  readonly files: readonly string[];
  readonly afterPack: string;
  readonly asar: boolean;
  readonly icon: string;
  readonly protocols: readonly { readonly schemes: readonly string[] }[];
  readonly mac: { readonly target: readonly Target[]; readonly hardenedRuntime: boolean; readonly entitlements: string; readonly entitlementsInherit: string };
  readonly win: { readonly target: readonly Target[] };
  readonly nsis: { readonly oneClick: boolean; readonly perMachine: boolean; readonly allowElevation: boolean; readonly include: string };
  readonly linux: { readonly target: readonly string[]; readonly executableName: string };
}

const config = require('../../build/electron-builder.config.cjs') as BuilderConfig;
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  productName: string;
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation (and the validation bites)', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, quietLogger)).rejects.toThrow();
  });

  it('is what `npm run dist` uses, with Deskbridge’s app id and product name', () => {
    expect(pkg.scripts.dist).toContain('--config build/electron-builder.config.cjs');
    expect(config.appId).toBe('org.deskbridge.app');
    expect(config.productName).toBe(pkg.productName);
  });

  it('builds a universal, hardened-runtime dmg and zip for macOS', async () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ]);
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = await readFile(join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    // Nothing that would weaken the hardened runtime beyond what V8 needs.
    expect(entitlements).not.toMatch(/disable-library-validation|allow-dyld-environment-variables|get-task-allow/);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
  });

  it('builds a per-user NSIS installer for Windows', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
  });

  it('builds AppImage, deb and rpm for Linux', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.linux.executableName).toBe('deskbridge');
  });

  it('registers the deskbridge:// scheme on every platform', async () => {
    // macOS (CFBundleURLTypes) and Linux (MimeType=x-scheme-handler/…) come from `protocols`.
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual([DEEP_LINK_SCHEME]);
    // Windows: the NSIS include writes the per-user URL handler.
    const nsh = await readFile(join(root, config.nsis.include), 'utf8');
    expect(nsh).toContain(`Software\\Classes\\${DEEP_LINK_SCHEME}" "URL Protocol"`);
    expect(nsh).toContain(`Software\\Classes\\${DEEP_LINK_SCHEME}\\shell\\open\\command" "" '"$appExe" "%1"'`);
    expect(nsh).toMatch(/customUnInstall[\s\S]*DeleteRegKey SHELL_CONTEXT "Software\\Classes\\deskbridge"/);
  });

  it('flips the fuses after packing, with the hook that the fuse tests exercise', () => {
    expect(config.asar).toBe(true);
    expect(resolve(root, config.afterPack)).toBe(join(root, 'build/fuses.cjs'));
    expect(typeof require(resolve(root, config.afterPack))).toBe('function');
  });

  it('has a 1024×1024 PNG icon', async () => {
    const png = await readFile(join(root, config.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});

describe('what goes into the package', () => {
  let project: string;
  let files: string[];

  beforeAll(async () => {
    // The real build, into a scratch project folder so the repository's out/ is left alone.
    project = await mkdtemp(join(tmpdir(), 'deskbridge-asar-test-'));
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(project, 'out')], {
      cwd: root,
    });
    await copyFile(join(root, 'package.json'), join(project, 'package.json'));
    files = await appFiles(project, config.files);
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('contains the built main, preload and renderer and package.json', async () => {
    expect(files).toContain('package.json');
    expect(files).toContain(pkg.main);
    expect(files).toContain('out/preload/index.cjs');
    expect(files).toContain('out/preload/session.cjs');
    expect(files).toContain('out/renderer/index.html');
    expect((await stat(join(project, pkg.main))).size).toBeGreaterThan(0);
  });

  it('builds each preload (main window, session window) as one sandbox-safe file that requires only electron', async () => {
    const preloads = files.filter((f) => f.startsWith('out/preload/'));
    expect(preloads.sort()).toEqual(['out/preload/index.cjs', 'out/preload/session.cjs']);
    for (const file of preloads) {
      const code = await readFile(join(project, file), 'utf8');
      expect([file, [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])]).toEqual([file, ['electron']]);
    }
    const session = await readFile(join(project, 'out/preload/session.cjs'), 'utf8');
    for (const channel of ['orgs', 'auth', 'desktops', 'diagnostics']) expect(session).not.toContain(`"${channel}"`);
  });

  it('contains no source maps, TypeScript sources or test code', async () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__)\//.test(f) || /\.test\./.test(f))).toEqual([]);
    for (const file of files.filter((f) => /\.(c?js|html)$/.test(f))) {
      const text = await readFile(join(project, file), 'utf8');
      expect([file, /sourceMappingURL=/.test(text)]).toEqual([file, false]);
      // No module from test/ is bundled (the bundler marks each module with a `// path` comment),
      // nor the emulator, the web harness or the fake electron module by name.
      expect([file, text.match(/^\/\/ test\/\S+/m)?.[0] ?? null]).toEqual([file, null]);
      expect([file, /startEmulator|startHarness|fake-electron/.test(text)]).toEqual([file, false]);
    }
  });

  it('would not pack a source map even if a build produced one', () => {
    expect(config.files.includes('!**/*.map')).toBe(true);
  });

  it('ships only production dependencies, none of the dev dependencies', async () => {
    const closure = await productionClosure(root);
    for (const dependency of Object.keys(pkg.dependencies)) expect(closure.has(dependency)).toBe(true);
    // Dev tools never reach the package. (Some dev dependencies, e.g. @smithy/signature-v4 for the
    // emulator, are also dependencies of the AWS SDK and rightly ship as such.)
    const devTools = [
      'electron',
      'electron-builder',
      'electron-vite',
      'vite',
      'vitest',
      'typescript',
      'tsx',
      'eslint',
      'jsdom',
      'playwright-core',
      'oidc-provider',
      'fast-check',
      '@doyensec/electronegativity',
      '@electron/fuses',
      '@testing-library/react',
    ];
    for (const tool of devTools) expect(pkg.devDependencies).toHaveProperty([tool]);
    expect(devTools.filter((tool) => closure.has(tool))).toEqual([]);
  });
});
