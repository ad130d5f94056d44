// Writes public/favicon.ico: the same picture as public/favicon.svg (three ranked bars, white on
// the theme's bar blue) as a 32×32 icon, for browsers and crawlers that ask for /favicon.ico
// whatever the page links. Run by hand when the SVG changes; the output is committed.
//
//   node scripts/make-favicon.mjs
//
// An ICO holding one uncompressed 32-bit BMP: no image library needed, and the same bytes every run.

import { writeFileSync } from 'node:fs';

const SIZE = 32;
const BLUE = [0x2f, 0x6f, 0x9f]; // theme.rs LIGHT.bar, style.css --bar
/** Bars as [x, y, width, height] in the SVG's 32×32 grid (its `path`). */
const BARS = [[6, 7, 20, 4], [6, 14, 15, 4], [6, 21, 10, 4]];
const RADIUS = 6;

/** Colour of pixel (x, y), y from the top, as [r, g, b, a]. */
function pixel(x, y) {
  // The rounded square's corners: outside a corner's circle is transparent.
  const cx = x < RADIUS ? RADIUS - 0.5 : x >= SIZE - RADIUS ? SIZE - RADIUS - 0.5 : x;
  const cy = y < RADIUS ? RADIUS - 0.5 : y >= SIZE - RADIUS ? SIZE - RADIUS - 0.5 : y;
  if ((x - cx) ** 2 + (y - cy) ** 2 > RADIUS ** 2) return [0, 0, 0, 0];
  const onBar = BARS.some(([bx, by, w, h]) => x >= bx && x < bx + w && y >= by && y < by + h);
  return onBar ? [255, 255, 255, 255] : [...BLUE, 255];
}

const maskRowBytes = Math.ceil(SIZE / 32) * 4;
const bmp = Buffer.alloc(40 + SIZE * SIZE * 4 + SIZE * maskRowBytes);
bmp.writeUInt32LE(40, 0); // BITMAPINFOHEADER
bmp.writeInt32LE(SIZE, 4);
bmp.writeInt32LE(SIZE * 2, 8); // ICO convention: height of colour + mask
bmp.writeUInt16LE(1, 12); // planes
bmp.writeUInt16LE(32, 14); // bits per pixel
let at = 40;
for (let y = SIZE - 1; y >= 0; y -= 1) { // BMP rows run bottom-up
  for (let x = 0; x < SIZE; x += 1) {
    const [r, g, b, a] = pixel(x, y);
    bmp.writeUInt8(b, at); bmp.writeUInt8(g, at + 1); bmp.writeUInt8(r, at + 2); bmp.writeUInt8(a, at + 3);
    at += 4;
  }
}
// The AND mask stays all zero: the alpha channel already says what is transparent.

const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(SIZE, 6);
header.writeUInt8(SIZE, 7);
header.writeUInt16LE(1, 10); // planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(bmp.length, 14);
header.writeUInt32LE(header.length, 18);
writeFileSync('public/favicon.ico', Buffer.concat([header, bmp]));
console.log(`public/favicon.ico: ${header.length + bmp.length} bytes`);
