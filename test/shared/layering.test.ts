import { ESLint, type Linter } from 'eslint';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(async () => {
  // The very layering table the project lints with, not a copy of it.
  const { layering } = (await import(pathToFileURL(join(root, 'eslint.config.js')).href)) as { layering: Linter.Config[] };
  expect(layering.length).toBeGreaterThan(0);
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...layering],
  });
});

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const x = 1;\n`, { filePath: join(root, file) });
  expect(result, file).toBeDefined();
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'fixture must parse').toEqual([]);
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const forbidden: [string, string, string][] = [
  ['electron inside core', 'electron/core/x.ts', "import { app } from 'electron';"],
  ['an electron subpath inside core', 'electron/core/x.ts', "import { app } from 'electron/main';"],
  ['main inside core', 'electron/core/orgs/x.ts', "import { bindIpc } from '../../main/ipc/bind-ipc';"],
  ['the renderer inside core', 'electron/core/x.ts', "import { App } from '../../renderer/src/app/app';"],
  ['electron inside shared', 'shared/x.ts', "import { app } from 'electron';"],
  ['node:fs inside shared', 'shared/x.ts', "import fs from 'node:fs';"],
  ['a bare Node built-in inside shared', 'shared/lib/x.ts', "import { join } from 'path';"],
  ['React inside shared', 'shared/x.ts', "import { useState } from 'react';"],
  ['core inside shared', 'shared/ipc/x.ts', "import { createCore } from '../../electron/core';"],
  ['the renderer inside shared', 'shared/x.ts', "import { api } from '../renderer/src/ipc/api';"],
  ['core inside the renderer', 'renderer/src/x.ts', "import '../../electron/core/api';"],
  ['core inside a renderer component', 'renderer/src/features/orgs/x.tsx', "import { createApi } from '../../../../electron/core/api';"],
  ['electron inside the renderer', 'renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
  ['node:fs inside the renderer', 'renderer/src/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['raw ipcMain outside main/ipc', 'electron/main/windows/x.ts', "import { ipcMain } from 'electron';"],
  ['the renderer inside main', 'electron/main/x.ts', "import { App } from '../../renderer/src/app/app';"],
  ['the preload inside main', 'electron/main/x.ts', "import '../preload/index';"],
  ['core inside the preload', 'electron/preload/x.ts', "import { dispatch } from '../core/ipc-dispatch';"],
  ['shared/lib inside the preload', 'electron/preload/x.ts', "import { parseDeepLink } from '../../shared/lib/deep-link';"],
  ['Node inside the preload', 'electron/preload/x.ts', "import { join } from 'node:path';"],
  ['electron inside a core test', 'test/core/x.test.ts', "import { app } from 'electron';"],
  ['a re-export of electron inside core', 'electron/core/x.ts', "export { app } from 'electron';"],
  ['a type-only electron import inside core', 'electron/core/x.ts', "import type { App } from 'electron';"],
  ['a dynamic import of electron inside core', 'electron/core/x.ts', "export const load = () => import('electron');"],
  ['require(electron) inside core', 'electron/core/x.ts', "export const e: unknown = require('electron');"],
  ['require(node:fs) inside shared', 'shared/x.ts', "export const fs: unknown = require('node:fs');"],
  ['a dynamic import of electron inside the renderer', 'renderer/src/x.ts', "export const load = () => import('electron/renderer');"],
  ['core inside the IT kit', 'deploy/admin/x.ts', "import { createCore } from '../../electron/core';"],
  ['the renderer inside the IT kit', 'deploy/x.ts', "import { App } from '../renderer/src/app/app';"],
  ['electron inside the IT kit', 'deploy/stacks/x.ts', "import { app } from 'electron';"],
  ['the emulator inside the IT kit', 'deploy/x.ts', "import { startEmulator } from '../test/emulator';"],
  ['electron/main inside the web host', 'test/harness/x.ts', "import { cspFor } from '../../electron/main/windows/content-security-policy';"],
  ['the main composition root inside the web host', 'test/harness/x.ts', "import '../../electron/main';"],
  ['electron/main inside a nested web host file', 'test/harness/sub/x.ts', "import { isAppUrl } from '../../../electron/main/windows/guards';"],
  ['a dynamic import of electron/main inside the web host', 'test/harness/x.ts', "export const load = () => import('../../electron/main/index');"],
  ['electron inside the web host', 'test/harness/x.ts', "import { app } from 'electron';"],
  ['core inside the broker', 'broker/src/x.ts', "import { listDesktops } from '../../electron/core/workspaces/list-desktops';"],
  ['electron inside the broker', 'broker/src/x.ts', "import { app } from 'electron';"],
  ['the renderer inside the broker', 'broker/src/x.ts', "import { App } from '../../renderer/src/app/app';"],
  ['require(electron) inside the broker', 'broker/src/x.ts', "export const e: unknown = require('electron');"],
  // The same bans through the path aliases (build/aliases.ts).
  ['core inside shared, by alias', 'shared/ipc/x.ts', "import { createCore } from '@core/index';"],
  ['the renderer inside shared, by alias', 'shared/x.ts', "import { api } from '@renderer/ipc/api';"],
  ['main inside core, by alias', 'electron/core/orgs/x.ts', "import { bindIpc } from '@main/ipc/bind-ipc';"],
  ['the renderer inside core, by alias', 'electron/core/x.ts', "import { App } from '@renderer/app/app';"],
  ['core inside the renderer, by alias', 'renderer/src/features/orgs/x.tsx', "import { createApi } from '@core/api';"],
  ['the renderer inside main, by alias', 'electron/main/x.ts', "import { App } from '@renderer/app/app';"],
  ['the preload inside main/ipc, by alias', 'electron/main/ipc/x.ts', "import '@preload/index';"],
  ['core inside the preload, by alias', 'electron/preload/x.ts', "import { dispatch } from '@core/ipc-dispatch';"],
  ['shared/lib inside the preload, by alias', 'electron/preload/x.ts', "import { parseDeepLink } from '@shared/lib/deep-link';"],
  ['core inside the IT kit, by alias', 'deploy/admin/x.ts', "import { createCore } from '@core/index';"],
  ['electron/main inside the web host, by alias', 'test/harness/x.ts', "import { cspFor } from '@main/windows/content-security-policy';"],
  ['a dynamic import of electron/main inside the web host, by alias', 'test/harness/x.ts', "export const load = () => import('@main/index');"],
];

const allowed: [string, string, string][] = [
  ['Node inside core', 'electron/core/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['shared inside core', 'electron/core/orgs/x.ts', "import { parseDeepLink } from '../../../shared/lib/deep-link';"],
  ['shared inside core, by alias', 'electron/core/orgs/x.ts', "import { parseDeepLink } from '@shared/lib/deep-link';"],
  ['shared inside the renderer, by alias', 'renderer/src/features/orgs/x.tsx', "import { parseRegistrationCode } from '@shared/lib/registration-code';"],
  ['core inside main, by alias', 'electron/main/x.ts', "import { createCore } from '@core/index';"],
  ['shared/ipc inside the preload, by alias', 'electron/preload/x.ts', "import { CHANNELS } from '@shared/ipc/contract';"],
  ['zod inside shared', 'shared/x.ts', "import { z } from 'zod';"],
  ['shared inside shared', 'shared/ipc/x.ts', "import { parseDeepLink } from '../lib/deep-link';"],
  ['shared inside the renderer', 'renderer/src/x.ts', "import { parseRegistrationCode } from '../../shared/lib/registration-code';"],
  ['React inside the renderer', 'renderer/src/x.tsx', "import { useState } from 'react';"],
  ['electron inside main', 'electron/main/x.ts', "import { app, BrowserWindow } from 'electron';"],
  ['ipcMain inside main/ipc', 'electron/main/ipc/x.ts', "import { ipcMain } from 'electron';"],
  ['core inside main', 'electron/main/x.ts', "import { createCore } from '../core';"],
  ['electron inside the preload', 'electron/preload/x.ts', "import { contextBridge, ipcRenderer } from 'electron';"],
  ['shared/ipc inside the preload', 'electron/preload/x.ts', "import { buildBridge } from '../../shared/ipc/bridge';"],
  ['the fake electron inside main tests', 'test/main/x.test.ts', "import { app } from 'electron';"],
  ['core inside core tests', 'test/core/x.test.ts', "import { createCore } from '../../electron/core';"],
  ['a dynamic import of an npm package inside core', 'electron/core/vault/x.ts', "export const load = () => import('keytar');"],
  [
    'shared and Node inside the IT kit',
    'deploy/admin/x.ts',
    "import { kitPermissionPolicy } from '../../shared/iam/kit-policy';\nimport { parseArgs } from 'node:util';",
  ],
  ['the CDK inside the IT kit', 'deploy/stacks/x.ts', "import { Stack } from 'aws-cdk-lib';"],
  ['a dynamic import of core inside the web host', 'test/harness/x.ts', "export const load = () => import('../../electron/core/api');"],
  [
    'shared, Node and npm inside the broker',
    'broker/src/x.ts',
    "import { brokerDesktopSchema } from '../../shared/broker/api';\nimport { createServer } from 'node:http';\nimport { jwtVerify } from 'jose';",
  ],
  [
    'core and shared inside the web host',
    'test/harness/x.ts',
    "import { dispatch } from '../../electron/core/ipc-dispatch';\nimport { mimeType } from '../../electron/core/host/app-assets';\nimport { cspFor } from '../../shared/lib/content-security-policy';",
  ],
];

describe('the layering table (ESLint)', () => {
  it.each(forbidden)('fails the lint for %s', async (_what, file, code) => {
    const messages = await lint(file, code);
    expect(
      messages.some((m) => /^no-restricted-(imports|syntax):/.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each(allowed)('allows %s', async (_what, file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('the layering table (TypeScript project references)', () => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');

  /** Type-checks one fixture (`<root>` in it is the repository root, relative) as if it were a file of `layer` (that layer's own tsconfig: lib, types, references). */
  async function typecheck(layer: 'shared' | 'renderer', code: string): Promise<string> {
    await mkdir(join(root, '.tsbuild'), { recursive: true });
    const dir = await mkdtemp(join(root, '.tsbuild', 'layering-'));
    try {
      const rel = relative(dir, root);
      const tsconfig = {
        extends: `${rel}/${layer}/tsconfig.json`,
        compilerOptions: { outDir: './out', rootDir: rel, tsBuildInfoFile: './out/tsbuildinfo' },
        include: ['fixture.ts'],
        references: [{ path: `${rel}/shared` }],
      };
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      await writeFile(join(dir, 'fixture.ts'), `${code.replaceAll('<root>', rel)}\n`);
      const run = await new Promise<{ code: number | null; out: string }>((done) => {
        execFile(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root }, (error, stdout, stderr) => {
          done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
        });
      });
      return run.code === 0 ? '' : run.out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('fails to compile a renderer file that imports core', { timeout: 60_000 }, async () => {
    expect(await typecheck('renderer', "import { createApi } from '<root>/electron/core/api';\nexport const x = createApi;")).toMatch(/TS6307/);
  });

  it('fails to compile a shared file that imports node:fs (shared has no Node types)', { timeout: 60_000 }, async () => {
    expect(await typecheck('shared', "import fs from 'node:fs';\nexport const x = fs;")).toMatch(/TS2307.*node:fs/);
  });

  it('compiles a shared file that imports a pure package', { timeout: 60_000 }, async () => {
    expect(await typecheck('shared', "import { z } from 'zod';\nexport const x = z.string();")).toBe('');
  });
});
