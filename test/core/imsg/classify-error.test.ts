import { describe, expect, it } from 'vitest';
import { classifyImsgError, type ImsgCauseKind } from '../../../electron/core/imsg/classify-error.js';
import { ImsgExitedError, ImsgNotRunningError, ImsgProtocolError, ImsgRpcError, ImsgSpawnError, ImsgTimeoutError } from '../../../electron/core/imsg/rpc-errors.js';

const BANNER = [
  'unable to open database file (code: 14)',
  '',
  '⚠️  Permission Error: Cannot access Messages database',
  '',
  'The Messages database at /Users/me/Library/Messages/chat.db requires Full Disk Access permission.',
  '',
  'To fix:',
  '1. Open System Settings → Privacy & Security → Full Disk Access',
].join('\n');

const rpc = (data: string | Record<string, unknown> | undefined, code = -32603, method = 'chats.list') => new ImsgRpcError(method, code, 'Internal error', data, 1);

const table: [string, unknown, ImsgCauseKind, { firstRequest?: boolean; stderrTail?: readonly string[] }?][] = [
  ['startup banner in data', rpc(BANNER), 'full-disk-access'],
  ['SQLite code 14 alone', rpc('unable to open database file (code: 14)'), 'full-disk-access'],
  ['macOS 26 code 23', rpc('authorization denied (code: 23)'), 'full-disk-access'],
  ['-32002 with object data', rpc({ path: '/x/chat.db', detail: 'open failed', retryable: true }, -32002), 'full-disk-access'],
  ['pre-0.8.2 banner in the ring, error is a timeout', new ImsgTimeoutError('chats.list', 10_000, false), 'full-disk-access', { stderrTail: ['[stdout] failed to parse permissionDenied(path: "/Users/me/Library/Messages/chat.db")'] }],
  ['osascript -1743', rpc('AppleScript failed: 0:92: execution error: Not authorized to send Apple events to Messages. (-1743)', -32603, 'send'), 'automation'],
  ['Not authorized only', rpc('AppleScript failed: Not authorized', -32603, 'send'), 'automation'],
  ['unknown command rpc', new Error('Unknown command: rpc'), 'rpc-unsupported'],
  ['first request timeout', new ImsgTimeoutError('chats.list', 30_000, true), 'contacts-wait'],
  ['ctx marks the first request', new ImsgTimeoutError('initialize', 10_000), 'contacts-wait', { firstRequest: true }],
  ['ENOENT', new ImsgSpawnError('/opt/homebrew/bin/imsg', Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' })), 'not-found'],
  ['EACCES', new ImsgSpawnError('/tmp/imsg', Object.assign(new Error('spawn EACCES'), { code: 'EACCES' })), 'not-found'],
  ['probe not found text', new Error('imsg not found (imsg)'), 'not-found'],
  ['later request timeout', new ImsgTimeoutError('send', 10_000, false), 'timeout'],
  ['ctx overrides firstRequest', new ImsgTimeoutError('send', 10_000, true), 'timeout', { firstRequest: false }],
  ['crash', new ImsgExitedError(1, null), 'exited'],
  ['closed', new ImsgExitedError(0, null), 'exited'],
  ['not running', new ImsgNotRunningError(), 'not-running'],
  ['other rpc error', rpc('Invalid ISO8601 date: bad', -32603, 'messages.history'), 'rpc'],
  ['protocol error', new ImsgProtocolError('x', 'not JSON'), 'unknown'],
  ['a string', 'weird', 'unknown'],
  ['undefined', undefined, 'unknown'],
];

describe('classifyImsgError', () => {
  it.each(table)('%s', (_name, err, kind, ctx) => {
    const cause = classifyImsgError(err, ctx);
    expect(cause.kind).toBe(kind);
    expect(cause.summary.length).toBeGreaterThan(10);
    expect(cause.summary).toMatch(/[.!]$/);
  });

  it('names the System Settings pane and the host app in the Full Disk Access fix', () => {
    const cause = classifyImsgError(rpc(BANNER), { stderrTail: [] });
    expect(cause.fix).toContain('System Settings → Privacy & Security → Full Disk Access');
    expect(cause.fix).toContain('imsg Companion');
    expect(cause.summary).toContain('/Users/me/Library/Messages/chat.db');
    expect(cause.detail).toBe('unable to open database file (code: 14)');
    expect(classifyImsgError(rpc(BANNER), { hostApp: 'Terminal' }).fix).toContain('Full Disk Access to Terminal');
  });

  it('names the Automation pane for a refused send', () => {
    const cause = classifyImsgError(rpc('AppleScript failed: Not authorized to send Apple events to Messages. (-1743)', -32603, 'send'));
    expect(cause.fix).toContain('Privacy & Security → Automation');
    expect(cause.detail).toBe('AppleScript failed: Not authorized to send Apple events to Messages. (-1743)');
  });

  it('takes the detail of a -32002 from its data object', () => {
    expect(classifyImsgError(rpc({ path: '/x/chat.db', detail: 'open failed', retryable: true }, -32002)).detail).toBe('open failed');
  });

  it('puts the code and the whole error in detail for plain rpc errors', () => {
    const cause = classifyImsgError(rpc('Invalid ISO8601 date: bad', -32603, 'messages.history'));
    expect(cause.summary).toContain('messages.history');
    expect(cause.summary).toContain('Invalid ISO8601 date: bad');
    expect(cause.detail).toMatch(/^code -32603/);
  });

  it('mentions the signal or code of an unexpected exit', () => {
    expect(classifyImsgError(new ImsgExitedError(null, 'SIGSEGV')).summary).toContain('SIGSEGV');
    expect(classifyImsgError(new ImsgExitedError(3, null)).summary).toContain('exit code 3');
  });
});
