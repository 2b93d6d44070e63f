/** The licences of shipped dependencies (Settings › About), generated at build time. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { collectLicences, licenceOf } from '../../build/scripts/licences.mjs';

const ROOT = join(__dirname, '..', '..');
type Entry = { name: string; version: string; licence: string };

describe('the licences of shipped dependencies', () => {
  it('lists react and zod with their licences, and no development tool', () => {
    const licences = (collectLicences as (root?: string) => Entry[])(ROOT);
    expect(licences).toContainEqual(expect.objectContaining({ name: 'react', licence: 'MIT' }));
    expect(licences).toContainEqual(expect.objectContaining({ name: 'zod', licence: 'MIT' }));
    expect(licences).toContainEqual(expect.objectContaining({ name: '@aws-sdk/client-workspaces', licence: 'Apache-2.0' }));
    const names = licences.map((l) => l.name);
    for (const devOnly of ['vitest', 'electron', 'typescript', 'eslint', 'oidc-provider']) expect(names).not.toContain(devOnly);
    expect(licences.filter((l) => l.licence === 'UNKNOWN')).toEqual([]);
  });

  it('walks the same tree as npm ls --omit=dev', () => {
    const npm = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(1)
      .map((dir) => relative(ROOT, dir).split(`node_modules${sep}`).at(-1)!.replaceAll(sep, '/').replace(/\/$/, ''));
    const ours = (collectLicences as (root?: string) => Entry[])(ROOT).map((l) => l.name);
    expect([...new Set(ours)].sort()).toEqual([...new Set(npm)].sort());
  });

  it('is written by the build script, and the copy the renderer imports is current', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskbridge-licences-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'build/scripts/licences.mjs'), join(dir, 'licences.json')], { cwd: ROOT });
      const written = JSON.parse(await readFile(join(dir, 'licences.json'), 'utf8')) as Entry[];
      const committed = JSON.parse(await readFile(join(ROOT, 'renderer/src/features/settings/licences.json'), 'utf8')) as Entry[];
      expect(written).toEqual(committed);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).scripts.build).toMatch(/licences\.mjs/);
  });

  it('reads the old and odd forms of a package’s licence', () => {
    expect(licenceOf({ license: 'ISC' })).toBe('ISC');
    expect(licenceOf({ license: { type: 'MIT' } })).toBe('MIT');
    expect(licenceOf({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe('MIT OR Apache-2.0');
    expect(licenceOf({})).toBe('UNKNOWN');
  });
});
