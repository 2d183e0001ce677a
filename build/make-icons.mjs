// Draws the tray icons (assets/) and the app icon (build/icon.png + build/icon.icns) with no
// image library: shapes are sampled on a grid per pixel (anti-aliasing) and encoded as PNG with
// node:zlib. Deterministic, so `node build/make-icons.mjs` reproduces the committed files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Encode RGBA pixels (width × height × 4 bytes) as a PNG (colour type 6, 8 bits, no filter) at `dpi`. */
export function encodePng(width, height, rgba, dpi = 72) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  // 72 dpi for @1x and 144 dpi for @2x is what macOS expects of tray images (docs/api/tray.md).
  const phys = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(perMetre, 0);
  phys.writeUInt32BE(perMetre, 4);
  phys[8] = 1;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1, y down); each returns true when the point is inside.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** The speech bubble glyph; `hollow` draws an outline (paused), `badge` cuts a dot top-right (attention). */
function bubble({ hollow = false, badge = false } = {}) {
  const body = roundRect(0.06, 0.14, 0.94, 0.72, 0.24);
  const tail = triangle(0.2, 0.62, 0.44, 0.68, 0.12, 0.92);
  const inner = roundRect(0.17, 0.25, 0.83, 0.61, 0.14);
  const ring = circle(0.82, 0.2, 0.26);
  const dot = circle(0.82, 0.2, 0.16);
  return (x, y) => {
    if (badge && dot(x, y)) return true;
    if (badge && ring(x, y)) return false;
    const filled = body(x, y) || tail(x, y);
    return hollow ? filled && !inner(x, y) : filled;
  };
}

/** Render `inside` at `size` px with n×n samples per pixel, painting `colour` (RGBA) by coverage. */
function raster(size, inside, colour, samples = 4) {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) for (let sx = 0; sx < samples; sx++) if (inside((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
      const i = (py * size + px) * 4;
      const c = typeof colour === 'function' ? colour(px / size, py / size) : colour;
      out.set([c[0], c[1], c[2], Math.round((c[3] * hits) / (samples * samples))], i);
    }
  }
  return out;
}

/** Tray variants: macOS Template images (black + alpha) plus light/dark PNGs for other menu bars. */
export const TRAY_STATES = { normal: {}, attention: { badge: true }, paused: { hollow: true } };
const TRAY_TINTS = { Template: [0, 0, 0, 255], '-light': [29, 29, 31, 255], '-dark': [245, 245, 247, 255] };

/** Write every tray icon (16 px and 32 px @2x) into `dir`; returns the file names. */
export function makeTrayIcons(dir) {
  mkdirSync(dir, { recursive: true });
  const names = [];
  for (const [state, shape] of Object.entries(TRAY_STATES)) {
    for (const [suffix, tint] of Object.entries(TRAY_TINTS)) {
      for (const [scale, size] of [['', 16], ['@2x', 32]]) {
        const name = `tray-${state}${suffix}${scale}.png`;
        writeFileSync(join(dir, name), encodePng(size, size, raster(size, bubble(shape), tint), size === 32 ? 144 : 72));
        names.push(name);
      }
    }
  }
  return names;
}

/** The app icon at `size`: a rounded square (macOS grid: 824/1024 with a 100 px margin) with a white bubble. */
function appIcon(size) {
  const plate = roundRect(100 / 1024, 100 / 1024, 924 / 1024, 924 / 1024, 185 / 1024);
  const glyph = bubble();
  const inGlyph = (x, y) => glyph((x - 0.24) / 0.52, (y - 0.26) / 0.52);
  const samples = size >= 512 ? 2 : 4;
  const back = raster(size, plate, (_x, y) => [Math.round(52 + 20 * y), Math.round(199 - 60 * y), Math.round(89 + 120 * y), 255], samples);
  const front = raster(size, (x, y) => plate(x, y) && inGlyph(x, y), [255, 255, 255, 255], samples);
  for (let i = 0; i < back.length; i += 4) {
    const a = front[i + 3] / 255;
    for (let c = 0; c < 3; c++) back[i + c] = Math.round(front[i + c] * a + back[i + c] * (1 - a));
  }
  return encodePng(size, size, back);
}

// ICNS element types holding PNG data, by pixel size (Apple's icns format; ic11–ic14 are @2x slots).
const ICNS_TYPES = [['icp4', 16], ['icp5', 32], ['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic13', 256], ['ic08', 256], ['ic14', 512], ['ic09', 512], ['ic10', 1024]];

/** Write build/icon.png (1024 px) and build/icon.icns (electron-builder then needs no converter download). */
export function makeAppIcon(dir) {
  mkdirSync(dir, { recursive: true });
  const pngs = new Map();
  const png = (size) => pngs.get(size) ?? pngs.set(size, appIcon(size)).get(size);
  writeFileSync(join(dir, 'icon.png'), png(1024));
  const parts = ICNS_TYPES.map(([type, size]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png(size).length + 8, 4);
    return Buffer.concat([head, png(size)]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  writeFileSync(join(dir, 'icon.icns'), Buffer.concat([header, ...parts]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  makeTrayIcons(join(root, 'assets'));
  makeAppIcon(join(root, 'build'));
}
