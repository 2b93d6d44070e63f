import { readdir, readFile, stat } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempFiles } from '@core/sessions/temp-files';

describe('TempFiles', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'deskbridge-temp-test-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('writes each file 0600 inside a private 0700 folder', async () => {
    const files = new TempFiles(base);
    const file = await files.write('rdp', 'full address:s:host');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(file))).mode & 0o777).toBe(0o700);
    expect(dirname(dirname(file))).toBe(base);
    expect(await readFile(file, 'utf8')).toBe('full address:s:host');
    expect(file).toMatch(/[0-9a-f]{16}\.rdp$/);
  });

  it('keeps the 0600 mode under a permissive umask', async () => {
    const previous = process.umask(0);
    try {
      const file = await new TempFiles(base).write('dcv', 'x');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('removes one file, and everything on dispose', async () => {
    const files = new TempFiles(base);
    const a = await files.write('rdp', 'a');
    const b = await files.write('dcv', 'b');
    await files.remove(a);
    await expect(stat(a)).rejects.toThrow();
    expect(await readdir(dirname(b))).toEqual([b.slice(dirname(b).length + 1)]);
    await files.dispose();
    expect(await readdir(base)).toEqual([]);
  });

  it('refuses odd extensions', async () => {
    await expect(new TempFiles(base).write('../x', 'a')).rejects.toThrow();
  });
});
