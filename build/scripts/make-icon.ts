/**
 * Draws Deskbridge's icon (a bridge over a dark rounded square) as a 1024×1024 PNG with plain
 * Node — no image tools, nothing downloaded. electron-builder derives .icns/.ico from it.
 * Run: npx tsx build/scripts/make-icon.ts [out.png]
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
const BACKGROUND: Rgba = [31, 35, 48, 255];
const BRIDGE: Rgba = [110, 168, 254, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function inRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour at a point of the unit-size drawing (0..1 coordinates). */
function colourAt(u: number, y: number): Rgba {
  if (!inRoundedSquare(u, y, 1, 0.22)) return CLEAR;
  const v = y + 0.09; // centres the bridge vertically
  const deck = v >= 0.6 && v <= 0.66 && u >= 0.14 && u <= 0.86;
  const arcDistance = Math.hypot(u - 0.5, (v - 0.66) * 1.25);
  const arc = v <= 0.66 && arcDistance >= 0.27 && arcDistance <= 0.33;
  const pillar = v >= 0.66 && v <= 0.8 && (Math.abs(u - 0.21) <= 0.03 || Math.abs(u - 0.79) <= 0.03);
  const hanger = v > 0.42 && v < 0.6 && [0.35, 0.5, 0.65].some((x) => Math.abs(u - x) <= 0.012) && arcDistance <= 0.3;
  return deck || arc || pillar || hanger ? BRIDGE : BACKGROUND;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Renders the icon at `size` pixels with 4×4 supersampling for smooth edges. */
export function renderIcon(size = 1024, samples = 4): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          sum[0]! += r * a;
          sum[1]! += g * a;
          sum[2]! += b * a;
          sum[3]! += a;
        }
      }
      const alpha = sum[3]!;
      const offset = 1 + x * 4;
      for (let i = 0; i < 3; i++) row[offset + i] = alpha === 0 ? 0 : Math.round(sum[i]! / alpha);
      row[offset + 3] = Math.round(alpha / (samples * samples));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../icon.png'));
  await writeFile(out, renderIcon());
}
