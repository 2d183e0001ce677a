// The imsg CLI surface of the simulator (spec §1) over the real built bin.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_METHODS } from './rpc/dispatch.js';
import { makeSimDb, runSim } from './rpc-harness.js';

const RPC_HELP = [
  'imsg rpc',
  'Run JSON-RPC over stdin/stdout',
  '',
  'Usage:',
  '  imsg rpc [options]',
  '',
  'Options:',
  '  --db <value>\tPath to chat.db (defaults to ~/Library/Messages/chat.db)',
  '  --log-level, --logLevel <value>\tSet log level (trace|verbose|debug|info|warning|error|critical)',
  '  -v, --verbose\tEnable verbose logging',
  '  --json, -j, --json-output, --jsonOutput\tEmit machine-readable JSON output',
  '',
  'Examples:',
  '  imsg rpc',
  '  imsg rpc --db ~/Library/Messages/chat.db',
  '',
].join('\n');

/** Read something from the DB with a short-lived read-only connection. */
function readDb<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('global behaviour', () => {
  it.each([[['--version']], [['-V']], [['rpc', '--version']], [['chats', '--db', '/nope', '-V']]])('%j prints only the version', async (args) => {
    const res = await runSim(args);
    expect(res).toEqual({ exitCode: 0, stdout: '0.9.0\n', stderr: '' });
  });

  it('lets IMSG_VERSION override the version', async () => {
    expect((await runSim(['--version'], { env: { IMSG_VERSION: '0.15.2' } })).stdout).toBe('0.15.2\n');
  });

  it('prints root help with no arguments and for --help / unknown --help', async () => {
    const plain = await runSim([]);
    expect(plain.exitCode).toBe(0);
    const lines = plain.stdout.split('\n');
    expect(lines.slice(0, 7)).toEqual(['imsg 0.9.0', 'Send and read iMessage / SMS from the terminal', '', 'Usage:', '  imsg <command> [options]', '', 'Commands:']);
    expect(lines).toContain('  rpc\tRun JSON-RPC over stdin/stdout');
    expect(lines.indexOf('  chats\tList recent conversations')).toBe(7);
    expect(plain.stdout.endsWith("\nRun 'imsg <command> --help' for details.\n")).toBe(true);
    expect((await runSim(['--help'])).stdout).toBe(plain.stdout);
    expect(await runSim(['nope', '-h'])).toMatchObject({ exitCode: 0, stdout: plain.stdout });
  });

  it('prints the exact rpc help (literal TABs) for rpc --help', async () => {
    expect(await runSim(['rpc', '--help'])).toEqual({ exitCode: 0, stdout: RPC_HELP, stderr: '' });
  });

  it('reports an unknown command on stdout with exit 1', async () => {
    const res = await runSim(['nope']);
    expect(res).toEqual({ exitCode: 1, stdout: 'Unknown command: nope\n', stderr: '' });
  });

  it.each([
    [['chats', '--bogus'], 'Unknown option: --bogus'],
    [['chats', '--limit'], 'Missing value for option: --limit'],
    [['chats', '--limit', 'ten'], 'Invalid value for --limit: ten'],
    [['chats', 'extra'], 'Unexpected argument: extra'],
  ])('%j is a parse error on stdout, exit 1', async (args, message) => {
    expect(await runSim(args)).toEqual({ exitCode: 1, stdout: `${message}\n`, stderr: '' });
  });

  it('accepts and ignores the runtime flags on rpc, exiting 0 at stdin EOF', async () => {
    const db = await makeSimDb();
    try {
      const res = await runSim(['rpc', '--db', db.dbPath, '--json', '-v', '--log-level', 'debug', '-j', '--logLevel=info'], { input: '' });
      expect(res).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    } finally {
      await db.cleanup();
    }
  });
});

