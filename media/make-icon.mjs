// Draws media/icon.png (128×128 RGBA) with no dependencies: a dark tile holding a grid of empty cells
// (an array of zeros) and a large "0". Run: node media/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const W = 128, H = 128;
const px = new Uint8Array(W * H * 4);

function blend(x, y, [r, g, b], a) {
  if (x < 0 || y < 0 || x >= W || y >= H || a <= 0) return;
  const i = (y * W + x) * 4, ia = px[i + 3] / 255, na = a + ia * (1 - a);
  for (const [k, c] of [[0, r], [1, g], [2, b]]) px[i + k] = Math.round((c * a + px[i + k] * ia * (1 - a)) / (na || 1));
  px[i + 3] = Math.round(na * 255);
}
// Coverage by 4×4 supersampling gives smooth edges.
function shape(inside, color, alpha = 1) {
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let n = 0;
    for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) n++;
    blend(x, y, color, (n / 16) * alpha);
  }
}
const roundRect = (x0, y0, x1, y1, rad) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad), cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
};

shape(roundRect(4, 4, 124, 124, 18), [0x1f, 0x3a, 0x5f]);
for (let gy = 0; gy < 4; gy++) for (let gx = 0; gx < 4; gx++) {
  const x0 = 16 + gx * 25, y0 = 16 + gy * 25;
  shape(roundRect(x0, y0, x0 + 21, y0 + 21, 4), [0x4d, 0x77, 0xa8], 0.55);
}
// The "0": an elliptic ring over the grid.
const ring = (x, y) => {
  const o = ((x - 64) / 30) ** 2 + ((y - 64) / 40) ** 2, i = ((x - 64) / 17) ** 2 + ((y - 64) / 27) ** 2;
  return o <= 1 && i >= 1;
};
shape((x, y) => ring(x - 1.5, y - 2), [0x0b, 0x1a, 0x2e], 0.6);
shape(ring, [0xff, 0xd1, 0x66]);

const raw = Buffer.alloc(H * (W * 4 + 1));
for (let y = 0; y < H; y++) { raw[y * (W * 4 + 1)] = 0; Buffer.from(px.buffer, y * W * 4, W * 4).copy(raw, y * (W * 4 + 1) + 1); }
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
