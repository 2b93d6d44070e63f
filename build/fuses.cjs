// afterPack hook: flips Electron's fuses in the packaged binary before it is signed and packed.
//
// Every fuse of the pinned Electron's wire is decided here, in wire order. The wire in the binary
// must have exactly as many fuses as we decided: an Electron upgrade that adds a fuse fails the
// build until someone decides its value, and one that removes a fuse fails too.
//
// @electron/fuses 1.8 knows only the first 8 fuses of the wire and cannot set a 9th even by numeric
// index (its wire builder stops at 8, so strictlyRequireAllFuses throws on Electron 45), and 2.x is
// ESM-only and needs Node >= 22.12. The wire format is small and stable (Electron's
// build/fuses/fuses.json5 and docs/tutorial/fuses.md), so the hook writes it itself; the tests read
// the result back with @electron/fuses' own reader.
'use strict';
const { readFile, writeFile } = require('node:fs/promises');
const path = require('node:path');

const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
const WIRE_VERSION = 1;
const ENABLE = 0x31;
const DISABLE = 0x30;
const REMOVED = 0x72;

/**
 * Electron 45's fuse wire (build/fuses/fuses.json5 in electron/electron), in wire order, with
 * Deskbridge's decision for each.
 * @type {ReadonlyArray<readonly [name: string, enabled: boolean]>}
 */
const FUSES = Object.freeze([
  ['RunAsNode', false],
  ['EnableCookieEncryption', true],
  ['EnableNodeOptionsEnvironmentVariable', false],
  ['EnableNodeCliInspectArguments', false],
  ['EnableEmbeddedAsarIntegrityValidation', true],
  ['OnlyLoadAppFromAsar', true],
  // Deskbridge ships no browser-specific V8 snapshot.
  ['LoadBrowserProcessSpecificV8Snapshot', false],
  ['GrantFileProtocolExtraPrivileges', false],
  // Electron's default: V8 traps out-of-bounds WebAssembly memory access with guard regions and a
  // signal handler instead of explicit bounds checks. Deskbridge runs no WebAssembly of its own.
  ['WasmTrapHandlers', true],
]);

/**
 * The file holding the fuse wire: the .app bundle on macOS (the framework inside it holds the
 * wire), the .exe on Windows, the executable on Linux.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName || name);
}

/** @param {string} binary */
function fuseFile(binary) {
  if (binary.endsWith('.app')) return path.join(binary, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
  return binary;
}

/**
 * Where each wire starts (one per slice: a universal macOS framework has two).
 * @param {Buffer} bytes
 */
function sentinelOffsets(bytes) {
  const offsets = [];
  for (let at = bytes.indexOf(SENTINEL); at !== -1; at = bytes.indexOf(SENTINEL, at + 1)) offsets.push(at);
  if (offsets.length === 0) throw new Error('Could not find the fuse wire sentinel in the Electron binary');
  return offsets;
}

/**
 * Sets every fuse of the wire after the sentinel at `at`, refusing a wire we did not decide on.
 * @param {Buffer} bytes
 * @param {number} at
 */
function flipWire(bytes, at) {
  const version = bytes[at + SENTINEL.length];
  const length = bytes[at + SENTINEL.length + 1];
  if (version !== WIRE_VERSION) throw new Error(`Unknown fuse wire version ${version}: this hook knows version ${WIRE_VERSION}`);
  if (length !== FUSES.length) {
    throw new Error(
      `The Electron binary's fuse wire has ${length} fuses but build/fuses.cjs decides ${FUSES.length}: decide every fuse of this Electron before packaging`,
    );
  }
  const wire = at + SENTINEL.length + 2;
  FUSES.forEach(([name, enabled], i) => {
    if (bytes[wire + i] === REMOVED) throw new Error(`Fuse ${name} is marked removed in this Electron: update build/fuses.cjs`);
    bytes[wire + i] = enabled ? ENABLE : DISABLE;
  });
}

/** @param {Parameters<typeof electronBinaryPath>[0]} context */
async function afterPack(context) {
  const file = fuseFile(electronBinaryPath(context));
  const bytes = await readFile(file);
  for (const at of sentinelOffsets(bytes)) flipWire(bytes, at);
  await writeFile(file, bytes);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