describe('commands over a chat.db', () => {
  let db: Awaited<ReturnType<typeof makeSimDb>>;
  let path: string;
  beforeAll(async () => {
    db = await makeSimDb();
    path = `${db.dir}/sub/chat.db`;
  });
  afterAll(() => db.cleanup());

  it('init creates the DB in WAL mode; inject prints the new row; chats lists text and JSON', async () => {
    expect((await runSim(['init', '--db', path])).exitCode).toBe(0);
    expect(existsSync(path)).toBe(true);
    const direct = await runSim(['inject', '--db', path, '--from', '+15551234567', '--text', 'hello']);
    expect(direct.exitCode).toBe(0);
    const row = JSON.parse(direct.stdout) as Record<string, unknown>;
    expect(row).toEqual({ id: 1, guid: expect.stringMatching(/^[0-9A-F-]{36}$/), chat_id: 1, chat_guid: 'iMessage;-;+15551234567' });
    const group = JSON.parse(
      (await runSim(['inject', '--db', path, '--from', 'a@b.com', '--group-name', 'Fam', '--participants', '+15550001111,+15550002222', '--text', 'yo'])).stdout,
    ) as Record<string, unknown>;
    expect(group).toMatchObject({ id: 2, chat_id: 2, chat_guid: expect.stringMatching(/^iMessage;\+;chat\d+$/) });
    expect(readDb(path, (d) => d.pragma('journal_mode', { simple: true }))).toBe('wal');

    const text = await runSim(['chats', '--db', path]);
    expect(text.stdout).toMatch(/^\[2\] Fam \(chat\d+\) last=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n\[1\] {2}\(\+15551234567\) last=/);
    const json = (await runSim(['chats', '--db', path, '--json', '--limit', '1'])).stdout.trim().split('\n');
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0] ?? '')).toEqual({
      id: 2, name: 'Fam', identifier: expect.stringMatching(/^chat/), service: 'iMessage', last_message_at: expect.any(String),
      guid: group.chat_guid, display_name: 'Fam', is_group: true, participants: ['+15550001111', '+15550002222', 'a@b.com'],
    });
  });

  it('send prints sent / {"status":"sent"} and the row shows up in outbox', async () => {
    expect(await runSim(['send', '--db', path, '--to', '(555) 123-4567', '--text', 'reply one'])).toMatchObject({ exitCode: 0, stdout: 'sent\n' });
    expect(await runSim(['send', '--db', path, '--chat-id', '2', '--text', 'to group', '--json'])).toMatchObject({ exitCode: 0, stdout: '{"status":"sent"}\n' });
    const out = (await runSim(['outbox', '--db', path, '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((m) => [m.text, m.chat_id, m.sender, m.is_from_me])).toEqual([
      ['reply one', 1, '+15551234567', true],
      ['to group', 2, '', true],
    ]);
    const since = (await runSim(['outbox', '--db', path, '--json', '--since-rowid', String(out[0]?.id)])).stdout.trim().split('\n');
    expect(since).toHaveLength(1);
    expect((await runSim(['outbox', '--db', path])).stdout).toMatch(/^\S+Z \[sent\] \+15551234567: reply one\n/);
  });

  it('send reports validation errors on stdout with exit 1', async () => {
    expect(await runSim(['send', '--db', path, '--text', 'x'])).toMatchObject({ exitCode: 1, stdout: 'to is required for direct sends\n' });
    expect(await runSim(['send', '--db', path, '--to', 'a@b.com'])).toMatchObject({ exitCode: 1, stdout: 'text or file is required\n' });
  });

  it('inject --no-text-column leaves text NULL; --from-me without a chat needs --from', async () => {
    const res = await runSim(['inject', '--db', path, '--from', 'z@z.com', '--text', 'blob only', '--no-text-column', '--date', '2030-01-01T00:00:00Z']);
    expect(res.exitCode).toBe(0);
    const { id } = JSON.parse(res.stdout) as { id: number };
    expect(readDb(path, (d) => d.prepare('SELECT text, length(attributedBody) > 0 AS blob FROM message WHERE ROWID = ?').get(id))).toEqual({ text: null, blob: 1 });
    const chats = (await runSim(['chats', '--db', path, '--json', '--limit', '1'])).stdout;
    expect(JSON.parse(chats)).toMatchObject({ identifier: 'z@z.com', last_message_at: '2030-01-01T00:00:00.000Z' });
    expect(await runSim(['inject', '--db', path, '--from-me', '--text', 'x'])).toMatchObject({ exitCode: 1 });
    expect(await runSim(['inject', '--from', 'a@b.com'])).toMatchObject({ exitCode: 1, stdout: 'Missing required option: --db\n' });
  });

  it('status --json lists the RPC methods and the version', async () => {
    const res = await runSim(['status', '--json'], { env: { IMSG_VERSION: '0.9.1' } });
    const status = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(Object.keys(status).sort()).toEqual(
      ['advanced_features', 'basic_features', 'bridge_version', 'message', 'read_receipts', 'rpc_methods', 'selectors', 'sip', 'typing_indicators', 'v2_ready', 'version'],
    );
    expect(status).toMatchObject({ version: '0.9.1', rpc_methods: [...RPC_METHODS], basic_features: true, advanced_features: false });
    expect(RPC_METHODS).toHaveLength(22);
  });
});
