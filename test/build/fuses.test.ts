import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
const require = createRequire(import.meta.url);
const afterPack = require('../../build/fuses.cjs') as ((context: PackContext) => Promise<void>) & {
  electronBinaryPath(context: PackContext): string;
};

// From @electron/fuses: the sentinel, then the wire version and length, then one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

/** A stand-in for an Electron binary: random bytes around one or more fuse wires (universal = two). */
function syntheticBinary(wires = 1, fuses = 8, version = 1): Buffer {
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'ascii'), Buffer.from([version, fuses]), Buffer.alloc(fuses, ENABLE)]);
  const parts: Buffer[] = [Buffer.from('\x7fELF padding before the wire')];
  for (let i = 0; i < wires; i++) parts.push(wire, Buffer.from(`slice ${i} code after the wire`));
  return Buffer.concat(parts);
}

const EXPECTED: Record<FuseV1Options, number> = {
  [FuseV1Options.RunAsNode]: DISABLE,
  [FuseV1Options.EnableCookieEncryption]: ENABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: DISABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: DISABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ENABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: ENABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: DISABLE,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-fuses-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const linux = (): PackContext => ({ appOutDir: dir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Deskbridge' }, executableName: 'deskbridge' } });

describe('fuses flipped by the afterPack hook', () => {
  it('sets every fuse of the wire to Deskbridge’s hardened values', async () => {
    const binary = join(dir, 'deskbridge');
    await writeFile(binary, syntheticBinary());
    await afterPack(linux());
    const wire = await getCurrentFuseWire(binary);
    for (const [fuse, state] of Object.entries(EXPECTED)) expect([FuseV1Options[Number(fuse)], wire[Number(fuse) as FuseV1Options]]).toEqual([FuseV1Options[Number(fuse)], state]);
  });

  it('changes only the wire bytes of the binary', async () => {
    const binary = join(dir, 'deskbridge');
    const before = syntheticBinary();
    await writeFile(binary, before);
    await afterPack(linux());
    const after = await readFile(binary);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    expect(changed.every((i) => i >= wireStart && i < wireStart + 8)).toBe(true);
    expect(changed.length).toBe(5);
  });

  it('flips both slices of a universal macOS framework', async () => {
    const framework = join(dir, 'Deskbridge.app', 'Contents', 'Frameworks', 'Electron Framework.framework');
    await mkdir(framework, { recursive: true });
    await writeFile(join(framework, 'Electron Framework'), syntheticBinary(2));
    await afterPack({ appOutDir: dir, electronPlatformName: 'darwin', packager: { appInfo: { productFilename: 'Deskbridge' } } });
    const bytes = await readFile(join(framework, 'Electron Framework'));
    for (const at of [bytes.indexOf(SENTINEL), bytes.lastIndexOf(SENTINEL)]) {
      expect(bytes[at + SENTINEL.length + 2 + FuseV1Options.RunAsNode]).toBe(DISABLE);
      expect(bytes[at + SENTINEL.length + 2 + FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    }
  });

  it('finds the Windows executable', () => {
    expect(afterPack.electronBinaryPath({ appOutDir: 'C:/out', electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'Deskbridge' } } })).toMatch(/Deskbridge\.exe$/);
  });

  it('fails the build when Electron adds a fuse nobody decided on (strictlyRequireAllFuses)', async () => {
    await writeFile(join(dir, 'deskbridge'), syntheticBinary(1, 9));
    await expect(afterPack(linux())).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('fails the build on an unknown fuse wire version', async () => {
    await writeFile(join(dir, 'deskbridge'), syntheticBinary(1, 8, 2));
    await expect(afterPack(linux())).rejects.toThrow(/fuse wire version/);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    await writeFile(join(dir, 'deskbridge'), Buffer.from('not electron'));
    await expect(afterPack(linux())).rejects.toThrow(/sentinel/);
  });
});
