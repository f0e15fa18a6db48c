#!/usr/bin/env node
// Draws the JCCR icon (a crosshair over a shield on the control-room blue) as a 512×512 PNG
// with Node's zlib only, so the icon is reproducible from source: `node build/make-icon.mjs`.
// electron-builder derives the Linux icon set and the Windows .ico from it.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import console from 'node:console';
import { URL, fileURLToPath as toPath } from 'node:url';

import { deflateSync } from 'node:zlib';

const SIZE = 512;
const BG = [10, 14, 19];
const ACCENT = [108, 184, 255];
const FOCUS = [255, 210, 63];

function pixel(x, y) {
  const cx = x - SIZE / 2 + 0.5;
  const cy = y - SIZE / 2 + 0.5;
  const r = Math.hypot(cx, cy);
  // Rounded-square tile.
  const edge = Math.max(Math.abs(cx), Math.abs(cy));
  if (
    edge > 240 ||
    (Math.abs(cx) > 176 && Math.abs(cy) > 176 && Math.hypot(Math.abs(cx) - 176, Math.abs(cy) - 176) > 64)
  )
    return [0, 0, 0, 0];
  // Crosshair: a ring and four ticks, the centre dot in the focus colour.
  if (r < 22) return [...FOCUS, 255];
  if (Math.abs(r - 150) < 14) return [...ACCENT, 255];
  if (
    (Math.abs(cx) < 10 && Math.abs(cy) > 90 && Math.abs(cy) < 205) ||
    (Math.abs(cy) < 10 && Math.abs(cx) > 90 && Math.abs(cx) < 205)
  )
    return [...ACCENT, 255];
  return [...BG, 255];
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(toPath(new URL('./icons/512x512.png', import.meta.url)), png);
console.log(`build/icons/512x512.png: ${png.length} bytes`);
