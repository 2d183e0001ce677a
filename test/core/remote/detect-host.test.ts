// §20 remoteHost detection from a cliPath wrapper script, and resolution from config.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAccount } from '../../../electron/core/config/accounts.js';
import { detectRemoteHost, findRemoteHostInScript } from '../../../electron/core/remote/detect-host.js';
import { resolveRemoteHost } from '../../../electron/core/remote/resolve-host.js';

const script = (body: string): (() => Promise<string>) => async () => `#!/bin/sh\n${body}\n`;

describe('findRemoteHostInScript (§20 rules)', () => {
  it.each([
    ['rule 1: user@host after ssh', 'exec ssh -T bot@mac-mini.local imsg "$@"', 'bot@mac-mini.local'],
    ['rule 1: user@host:22 → user@host', 'exec ssh -T user@host:22 /usr/local/bin/imsg "$@"', 'user@host'],
    ['rule 1: /usr/bin/ssh counts as the word ssh', 'exec /usr/bin/ssh -o BatchMode=yes me@10.0.0.5 imsg "$@"', 'me@10.0.0.5'],
    ['rule 1 wins over rule 2 on a later line', 'ssh -T mac-mini imsg\nexec ssh ann@studio imsg', 'ann@studio'],
    ['rule 2: ssh -T mac-mini imsg', 'exec ssh -T mac-mini imsg "$@"', 'mac-mini'],
    ['rule 2: a token ending in imsg', 'exec ssh mini /opt/homebrew/bin/imsg "$@"', 'mini'],
    ['rule 2 quirk: sudo -u bot detects bot', 'exec ssh mac-mini sudo -u bot imsg "$@"', 'bot'],
  ])('%s', (_name, body, expected) => {
    expect(findRemoteHostInScript(body)).toBe(expected);
  });

  it.each([
    ['no ssh at all', 'exec /usr/local/bin/imsg "$@"'],
    ['user@host not on the ssh line', 'ssh -T\nbot@mac-mini imsg'],
    ['a host followed by a token that only contains imsg', 'exec ssh mini imsg-sim "$@"'],
  ])('nothing for %s', (_name, body) => {
    expect(findRemoteHostInScript(body)).toBeUndefined();
  });
});

describe('detectRemoteHost', () => {
  it('reads the cliPath script and validates the host', async () => {
    const read = vi.fn<(p: string) => Promise<string>>(script('exec ssh -T bot@mac-mini imsg "$@"'));
    expect(await detectRemoteHost('/opt/wrap/imsg', read)).toEqual({ host: 'bot@mac-mini' });
    expect(read).toHaveBeenCalledWith('/opt/wrap/imsg');
  });

  it('expands a leading ~ before reading', async () => {
    const read = vi.fn<(p: string) => Promise<string>>(script('exec ssh mini imsg'));
    await detectRemoteHost('~/bin/imsg-remote', read);
    expect(read.mock.calls[0]?.[0]).not.toMatch(/^~/);
    expect(read.mock.calls[0]?.[0]).toMatch(/\/bin\/imsg-remote$/);
  });

  it.each([
    ['an option smuggled as user@host', 'exec ssh -oProxyCommand@evil imsg', '-oProxyCommand@evil'],
    ['rule 2 picking an option before imsg', 'exec ssh -T imsg', '-T'],
    ['a host part that looks like an option', 'exec ssh me@-oProxyCommand imsg', 'me@-oProxyCommand'],
  ])('ignores an unsafe detected value: %s', async (_name, body, ignored) => {
    expect(await detectRemoteHost('/x/imsg', script(body))).toEqual({ ignored });
  });

  it('an unreadable file means no host', async () => {
    expect(await detectRemoteHost('/nonexistent/imsg', () => Promise.reject(new Error('ENOENT')))).toEqual({});
  });

  it('reads a real file from disk by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'detect-host-'));
    try {
      await writeFile(join(dir, 'imsg'), '#!/bin/sh\nexec ssh -T bot@mac-mini imsg "$@"\n');
      expect(await detectRemoteHost(join(dir, 'imsg'))).toEqual({ host: 'bot@mac-mini' });
      expect(await detectRemoteHost(join(dir, 'absent'))).toEqual({});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveRemoteHost', () => {
  let read: ReturnType<typeof vi.fn<(p: string) => Promise<string>>>;
  beforeEach(() => {
    read = vi.fn(script('exec ssh -T bot@detected imsg "$@"'));
  });
  afterEach(() => vi.restoreAllMocks());
  const account = (imessage: Record<string, unknown>) => resolveAccount({ channels: { imessage } });

  it('a configured remoteHost wins and detection is not attempted', async () => {
    expect(await resolveRemoteHost(account({ remoteHost: 'me@configured', cliPath: '/x/imsg' }), read)).toEqual({ host: 'me@configured', source: 'config' });
    expect(read).not.toHaveBeenCalled();
  });

  it('an unsafe configured value is ignored with a warning naming the key (and not replaced by detection)', async () => {
    const res = await resolveRemoteHost(account({ remoteHost: '-oProxyCommand=x', cliPath: '/x/imsg' }), read);
    expect(res.host).toBeUndefined();
    expect(res.warning).toMatch(/^imessage: ignoring unsafe channels\.imessage\.remoteHost value "-oProxyCommand=x"/);
    expect(read).not.toHaveBeenCalled();
  });

  it('detects from cliPath when remoteHost is unset', async () => {
    expect(await resolveRemoteHost(account({ cliPath: '/x/imsg' }), read)).toEqual({ host: 'bot@detected', source: 'cliPath' });
  });

  it('does not read anything when cliPath is plain imsg', async () => {
    expect(await resolveRemoteHost(account({}), read)).toEqual({});
    expect(read).not.toHaveBeenCalled();
  });

  it('an unsafe detected value is ignored with a warning', async () => {
    const res = await resolveRemoteHost(account({ cliPath: '/x/imsg' }), script('exec ssh -T imsg'));
    expect(res).toEqual({ warning: expect.stringMatching(/^imessage: ignoring unsafe auto-detected remoteHost from cliPath "\/x\/imsg": "-T"/) });
  });
});
