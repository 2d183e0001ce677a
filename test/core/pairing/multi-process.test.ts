import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../../electron/core/pairing/store.js';
import { CLI_BIN } from '../../helpers/bins.js';
import { bundleWorker } from './fixtures/bundle-worker.js';
import { tempStateDir } from './fixtures/state.js';

let dir: string;

beforeEach(async () => {
  dir = await tempStateDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('several OS processes sharing one state dir', () => {
  it('lose and tear no write while creating, approving and denying at the same time', async () => {
    const worker = await bundleWorker(dir);
    const stateDir = join(dir, 'state');
    // Requests the real CLI approves/denies while the workers hammer the same files.
    const seeded = new PairingStore({ stateDir });
    const cliCodes: Record<string, string> = {};
    for (const sender of ['+15551110001', '+15551110002', '+15551110003']) cliCodes[sender] = (await seeded.upsertRequest({ accountId: 'cli', senderId: sender })).code;

    const perWorker = 16;
    const workers = ['0', '1', '2'].map((w) => execa(process.execPath, [worker, 'pairing', stateDir, w, String(perWorker)]));
    const cli = (...args: string[]) => execa(process.execPath, [CLI_BIN, 'pairing', ...args, '--state-dir', stateDir]);
    const cliRuns = [cli('approve', cliCodes['+15551110001'] ?? ''), cli('approve', (cliCodes['+15551110002'] ?? '').toLowerCase(), '--account', 'cli'), cli('deny', cliCodes['+15551110003'] ?? '', '--block')];
    const results = await Promise.all(workers);
    for (const run of await Promise.all(cliRuns)) expect(run.exitCode).toBe(0);

    const created = results.flatMap((r) => (JSON.parse(r.stdout) as { created: Array<{ id: string; code: string }> }).created);
    const approved = results.flatMap((r) => (JSON.parse(r.stdout) as { approved: string[] }).approved);
    expect(created).toHaveLength(3 * perWorker);
    expect(new Set(created.map((c) => c.code)).size).toBe(created.length);

    // Every file parses (no torn write) and holds exactly what the processes did (no lost write).
    const credDir = join(stateDir, 'credentials');
    const names = (await fs.readdir(credDir)).sort();
    expect(names).toEqual(['imessage-cli-allowFrom.json', 'imessage-cli-blocked.json', 'imessage-default-allowFrom.json', 'imessage-pairing-notes.json', 'imessage-pairing.json']);
    for (const name of names) {
      const text = await fs.readFile(join(credDir, name), 'utf8');
      expect(() => JSON.parse(text), name).not.toThrow();
    }

    const store = new PairingStore({ stateDir });
    const approvedSet = new Set(approved);
    const stillPending = created.filter((c) => !approvedSet.has(c.id));
    expect((await store.listPending('default')).map((r) => `${r.id} ${r.code}`).sort()).toEqual(stillPending.map((c) => `${c.id} ${c.code}`).sort());
    expect((await store.readApproved('default')).sort()).toEqual([...approvedSet].sort());
    expect((await store.readApproved('cli')).sort()).toEqual(['+15551110001', '+15551110002']);
    expect(await store.isBlocked('cli', '+15551110003')).toBe(true);
    expect(await store.listPending('cli')).toEqual([]);
    // Each approval, from any process, owes its sender exactly one approval note.
    expect((await store.listOwedNotes()).map((n) => `${n.accountId} ${n.id}`).sort()).toEqual([...[...approvedSet].map((id) => `default ${id}`), 'cli +15551110001', 'cli +15551110002'].sort());
  });
});
