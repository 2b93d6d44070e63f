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
  FUSES: ReadonlyArray<readonly [string, boolean]>;
};
const pinnedElectron = (require('electron/package.json') as { version: string }).version;

// From @electron/fuses: the sentinel, then the wire version and length, then one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;
const REMOVED = 0x72;

/**
 * The pinned Electron major and the length of its fuse wire (electron/electron
 * build/fuses/fuses.json5 at v45: run_as_node … grant_file_protocol_extra_privileges,
 * wasm_trap_handlers). An Electron upgrade fails the first test until someone looks the new wire
 * up and updates both, and then build/fuses.cjs.
 */
const PINNED_MAJOR = 45;
const ELECTRON_WIRE_LENGTH = 9;
const WASM_TRAP_HANDLERS = 8;

/** A stand-in for an Electron binary: random bytes around one or more fuse wires (universal = two). */
function syntheticBinary(wires = 1, fuses = ELECTRON_WIRE_LENGTH, version = 1): Buffer {
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'ascii'), Buffer.from([version, fuses]), Buffer.alloc(fuses, ENABLE)]);
  const parts: Buffer[] = [Buffer.from('\x7fELF padding before the wire')];
  for (let i = 0; i < wires; i++) parts.push(wire, Buffer.from(`slice ${i} code after the wire`));
  return Buffer.concat(parts);
}

const EXPECTED: Record<number, number> = {
  [FuseV1Options.RunAsNode]: DISABLE,
  [FuseV1Options.EnableCookieEncryption]: ENABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: DISABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: DISABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ENABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: ENABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: DISABLE,
  [WASM_TRAP_HANDLERS]: ENABLE,
};
const fuseName = (index: number): string => FuseV1Options[index] ?? afterPack.FUSES[index]?.[0] ?? `fuse ${index}`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-fuses-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const linux = (): PackContext => ({
  appOutDir: dir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'Deskbridge' }, executableName: 'deskbridge' },
});

describe('fuses flipped by the afterPack hook', () => {
  it('is written for the pinned Electron’s fuse wire', () => {
    expect(Number(pinnedElectron.split('.')[0])).toBe(PINNED_MAJOR);
    expect(afterPack.FUSES.length).toBe(ELECTRON_WIRE_LENGTH);
    expect(Object.keys(EXPECTED).length).toBe(ELECTRON_WIRE_LENGTH);
  });

  it('decides the fuses @electron/fuses knows in its wire order, then WasmTrapHandlers', () => {
    const known = Object.keys(FuseV1Options)
      .filter((key) => !Number.isNaN(Number(key)))
      .map(Number);
    for (const index of known) expect([index, afterPack.FUSES[index]?.[0]]).toEqual([index, FuseV1Options[index]]);
    expect(afterPack.FUSES[WASM_TRAP_HANDLERS]?.[0]).toBe('WasmTrapHandlers');
  });

  it('sets every fuse of an Electron 45 wire to Deskbridge’s hardened values, WasmTrapHandlers included', async () => {
    const binary = join(dir, 'deskbridge');
    await writeFile(binary, syntheticBinary());
    await afterPack(linux());
    const wire = await getCurrentFuseWire(binary);
    expect(Object.keys(wire).filter((key) => key !== 'version').length).toBe(ELECTRON_WIRE_LENGTH);
    for (const [fuse, state] of Object.entries(EXPECTED))
      expect([fuseName(Number(fuse)), wire[Number(fuse) as FuseV1Options]]).toEqual([fuseName(Number(fuse)), state]);
  });

  it('sets WasmTrapHandlers even when the binary had it disabled', async () => {
    const binary = join(dir, 'deskbridge');
    const bytes = syntheticBinary();
    bytes[bytes.indexOf(SENTINEL) + SENTINEL.length + 2 + WASM_TRAP_HANDLERS] = DISABLE;
    await writeFile(binary, bytes);
    await afterPack(linux());
    expect((await getCurrentFuseWire(binary))[WASM_TRAP_HANDLERS as FuseV1Options]).toBe(ENABLE);
  });

  it('changes only the wire bytes of the binary', async () => {
    const binary = join(dir, 'deskbridge');
    const before = syntheticBinary();
    await writeFile(binary, before);
    await afterPack(linux());
    const after = await readFile(binary);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    expect(changed.every((i) => i >= wireStart && i < wireStart + ELECTRON_WIRE_LENGTH)).toBe(true);
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
      expect(bytes[at + SENTINEL.length + 2 + WASM_TRAP_HANDLERS]).toBe(ENABLE);
    }
  });

  it('finds the Windows executable', () => {
    expect(
      afterPack.electronBinaryPath({ appOutDir: 'C:/out', electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'Deskbridge' } } }),
    ).toMatch(/Deskbridge\.exe$/);
  });

  it('fails the build when Electron adds a fuse nobody decided on', async () => {
    const binary = join(dir, 'deskbridge');
    const before = syntheticBinary(1, ELECTRON_WIRE_LENGTH + 1);
    await writeFile(binary, before);
    await expect(afterPack(linux())).rejects.toThrow(/has 10 fuses but build\/fuses\.cjs decides 9/);
    expect((await readFile(binary)).equals(before)).toBe(true);
  });

  it('fails the build on a shorter wire than the pinned Electron’s (an older Electron)', async () => {
    await writeFile(join(dir, 'deskbridge'), syntheticBinary(1, 8));
    await expect(afterPack(linux())).rejects.toThrow(/has 8 fuses/);
  });

  it('fails the build when a decided fuse is marked removed in the binary', async () => {
    const bytes = syntheticBinary();
    bytes[bytes.indexOf(SENTINEL) + SENTINEL.length + 2 + WASM_TRAP_HANDLERS] = REMOVED;
    await writeFile(join(dir, 'deskbridge'), bytes);
    await expect(afterPack(linux())).rejects.toThrow(/WasmTrapHandlers is marked removed/);
  });

  it('fails the build on an unknown fuse wire version', async () => {
    await writeFile(join(dir, 'deskbridge'), syntheticBinary(1, ELECTRON_WIRE_LENGTH, 2));
    await expect(afterPack(linux())).rejects.toThrow(/fuse wire version/);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    await writeFile(join(dir, 'deskbridge'), Buffer.from('not electron'));
    await expect(afterPack(linux())).rejects.toThrow(/sentinel/);
  });
});
