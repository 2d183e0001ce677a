// Diagnoses that point the right way: a missing dbPath is "file not found", a failing SSH hop gets
// SSH advice, and an SSH account's Full Disk Access / Automation advice names its host and user.
import { describe, expect, it } from 'vitest';
import { classifyImsgError } from '../../../electron/core/imsg/classify-error.js';
import { missingDbPath } from '../../../electron/core/imsg/diagnose.js';
import { ImsgExitedError, ImsgRpcError } from '../../../electron/core/imsg/rpc-errors.js';
import { findSshFailure } from '../../../electron/core/imsg/ssh-text.js';
import { remoteWho } from '../../../electron/core/imsg/ssh-causes.js';

const FDA_TEXT = 'unable to open database file (code: 14)\n\nThe Messages database at /x/chat.db requires Full Disk Access permission.';
const fdaError = new ImsgRpcError('chats.list', -32603, 'Internal error', FDA_TEXT, 1);

describe('dbPath that does not exist', () => {
  it('is "file not found", not Full Disk Access (imsg words it as a permission error)', () => {
    const cause = classifyImsgError(fdaError, { dbPath: '/nonexistent/dir/chat.db' });
    expect(cause.kind).toBe('db-not-found');
    expect(cause.summary).toBe('dbPath: file not found: /nonexistent/dir/chat.db');
    expect(cause.fix).toMatch(/channels\.imessage\.dbPath/);
    expect(cause.summary + (cause.fix ?? '')).not.toMatch(/Full Disk Access/);
  });

  it("names the docs' literal placeholder, also for SSH accounts (the file is elsewhere there)", () => {
    const cause = classifyImsgError(fdaError, { dbPath: '/Users/<you>/Library/Messages/chat.db', remoteHost: 'bot@mac-mini' });
    expect(cause.kind).toBe('db-not-found');
    expect(cause.summary).toContain('/Users/<you>/Library/Messages/chat.db still has a placeholder');
  });

  it('leaves an existing dbPath (or none) to the real cause', () => {
    expect(classifyImsgError(fdaError, { dbPath: '/x/chat.db', exists: () => true }).kind).toBe('full-disk-access');
    expect(classifyImsgError(fdaError, {}).kind).toBe('full-disk-access');
    expect(missingDbPath({ dbPath: '/far/away/chat.db', remoteHost: 'mac-mini' })).toBeUndefined();
    // A missing binary is still a missing binary.
    expect(classifyImsgError(new Error('imsg not found (imsg)'), { dbPath: '/nonexistent/chat.db' }).kind).toBe('not-found');
  });
});

describe('SSH wrapper that cannot connect', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['refused', 'ssh: connect to host 10.0.0.5 port 22: Connection refused', /Remote Login/],
    ['unreachable', 'ssh: connect to host mac-mini port 22: Operation timed out', /awake/],
    ['resolve', 'ssh: Could not resolve hostname mac-minii: nodename nor servname provided, or not known', /host name/],
    ['auth', 'bot@mac-mini: Permission denied (publickey,password).', /ssh-copy-id bot@mac-mini/],
    ['host-key', 'Host key verification failed.', /accept the host key/],
  ];
  for (const [problem, line, fix] of cases) {
    it(`${problem}: SSH advice from the stderr tail, not "install imsg"`, () => {
      expect(findSshFailure(`noise\n${line}`)?.problem).toBe(problem);
      const cause = classifyImsgError(new ImsgExitedError(255, null), { stderrTail: [line], remoteHost: 'bot@mac-mini' });
      expect(cause.kind).toBe('ssh');
      expect(cause.fix).toMatch(fix);
      expect(cause.fix).toContain('ssh bot@mac-mini true');
      expect(cause.detail).toBe(line);
      expect(`${cause.summary} ${cause.fix}`).not.toMatch(/install imsg|brew/i);
    });
  }

  it('the probe text of a wrapper (rpc --help failed) gets the same advice', () => {
    const cause = classifyImsgError(new Error('ssh: connect to host 127.0.0.1 port 1: Connection refused'), { remoteHost: 'bot@127.0.0.1' });
    expect(cause).toMatchObject({ kind: 'ssh', summary: 'SSH to the macOS user bot on this Mac was refused: Remote Login is probably off there.' });
  });

  it('"imsg: command not found" over SSH means imsg is missing there; locally it is not read as SSH', () => {
    const text = 'zsh:1: command not found: imsg';
    expect(classifyImsgError(new ImsgExitedError(127, null), { stderrTail: [text], remoteHost: 'mac-mini' })).toMatchObject({ kind: 'ssh', summary: expect.stringContaining("imsg isn't installed there") });
    expect(classifyImsgError(new ImsgExitedError(127, null), { stderrTail: [text] }).kind).toBe('exited');
  });
});

describe('grants of an SSH-wrapper or bot-user account', () => {
  it('Full Disk Access advice names the host and user, not this app', () => {
    const cause = classifyImsgError(fdaError, { remoteHost: 'bot@mac-mini' });
    expect(cause.kind).toBe('full-disk-access');
    expect(cause.summary).toBe("imsg running as mac-mini (as bot) can't read the Messages history there: Full Disk Access for remote logins is off.");
    expect(cause.fix).toMatch(/^On mac-mini \(as bot\), open System Settings → General → Sharing/);
    expect(cause.fix).toContain('for bot');
    expect(cause.summary + (cause.fix ?? '')).not.toContain('imsg Companion');
  });

  it('Automation advice for a bot user on this Mac says to sign in as that user', () => {
    const err = new ImsgRpcError('send', -32603, 'Internal error', 'execution error: Not authorized to send Apple events to Messages. (-1743)', 1);
    const cause = classifyImsgError(err, { remoteHost: 'bot@localhost' });
    expect(cause.kind).toBe('automation');
    expect(cause.summary).toContain('the macOS user bot on this Mac');
    expect(cause.fix).toMatch(/^On this Mac signed in as bot, open System Settings → Privacy & Security → Automation/);
  });

  it('remoteWho tells a local bot user from another Mac', () => {
    expect(remoteWho('bot@127.0.0.1')).toEqual({ where: 'the macOS user bot on this Mac', user: 'bot', local: true });
    expect(remoteWho('mac-mini')).toEqual({ where: 'mac-mini', local: false });
  });
});
