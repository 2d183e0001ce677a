import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../electron/core/pairing/store.js';
import { CLI_BIN } from '../helpers/bins.js';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'cli-pairing-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Run the built CLI's `pairing` command against the temp state dir. */
function pairing(...args: string[]) {
  return execa(process.execPath, [CLI_BIN, 'pairing', ...args, '--state-dir', dir], { reject: false, env: { IMSG_COMPANION_STATE_DIR: '' } });
}

/** Create a pending request `ageMs` old, as the app would have; returns its code. */
async function seed(senderId: string, accountId = 'default', meta: Record<string, string> = {}, ageMs = 0): Promise<string> {
  const store = new PairingStore({ stateDir: dir, now: () => Date.now() - ageMs });
  return (await store.upsertRequest({ accountId, senderId, meta })).code;
}

describe('imsg-companion pairing list', () => {
  it('prints a friendly line, or {"requests":[]} with --json, when nothing is pending', async () => {
    expect(await pairing('list')).toMatchObject({ exitCode: 0, stdout: 'No pending pairing requests.' });
    expect(await pairing('list', '--account', 'work')).toMatchObject({ exitCode: 0, stdout: 'No pending pairing requests for account work.' });
    expect(await pairing('list', '--json')).toMatchObject({ exitCode: 0, stdout: '{"requests":[]}' });
  });

  it('--json prints exactly the request fields, oldest first, filtered by --account', async () => {
    const b = await seed('Pal@Example.com', 'work');
    const a = await seed('+15550000001', 'default', { sender: '+15550000001' }, 60_000);
    const all = JSON.parse((await pairing('list', '--json')).stdout) as { requests: Array<Record<string, unknown>> };
    expect(Object.keys(all)).toEqual(['requests']);
    expect(all.requests.map((r) => r.code)).toEqual([a, b]);
    for (const r of all.requests) expect(Object.keys(r)).toEqual(['id', 'code', 'accountId', 'createdAt', 'expiresAt', 'lastSeenAt', 'meta']);
    expect(all.requests[0]).toMatchObject({ id: '+15550000001', accountId: 'default', meta: { sender: '+15550000001', accountId: 'default' } });
    const work = JSON.parse((await pairing('--json', 'list', '--account=work')).stdout) as { requests: Array<{ id: string }> };
    expect(work.requests.map((r) => r.id)).toEqual(['pal@example.com']);
  });

  it('prints a table with code, sender, account, age and expiry', async () => {
    const code = await seed('+15550000001', 'default', {}, 5 * 60_000);
    const { stdout, exitCode } = await pairing('list');
    expect(exitCode).toBe(0);
    const [header, row] = stdout.split('\n');
    expect(header).toMatch(/^CODE\s+SENDER\s+ACCOUNT\s+REQUESTED\s+EXPIRES$/);
    expect(row).toMatch(new RegExp(`^${code}\\s+\\+15550000001\\s+default\\s+5m ago\\s+in 5[45]m$`));
    expect(stdout).toContain('imsg-companion pairing approve <CODE>');
  });
});

describe('imsg-companion pairing approve / deny', () => {
  it('approve (any case) prints who was approved and stores them', async () => {
    const code = await seed('imessage:+1 555 000 0001', 'work');
    const res = await pairing('approve', ` ${code.toLowerCase()} `);
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain('Approved +15550000001 (account work');
    expect(await new PairingStore({ stateDir: dir }).readApproved('work')).toEqual(['+15550000001']);
    expect(JSON.parse((await pairing('approved', '--json')).stdout)).toEqual({ approved: [{ accountId: 'work', sender: '+15550000001' }] });
    expect((await pairing('approved')).stdout).toMatch(/^ACCOUNT\s+SENDER\nwork\s+\+15550000001$/);
  });

  it.each([
    ['approve', ['NOPE2345']],
    ['approve', ['CODE', '--account', 'work']],
    ['deny', ['NOPE2345', '--block']],
  ])('%s of an unknown code exits 1 with the exact message', async (sub, args) => {
    const code = await seed('+15550000001');
    const typed = args.map((a) => (a === 'CODE' ? code : a));
    const res = await pairing(sub, ...typed);
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toBe(`No pending pairing request found for code: ${typed[0]}`);
    expect(await new PairingStore({ stateDir: dir }).listPending()).toHaveLength(1);
  });

  it('deny --block drops the request and blocks the sender; unblock lifts it', async () => {
    const code = await seed('+15550000001');
    const res = await pairing('deny', code, '--block');
    expect(res).toMatchObject({ exitCode: 0 });
    expect(res.stdout).toContain(`Denied pairing request ${code} from +15550000001`);
    const store = new PairingStore({ stateDir: dir });
    expect(await store.listPending()).toEqual([]);
    expect(await store.isBlocked('default', '+15550000001')).toBe(true);
    expect(await pairing('unblock', '15550000001')).toMatchObject({ exitCode: 0, stdout: 'Unblocked 15550000001.' });
    expect(await store.isBlocked('default', '+15550000001')).toBe(false);
    expect(await pairing('unblock', '15550000001')).toMatchObject({ exitCode: 1, stderr: 'No blocked sender found for: 15550000001' });
  });
});

