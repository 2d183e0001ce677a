// Remote inbound attachments (§19 staging) with the copier replaced: what is refused before any
// fetch, where copies go, and how fetch failures are reported.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveInboundAttachments } from '../../../electron/core/attachments/resolve.js';
import { remoteCacheDir, safeSessionDir } from '../../../electron/core/attachments/session-dir.js';
import { resolveAccount, type ResolvedAccount } from '../../../electron/core/config/accounts.js';
import { RemoteFileTooLargeError, UnsafeRemotePathError } from '../../../electron/core/remote/fetch-errors.js';
import type { fetchRemoteFile } from '../../../electron/core/remote/fetch-remote.js';

const ROOT = '/Users/bot/Library/Messages/Attachments';
const STATE = '/state';
const KEY = 'agent:main:imessage:direct:+15551230000';

function account(extra: Record<string, unknown> = {}): ResolvedAccount {
  return resolveAccount({ channels: { imessage: { includeAttachments: true, remoteAttachmentRoots: ['/Volumes/*/Shared'], ...extra } } });
}

/** A copier spy that "copies" to destDir/basename. */
function copier(impl?: typeof fetchRemoteFile) {
  return vi.fn<typeof fetchRemoteFile>(impl ?? (async (o) => join(o.destDir, o.remotePath.split('/').pop() ?? 'x')));
}

const run = (attachments: unknown, fetchRemote: typeof fetchRemoteFile, acct = account(), text?: string) =>
  resolveInboundAttachments({ attachments, text }, { account: acct, remoteHost: 'bot@mac-mini', stateDir: STATE, sessionKey: KEY, fetchRemote, sshArgs: ['-F', '/cfg'] });

describe('resolveInboundAttachments (remote)', () => {
  it('copies an allowed path into <stateDir>/media/remote-cache/<safe session dir>/ with the ssh args', async () => {
    const fetch = copier();
    const res = await run([{ original_path: `${ROOT}/a/b/IMG.heic`, mime_type: 'image/heic', total_bytes: 10 }], fetch);
    expect(fetch).toHaveBeenCalledWith({ host: 'bot@mac-mini', remotePath: `${ROOT}/a/b/IMG.heic`, destDir: remoteCacheDir(STATE, KEY), maxBytes: 16 * 1024 * 1024, sshArgs: ['-F', '/cfg'] });
    expect(res.valid).toEqual([{ path: join(remoteCacheDir(STATE, KEY), 'IMG.heic'), mimeType: 'image/heic', kind: 'image', remote: true }]);
    expect(res.placeholder).toBe('<media:image>');
  });

  it('uses the remote roots (configured remote roots plus the local ones and the default)', async () => {
    const fetch = copier();
    const res = await run(
      [
        { original_path: '/Volumes/disk1/Shared/x.pdf', mime_type: 'application/pdf' },
        { original_path: '/tmp/x.pdf', mime_type: 'application/pdf' },
      ],
      fetch,
    );
    expect(res.valid.map((v) => v.kind)).toEqual(['document']);
    expect(res.dropped).toEqual([{ originalPath: '/tmp/x.pdf', reason: 'outside allowed roots' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([`${ROOT}/a/$(id).jpg`, `${ROOT}/a/x;rm -rf ~.jpg`, `${ROOT}/a/../../../../../etc/passwd`, `${ROOT}/a/\`id\`.jpg`, `${ROOT}/a/it's.jpg`, `${ROOT}/a/x\n.jpg`])(
    'refuses the unsafe remote path %j without fetching',
    async (path) => {
      const fetch = copier();
      const res = await run([{ original_path: path, mime_type: 'image/jpeg' }], fetch);
      expect(res.dropped).toEqual([{ originalPath: path, reason: 'unsafe remote path' }]);
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('refuses by the reported total_bytes before fetching', async () => {
    const fetch = copier();
    const res = await run([{ original_path: `${ROOT}/big.mov`, mime_type: 'video/quicktime', total_bytes: 3 * 1024 * 1024 }], fetch, account({ mediaMaxMb: 2 }));
    expect(res.dropped).toEqual([{ originalPath: `${ROOT}/big.mov`, reason: 'too large (3 MB > 2 MB)' }]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('maps copier errors to reasons: too large after the copy, unsafe path, anything else as fetch failed', async () => {
    const fetch = copier(async (o) => {
      if (o.remotePath.endsWith('big.mov')) throw new RemoteFileTooLargeError(o.remotePath, 2.5 * 1024 * 1024, o.maxBytes);
      if (o.remotePath.endsWith('odd.jpg')) throw new UnsafeRemotePathError(o.remotePath);
      throw new Error('scp failed (1): scp: No such file or directory');
    });
    const res = await run(
      [
        { original_path: `${ROOT}/big.mov`, mime_type: 'video/quicktime' },
        { original_path: `${ROOT}/odd.jpg`, mime_type: 'image/jpeg' },
        { original_path: `${ROOT}/gone.jpg`, mime_type: 'image/jpeg' },
      ],
      fetch,
      account({ mediaMaxMb: 2 }),
    );
    expect(res.dropped).toEqual([
      { originalPath: `${ROOT}/big.mov`, reason: 'too large (2.5 MB > 2 MB)' },
      { originalPath: `${ROOT}/odd.jpg`, reason: 'unsafe remote path' },
      { originalPath: `${ROOT}/gone.jpg`, reason: 'fetch failed: scp failed (1): scp: No such file or directory' },
    ]);
    expect(res.valid).toEqual([]);
    expect(res.placeholder).toBeNull();
  });

  it('a missing flag from the remote Mac is a drop without a fetch', async () => {
    const fetch = copier();
    const res = await run([{ original_path: `${ROOT}/x.jpg`, mime_type: 'image/jpeg', missing: true }], fetch);
    expect(res.dropped).toEqual([{ originalPath: `${ROOT}/x.jpg`, reason: 'missing' }]);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('safeSessionDir', () => {
  it('keeps only safe characters, adds a hash, and never yields . or ..', () => {
    expect(safeSessionDir(KEY)).toMatch(/^agent_main_imessage_direct__15551230000-[0-9a-f]{10}$/);
    expect(safeSessionDir('..')).toMatch(/^_-[0-9a-f]{10}$/);
    expect(safeSessionDir('a/b')).not.toContain('/');
    expect(safeSessionDir('a:b')).not.toBe(safeSessionDir('a_b'));
  });

  it('remoteCacheDir is under <stateDir>/media/remote-cache', () => {
    expect(remoteCacheDir('/s', 'k')).toBe(join('/s', 'media', 'remote-cache', safeSessionDir('k')));
  });
});
