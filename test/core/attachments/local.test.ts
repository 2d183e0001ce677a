// Local inbound attachments (§19): roots after realpath, `*` roots, missing, size cap, placeholders.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInboundAttachments } from '../../../electron/core/attachments/resolve.js';
import { resolveAccount, type ResolvedAccount } from '../../../electron/core/config/accounts.js';

let dir: string;
let root: string;
let outside: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attach-local-'));
  root = join(dir, 'Users', 'ann', 'Library', 'Messages', 'Attachments');
  outside = join(dir, 'secret');
  await mkdir(root, { recursive: true });
  await mkdir(outside, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An account whose local roots are `<dir>/Users/<star>/Library/Messages/Attachments`. */
function account(extra: Record<string, unknown> = {}): ResolvedAccount {
  return resolveAccount({ channels: { imessage: { includeAttachments: true, attachmentRoots: [join(dir, 'Users', '*', 'Library', 'Messages', 'Attachments')], ...extra } } });
}

async function file(path: string, bytes: number | string = 'x'): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, typeof bytes === 'number' ? Buffer.alloc(bytes) : bytes);
  return path;
}

const resolve = (attachments: unknown, text?: unknown, acct: ResolvedAccount = account()) =>
  resolveInboundAttachments({ attachments, text }, { account: acct, stateDir: join(dir, 'state'), sessionKey: 'agent:main:main' });

