// Every state file's failure shows in the snapshot (status), and a broken pairing file fails
// closed: an approved sender never gets a fresh pairing code because the list could not be read.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SendIntents } from '../../../electron/core/replies/send-intents.js';
import { channel, cleanup, ECHO_AGENTS, startApp, until } from './app-fixture.js';

afterEach(cleanup);

const APPROVED = '+15550000001';
const allowFile = (dir: string): string => join(dir, 'credentials', 'imessage-default-allowFrom.json');

describe('state file health', () => {
  for (const [name, content] of [
    ['corrupt', '{"version":1,"allowFrom":["+1555'],
    ['empty', ''],
    ['wrong-typed', '{"version":1,"allowFrom":"+15550000001"}'],
    ['unreadable', undefined],
  ] as const) {
    it(`an allowFrom file that is ${name} file: the approved sender gets no new code, status names the file, and it heals`, async () => {
      const fx = await startApp({ channels: { imessage: channel({ dmPolicy: 'pairing' }) }, agents: ECHO_AGENTS });
      await mkdir(join(fx.dir, 'credentials'), { recursive: true });
      // Unreadable: a directory where the file should be (root can read any file mode).
      if (content === undefined) await mkdir(allowFile(fx.dir));
      else await writeFile(allowFile(fx.dir), content);

      const m = fx.imsg.inject({ from: APPROVED, text: 'hello' });
      const drop = await fx.activity((e) => e.guid === m.guid && e.kind === 'inbound');
      expect(drop).toMatchObject({ decision: 'drop', reason: 'pairing store unreadable' });
      expect(drop.detail).toContain('no pairing code sent');
      expect(await fx.app.pairing.listPending()).toEqual([]);
      const broken = await fx.app.snapshot();
      expect(broken.overall.level).toBe('error');
      expect(broken.overall.text).toContain('imessage-default-allowFrom.json');
      expect(broken.storage?.problems.map((p) => p.file)).toEqual([allowFile(fx.dir)]);

      await rm(allowFile(fx.dir), { recursive: true });
      await writeFile(allowFile(fx.dir), JSON.stringify({ version: 1, allowFrom: [APPROVED] }));
      const again = fx.imsg.inject({ from: APPROVED, text: 'hello again' });
      const sends = await fx.imsg.waitForSends(1);
      expect(sends.map((s) => s.params.text)).toEqual(['hello again']);
      expect(fx.imsg.sends).toHaveLength(1);
      expect((await fx.activity((e) => e.guid === again.guid && e.kind === 'inbound')).decision).toBe('dispatch');
      const healed = await fx.app.snapshot();
      expect(healed.storage?.problems ?? []).toEqual([]);
      expect(healed.overall.level).not.toBe('error');
    });
  }

  it('a corrupt pairing file (requests) shows in status while strangers get no code', async () => {
    const fx = await startApp({ channels: { imessage: channel({ dmPolicy: 'pairing' }) }, agents: ECHO_AGENTS });
    await mkdir(join(fx.dir, 'credentials'), { recursive: true });
    await writeFile(join(fx.dir, 'credentials', 'imessage-pairing.json'), '\u001b]52;c;AAAA\u0007 not json');
    const snap = await fx.app.snapshot();
    expect(snap.overall.level).toBe('error');
    expect(snap.storage?.problems[0]?.file).toBe(join(fx.dir, 'credentials', 'imessage-pairing.json'));
  });

  it('a corrupt send-intents.jsonl is reported and rewritten without its bad lines (a copy kept)', async () => {
    const { dir } = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS }).then(async (f) => (await f.stop({ keepDir: true }), f));
    const file = SendIntents.fileIn(dir);
    await writeFile(file, `${JSON.stringify({ id: 'a', texts: ['x'], at: 't' })}\ngarbage\n${JSON.stringify({ id: 'b', texts: ['y'], at: 't' })}\n`);
    const intents = new SendIntents(file);
    intents.load();
    expect(intents.problem).toBeUndefined();
    expect(intents.get('a')?.texts).toEqual(['x']);
    expect(intents.get('b')?.texts).toEqual(['y']);
    expect((await readFile(file, 'utf8')).includes('garbage')).toBe(false);
    expect((await readdir(dir)).some((n) => n.startsWith('send-intents.jsonl.corrupt-'))).toBe(true);

    // Unreadable: a directory in its place; the problem stays until the file can be written.
    await rm(file);
    await mkdir(file);
    const broken = new SendIntents(file);
    broken.load();
    expect(broken.problem).toContain('cannot read');
    expect(broken.record('j', ['t'], 'now')).toContain('could not record');
    expect(broken.problem).toContain('cannot write');
    await rm(dir, { recursive: true, force: true });
  });

  it('a watch state that cannot be saved is a storage problem of the snapshot until a retried save lands', async () => {
    const fx = await startApp({ channels: { imessage: channel({ dmPolicy: 'open', allowFrom: ['*'] }) }, agents: ECHO_AGENTS });
    // The watch-state file's folder replaced by a file: every save fails (like a full disk).
    const accountDir = join(fx.dir, 'accounts', 'default');
    await rm(accountDir, { recursive: true, force: true });
    await writeFile(accountDir, 'not a folder');
    fx.imsg.inject({ from: APPROVED, text: 'one' });
    await fx.imsg.waitForSends(1);
    await until(async () => (await fx.app.snapshot()).storage?.problems.some((p) => p.file.endsWith('watch-state.json')), 'the watch state problem');
    expect((await fx.app.snapshot()).overall.level).toBe('error');
    await rm(accountDir);
    // Retried by itself (backoff), then healed.
    await until(async () => ((await fx.app.snapshot()).storage?.problems ?? []).length === 0, 'the problem to heal', 10_000);
  });
});
