/** Issue 13: the lint rule that keeps core's HTTP on the network port, proven to bite. */
import { ESLint, type Linter } from 'eslint';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(async () => {
  const { layering } = (await import(pathToFileURL(join(root, 'eslint.config.js')).href)) as { layering: Linter.Config[] };
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layering],
  });
});

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const x = 1;\n`, { filePath: join(root, file) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const bypasses: [string, string][] = [
  ['the global fetch', "export const r = fetch('https://example.com');"],
  ['undici', "import { request } from 'undici';"],
  ['an undici subpath', "import { Agent } from 'undici/types/agent';"],
  ['node:https', "import https from 'node:https';"],
  ['node:http’s client', "import { request } from 'node:http';"],
  ['http’s get', "import { get } from 'http';"],
];

describe('core makes HTTP requests only through the network port (ESLint)', () => {
  it.each(bypasses)('fails the lint for %s in core', async (_what, code) => {
    const messages = await lint('electron/core/auth/x.ts', code);
    expect(
      messages.some((m) => /network port/.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('allows node:http’s server (the loopback listeners)', async () => {
    expect(await lint('electron/core/auth/x.ts', "import { createServer } from 'node:http';")).toEqual([]);
  });

  it('allows undici in the Node adapter only, and still bans electron there', async () => {
    expect(await lint('electron/core/network/node-network.ts', "import { Agent } from 'undici';\nimport { request } from 'node:http';")).toEqual([]);
    expect((await lint('electron/core/network/node-network.ts', "import { app } from 'electron';")).length).toBeGreaterThan(0);
  });
});