describe('resolveInboundAttachments (local)', () => {
  it('accepts a file under a root with a `*` segment, with MIME and kind', async () => {
    const path = await file(join(root, 'ab', '01', 'GUID', 'IMG_1.jpeg'));
    const res = await resolve([{ original_path: path, mime_type: 'image/jpeg', missing: false }]);
    expect(res).toEqual({ valid: [{ path, mimeType: 'image/jpeg', kind: 'image', remote: false }], dropped: [], placeholder: '<media:image>' });
  });

  it('the `*` matches exactly one segment: a path where it would need two is outside', async () => {
    const path = await file(join(dir, 'Users', 'ann', 'extra', 'Library', 'Messages', 'Attachments', 'x.jpg'));
    const res = await resolve([{ original_path: path, mime_type: 'image/jpeg' }]);
    expect(res.dropped).toEqual([{ originalPath: path, reason: 'outside allowed roots' }]);
  });

  it('refuses a symlink inside the roots that points outside them (realpath, then match)', async () => {
    const target = await file(join(outside, 'passwords.txt'), 'secret');
    const link = join(root, 'link.txt');
    await symlink(target, link);
    const res = await resolve([{ original_path: link, mime_type: 'text/plain' }]);
    expect(res.valid).toEqual([]);
    expect(res.dropped).toEqual([{ originalPath: link, reason: 'outside allowed roots' }]);
  });

  it('refuses a path whose directory is a link out of the roots', async () => {
    await file(join(outside, 'a.jpg'));
    await symlink(outside, join(root, 'dirlink'));
    const res = await resolve([{ original_path: join(root, 'dirlink', 'a.jpg'), mime_type: 'image/jpeg' }]);
    expect(res.dropped.map((d) => d.reason)).toEqual(['outside allowed roots']);
  });

  it('accepts a link that stays inside the roots and reports the real path', async () => {
    const target = await file(join(root, 'real', 'v.mov'));
    const link = join(root, 'alias.mov');
    await symlink(target, link);
    const res = await resolve([{ original_path: link, mime_type: 'video/quicktime' }]);
    expect(res.valid).toEqual([{ path: target, mimeType: 'video/quicktime', kind: 'video', remote: false }]);
  });

  it('a root reached through a symlink still matches the real path of its files', async () => {
    const real = await file(join(dir, 'real-home', 'ann', 'Media', 'x.png'));
    await symlink(join(dir, 'real-home'), join(dir, 'home-link'));
    const res = await resolve([{ original_path: join(dir, 'home-link', 'ann', 'Media', 'x.png'), mime_type: 'image/png' }], undefined, account({ attachmentRoots: [join(dir, 'home-link', '*', 'Media')] }));
    expect(res.dropped).toEqual([]);
    expect(res.valid.map((v) => v.path)).toEqual([real]);
  });

  it('refuses `..` that leaves the roots lexically', async () => {
    await file(join(outside, 'x.pdf'));
    const sneaky = `${root}/../../../../../secret/x.pdf`;
    const res = await resolve([{ original_path: sneaky, mime_type: 'application/pdf' }]);
    expect(res.dropped).toEqual([{ originalPath: sneaky, reason: 'outside allowed roots' }]);
  });

  it('reports missing files: flagged by imsg, or absent on disk', async () => {
    const flagged = await file(join(root, 'flagged.jpg'));
    const gone = join(root, 'gone.jpg');
    const res = await resolve([
      { original_path: flagged, mime_type: 'image/jpeg', missing: true },
      { original_path: gone, mime_type: 'image/jpeg', missing: false },
    ]);
    expect(res.dropped).toEqual([
      { originalPath: flagged, reason: 'missing' },
      { originalPath: gone, reason: 'missing' },
    ]);
    expect(res.placeholder).toBeNull();
  });

  it('caps the size at mediaMaxMb', async () => {
    const big = await file(join(root, 'big.mov'), 1024 * 1024 + 1);
    const fits = await file(join(root, 'fits.mov'), 1024 * 1024);
    const res = await resolve(
      [
        { original_path: big, mime_type: 'video/quicktime' },
        { original_path: fits, mime_type: 'video/quicktime' },
      ],
      undefined,
      account({ mediaMaxMb: 1 }),
    );
    expect(res.dropped).toEqual([{ originalPath: big, reason: 'too large (1.1 MB > 1 MB)' }]);
    expect(res.valid.map((v) => v.path)).toEqual([fits]);
  });

  it('refuses a directory and an empty path', async () => {
    const sub = join(root, 'adir');
    await mkdir(sub);
    const res = await resolve([{ original_path: sub }, { original_path: '' }, { mime_type: 'image/png' }]);
    expect(res.dropped).toEqual([
      { originalPath: sub, reason: 'not a regular file' },
      { originalPath: '', reason: 'no path' },
      { originalPath: '', reason: 'no path' },
    ]);
  });

  it.each([
    ['image/png', '<media:image>'],
    ['audio/x-m4a', '<media:audio>'],
    ['video/mp4', '<media:video>'],
    ['application/pdf', '<media:document>'],
    [undefined, '<media:attachment>'],
  ])('placeholder for %s is %s (from the first valid attachment)', async (mime, placeholder) => {
    const path = await file(join(root, 'f.bin'));
    const res = await resolve([{ original_path: join(root, 'nope.bin'), mime_type: 'image/png' }, { original_path: path, ...(mime ? { mime_type: mime } : {}) }], '\uFFFC');
    expect(res.placeholder).toBe(placeholder);
    expect(res.valid[0]?.mimeType).toBe(mime ?? 'application/octet-stream');
  });

  it('message text wins over the placeholder', async () => {
    const path = await file(join(root, 'p.png'));
    const res = await resolve([{ original_path: path, mime_type: 'image/png' }], '  look at this ');
    expect(res.valid).toHaveLength(1);
    expect(res.placeholder).toBeNull();
  });

  it('the default root /Users/*/Library/Messages/Attachments cannot be removed, other paths are outside', async () => {
    const path = await file(join(outside, 'n.png'));
    const res = await resolve([{ original_path: path, mime_type: 'image/png' }], undefined, account({ attachmentRoots: [] }));
    expect(res.dropped).toEqual([{ originalPath: path, reason: 'outside allowed roots' }]);
  });

  it('with includeAttachments off every attachment is reported, none used', async () => {
    const path = await file(join(root, 'p.png'));
    const res = await resolve([{ original_path: path, mime_type: 'image/png' }], '', account({ includeAttachments: false }));
    expect(res).toEqual({ valid: [], dropped: [{ originalPath: path, reason: 'attachments off (includeAttachments is false)' }], placeholder: null });
  });

  it('malformed input never throws and is reported', async () => {
    expect(await resolve('nope')).toEqual({ valid: [], dropped: [{ originalPath: '', reason: 'malformed attachments (expected array, received string)' }], placeholder: null });
    const res = await resolve([42, { original_path: 7 }, null]);
    expect(res.valid).toEqual([]);
    expect(res.dropped).toHaveLength(3);
    expect(res.dropped[1]?.reason).toMatch(/^malformed attachment \[1\]: original_path: /);
    expect(await resolve(undefined)).toEqual({ valid: [], dropped: [], placeholder: null });
  });
});
