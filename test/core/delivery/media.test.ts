import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutboundMedia, MIB, mediaKindFromMime, mimeFromPath, outboundMediaPlaceholder } from '../../../electron/core/delivery/media.js';

describe('media kinds and placeholders (§18)', () => {
  it.each([
    ['image/jpeg', 'image', '<media:image>'],
    ['IMAGE/HEIC', 'image', '<media:image>'],
    ['audio/mp4; codecs="mp4a.40.2"', 'audio', '<media:audio>'],
    [' Video/QuickTime ', 'video', '<media:video>'],
    ['application/pdf', 'document', '<media:document>'],
    ['text/plain;charset=utf-8', 'document', '<media:document>'],
    ['', undefined, undefined],
    [undefined, undefined, undefined],
  ])('%j → %s', (mime, kind, placeholder) => {
    expect(mediaKindFromMime(mime)).toBe(kind);
    expect(outboundMediaPlaceholder(mime)).toBe(placeholder);
  });

  it.each([
    ['/a/IMG_0001.JPG', 'image/jpeg'],
    ['~/x.heic', 'image/heic'],
    ['note.m4a', 'audio/mp4'],
    ['clip.mov', 'video/quicktime'],
    ['doc.pdf', 'application/pdf'],
    ['no-extension', 'application/octet-stream'],
    ['archive.weird', 'application/octet-stream'],
  ])('mimeFromPath(%s) = %s', (path, mime) => {
    expect(mimeFromPath(path)).toBe(mime);
  });
});

describe('checkOutboundMedia (the one I/O check)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'delivery-media-'));
    await writeFile(join(dir, 'small.jpg'), 'jpeg bytes');
    await writeFile(join(dir, 'exact.bin'), '');
    await truncate(join(dir, 'exact.bin'), 2 * MIB);
    await writeFile(join(dir, 'big.mov'), '');
    await truncate(join(dir, 'big.mov'), 2 * MIB + 1);
    await mkdir(join(dir, 'folder'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a regular file within the limit and reports its size', async () => {
    await expect(checkOutboundMedia(join(dir, 'small.jpg'), 16)).resolves.toEqual({ path: join(dir, 'small.jpg'), size: 10 });
    await expect(checkOutboundMedia(` ${join(dir, 'exact.bin')} `, 2)).resolves.toEqual({ path: join(dir, 'exact.bin'), size: 2 * MIB });
  });

  it('refuses a file over mediaMaxMb, naming the file and the limit', async () => {
    const path = join(dir, 'big.mov');
    await expect(checkOutboundMedia(path, 2)).rejects.toThrow(`media file ${path} is 2.0 MB, over the 2 MB limit (mediaMaxMb)`);
  });

  it.each([
    ['a missing file', 'nope.png', 'does not exist'],
    ['a directory', 'folder', 'is not a regular file'],
  ])('refuses %s', async (_name, name, why) => {
    const path = join(dir, name);
    await expect(checkOutboundMedia(path, 16)).rejects.toThrow(`media file ${path} ${why}`);
  });

  it('refuses an empty path', async () => {
    await expect(checkOutboundMedia('  ', 16)).rejects.toThrow('media file path is empty');
  });
});
