// A stand-in Electron.app for packaging tests (the real one cannot be downloaded here): the
// files electron-builder 26 reads, renames and patches on macOS (app-builder-lib
// electron/electronMac.js createMacApp, @electron/fuses setFuseWire), nothing that runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses' marker: the fuse wire (version, length, states) follows it in Electron Framework. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron 45's shipped fuse states, in FuseV1Options order ('1' on, '0' off): RunAsNode, cookie encryption, NODE_OPTIONS, inspect, ASAR integrity, only-asar, V8 snapshot, file privileges. */
export const STOCK_FUSES = '10110001';

const plist = (entries: Record<string, string>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>${Object.entries(entries)
    .map(([k, v]) => `<key>${k}</key><string>${v}</string>`)
    .join('')}</dict></plist>\n`;

const write = (file: string, content: string | Buffer): void => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
};

/** Build `<dir>/Electron.app` (the layout of electron-v*-darwin-*.zip) and return `dir` for `electronDist`. */
export function makeFakeElectronDist(dir: string): string {
  const contents = join(dir, 'Electron.app', 'Contents');
  write(join(contents, 'Info.plist'), plist({ CFBundleExecutable: 'Electron', CFBundleIdentifier: 'com.github.Electron', CFBundleName: 'Electron', CFBundleIconFile: 'electron.icns', CFBundlePackageType: 'APPL' }));
  write(join(contents, 'MacOS', 'Electron'), '#!/bin/sh\necho stand-in\n');
  write(join(contents, 'Resources', 'electron.icns'), 'icns');
  // Fuse wire: sentinel, version 1, length, then one byte per fuse (surrounded by filler like a real binary).
  const wire = Buffer.concat([Buffer.from('\0'.repeat(64)), Buffer.from(FUSE_SENTINEL), Buffer.from([1, STOCK_FUSES.length]), Buffer.from(STOCK_FUSES), Buffer.from('\0'.repeat(64))]);
  write(join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), wire);
  for (const suffix of ['', ' (Renderer)', ' (GPU)', ' (Plugin)']) {
    const name = `Electron Helper${suffix}`;
    const helper = join(contents, 'Frameworks', `${name}.app`, 'Contents');
    write(join(helper, 'Info.plist'), plist({ CFBundleExecutable: name, CFBundleIdentifier: 'com.github.Electron.helper', CFBundleName: name }));
    write(join(helper, 'MacOS', name), '#!/bin/sh\n');
  }
  write(join(dir, 'LICENSE'), 'MIT (stand-in)');
  return dir;
}
