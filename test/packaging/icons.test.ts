// @vitest-environment node
// The committed icons are what build/make-icons.mjs draws, and every file the tray asks for exists.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { makeAppIcon, makeTrayIcons } from '../../build/make-icons.mjs';
import { type TrayIconState, trayIconFile } from '../../electron/main/tray-state.js';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'imsg-icons-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Width, height and dpi of a PNG (IHDR at byte 16, our pHYs right after IHDR). */
function pngInfo(file: string): { width: number; height: number; dpi: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const phys = b.indexOf('pHYs');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), dpi: phys > 0 ? Math.round(b.readUInt32BE(phys + 4) * 0.0254) : 0 };
}

describe('icons', () => {
  it('regenerating them reproduces the committed files byte for byte', () => {
    const names: string[] = makeTrayIcons(join(tmp, 'assets'));
    makeAppIcon(join(tmp, 'build'));
    expect(names.sort()).toEqual(readdirSync(join(repo, 'assets')).filter((f) => f.startsWith('tray-')).sort());
    for (const name of names) expect(readFileSync(join(tmp, 'assets', name)).equals(readFileSync(join(repo, 'assets', name))), name).toBe(true);
    for (const name of ['icon.png', 'icon.icns']) expect(readFileSync(join(tmp, 'build', name)).equals(readFileSync(join(repo, 'build', name))), name).toBe(true);
  });

  it('has a 16 px (72 dpi) and a 32 px @2x (144 dpi) file for every icon the tray can ask for', () => {
    const states: TrayIconState[] = ['normal', 'attention', 'paused'];
    for (const state of states) {
      for (const [platform, dark] of [['darwin', false], ['linux', false], ['linux', true]] as const) {
        const file = trayIconFile(state, platform, dark);
        expect(pngInfo(join(repo, 'assets', file))).toEqual({ width: 16, height: 16, dpi: 72 });
        expect(pngInfo(join(repo, 'assets', file.replace('.png', '@2x.png')))).toEqual({ width: 32, height: 32, dpi: 144 });
      }
    }
  });

  it('Template images are black plus alpha only (macOS tints them for light and dark menu bars)', () => {
    for (const file of readdirSync(join(repo, 'assets')).filter((f) => f.includes('Template'))) {
      const b = readFileSync(join(repo, 'assets', file));
      const { width } = pngInfo(join(repo, 'assets', file));
      const idat = b.indexOf('IDAT');
      const raw = inflateSync(b.subarray(idat + 4, idat + 4 + b.readUInt32BE(idat - 4)));
      const alphas = new Set<number>();
      for (let row = 0; row < raw.length; row += width * 4 + 1) {
        expect(raw[row], `${file}: filter byte`).toBe(0);
        for (let px = row + 1; px < row + 1 + width * 4; px += 4) {
          expect([raw[px], raw[px + 1], raw[px + 2]], file).toEqual([0, 0, 0]);
          alphas.add(raw[px + 3] as number);
        }
      }
      // A drawn glyph: transparent background, opaque body and anti-aliased edges.
      expect(alphas.has(0) && alphas.has(255) && alphas.size > 2, file).toBe(true);
    }
  });

  it('ships a 1024 px app icon and an .icns holding PNG sizes from 16 to 1024', () => {
    expect(pngInfo(join(repo, 'build', 'icon.png'))).toMatchObject({ width: 1024, height: 1024 });
    const icns = readFileSync(join(repo, 'build', 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.subarray(at, at + 4).toString('latin1'));
      expect(icns.subarray(at + 9, at + 12).toString('latin1')).toBe('PNG');
    }
    expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic08', 'ic09', 'ic10', 'ic14']));
  });
});