describe('imsg-companion pairing revoke / approved', () => {
  it('revoke removes an approved sender (normalized), else exits 1', async () => {
    const store = new PairingStore({ stateDir: dir });
    await store.approve(await seed('+15550000001'));
    expect(await pairing('approved')).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('+15550000001') });
    expect(await pairing('revoke', '+1 (555) 000-0001', '--account', 'default')).toMatchObject({ exitCode: 0, stdout: 'Revoked access for +1 (555) 000-0001 in account default.' });
    expect(await store.readApproved('default')).toEqual([]);
    expect(await pairing('revoke', '+15550000001')).toMatchObject({ exitCode: 1, stderr: 'No approved sender found for: +15550000001' });
    expect(await pairing('approved')).toMatchObject({ exitCode: 0, stdout: 'No approved senders yet.' });
  });
});

describe('imsg-companion pairing errors', () => {
  it.each([
    [[], /missing subcommand/],
    [['bogus'], /unknown subcommand 'bogus'/],
    [['approve'], /approve needs exactly one CODE/],
    [['list', 'extra'], /channel 'extra' is not supported: imsg Companion pairs iMessage senders only/],
    [['list', 'telegram'], /channel 'telegram' is not supported/],
    [['approve', 'telegram', 'ABCD2345'], /channel 'telegram' is not supported/],
    [['approve', 'telegram'], /channel 'telegram' is not supported/],
    [['list', '--channel', 'whatsapp'], /channel 'whatsapp' is not supported/],
    [['approve', 'imessage'], /approve needs exactly one CODE/],
    [['list', '--block'], /list does not take --block/],
    [['list', '--nope'], /--nope/],
    [['list', '--account', '../etc'], /Invalid account id "\.\.\/etc"/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const res = await pairing(...args);
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toMatch(message);
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });

  it('a corrupt store file exits 1 naming the file, and is left as it was', async () => {
    const file = join(dir, 'credentials', 'imessage-pairing.json');
    await fs.mkdir(join(dir, 'credentials'));
    await fs.writeFile(file, '{"version":1,');
    const res = await pairing('approve', 'ABCDEFGH');
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toContain(file);
    expect(res.stderr).toContain('not valid JSON');
    expect(await fs.readFile(file, 'utf8')).toBe('{"version":1,');
  });

  it('--help prints the usage', async () => {
    const res = await pairing('--help');
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain('imsg-companion pairing <subcommand>');
  });
});

describe('imsg-companion pairing with the docs\' channel word', () => {
  it('list imessage, approve imessage CODE, --channel/--provider imessage work like the plain forms', async () => {
    const code = await seed('+15550001111');
    const other = await seed('+15550002222');
    const list = await pairing('list', 'imessage', '--json');
    expect(list.exitCode).toBe(0);
    expect((JSON.parse(list.stdout) as { requests: unknown[] }).requests).toHaveLength(2);
    const ok = await pairing('approve', 'imessage', code.toLowerCase());
    expect([ok.exitCode, ok.stdout]).toEqual([0, `Approved +15550001111 (account default, code ${code}). They can message the assistant now.`]);
    const flag = await pairing('approve', '--provider', 'iMessage', other);
    expect(flag.exitCode).toBe(0);
    expect(await new PairingStore({ stateDir: dir }).readApproved('default')).toEqual(['+15550001111', '+15550002222']);
    expect((await pairing('list', '--channel', 'imessage')).exitCode).toBe(0);
  });

  it('blocked lists blocked senders (table and --json)', async () => {
    expect((await pairing('blocked')).stdout).toBe('No blocked senders.');
    const code = await seed('+15550003333', 'work');
    expect((await pairing('deny', code, '--block')).exitCode).toBe(0);
    expect(JSON.parse((await pairing('blocked', 'imessage', '--json')).stdout)).toEqual({ blocked: [{ accountId: 'work', sender: '+15550003333' }] });
    expect((await pairing('blocked')).stdout.split('\n').map((l) => l.trim().split(/\s+/))).toEqual([['ACCOUNT', 'SENDER'], ['work', '+15550003333']]);
    expect((await pairing('blocked', '--account', 'default')).stdout).toBe('No blocked senders in account default.');
  });
});
