import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PendingJournal } from '../../../electron/core/replies/pending-journal.js';
import { watchStateFile } from '../../../electron/core/imsg/cursor-store.js';
import { type AppFixture, channel, cleanup, journalIds, startApp, until } from './app-fixture.js';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai.js';

let openai: FakeOpenAi | undefined;
afterEach(async () => {
  await cleanup();
  openai = undefined;
});

/** An app whose agent is the fake OpenAI server (so replies can be held in flight). */
async function app(dir?: string): Promise<AppFixture> {
  openai ??= await startFakeOpenAi();
  const agents = { list: [{ id: 'gpt', default: true, backend: { type: 'openai', baseUrl: openai.baseUrl, model: 'm' } }] };
  const f = await startApp({ channels: { imessage: channel({ dmPolicy: 'open', allowFrom: ['*'] }) }, agents }, { dir });
  return f;
}


describe('companion lifecycle', () => {
  it('stop() lets a reply in flight go out before it resolves, then empties the journal', async () => {
    const f = await app();
    const release = openai?.hold() as () => void;
    f.imsg.inject({ from: '+15550000001', text: 'slow one' });
    await until(() => openai?.requests.length === 1, 'the agent call');
    let stopped = false;
    const stopping = f.app.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(f.imsg.texts()).toEqual(['re: slow one']);
    expect(await journalIds(f.dir)).toEqual([]);
  });

  it('a message accepted while stopping is journaled, not run, and answered after the next start', async () => {
    const first = await app();
    const release = openai?.hold() as () => void;
    first.imsg.inject({ from: '+15550000001', text: 'in flight' });
    await until(() => openai?.requests.length === 1, 'the agent call');
    const stopping = first.app.stop();
    const late = first.imsg.inject({ from: '+15550000002', text: 'arrived during the stop' });
    const parked = await first.activity((e) => e.guid === late.guid);
    expect(parked).toMatchObject({ kind: 'inbound', decision: 'dispatch', detail: 'the account is stopping; answered when it starts again' });
    release();
    await stopping;
    expect(first.imsg.texts()).toEqual(['re: in flight']);
    expect(await journalIds(first.dir)).toEqual([`default:${late.guid}`]);
    await first.stop({ keepDir: true });

    const second = await app(first.dir);
    await second.imsg.waitForSends(1);
    expect(second.imsg.sends.map((s) => [s.params.to, s.params.text])).toEqual([['+15550000002', 're: arrived during the stop']]);
    expect(await second.activity((e) => e.kind === 'system' && e.guid === late.guid)).toMatchObject({ detail: 'resuming a reply interrupted by the last shutdown' });
    await until(async () => (await journalIds(second.dir)).length === 0, 'the journal to empty');
  });

  it('after a crash the journaled reply is resumed once, even when the watch replays its message', async () => {
    const first = await app();
    const watchState = watchStateFile(first.dir, 'default');
    await until(async () => (await readFile(watchState, 'utf8').catch(() => '')).includes('"cursor"'), 'the first watch position');
    const cursorBefore = await readFile(watchState, 'utf8');
    const release = openai?.hold() as () => void;
    const m = first.imsg.inject({ from: '+15550000001', text: 'answer me once' });
    await until(async () => (await journalIds(first.dir)).length === 1, 'the job on disk');
    // The state a SIGKILL right after journaling leaves: the job on disk, the reply never sent,
    // the watch position not yet past the message.
    const crashed = await readFile(PendingJournal.fileIn(first.dir), 'utf8');
    release();
    await first.stop({ keepDir: true });
    await writeFile(PendingJournal.fileIn(first.dir), crashed);
    await writeFile(watchState, cursorBefore);

    const second = await app(first.dir);
    second.imsg.deliver({ ...m }); // the watch resumed from a cursor that had not moved past it
    const replay = await second.activity((e) => e.kind === 'inbound' && e.guid === m.guid && e.detail !== undefined);
    expect(replay).toMatchObject({ decision: 'dispatch', detail: 'already taken from the pending replies of the last run; answered once' });
    await second.imsg.waitForSends(1);
    await new Promise((r) => setTimeout(r, 300));
    await second.app.queue.idle();
    expect(second.imsg.texts()).toEqual(['re: answer me once']);
    await until(async () => (await journalIds(second.dir)).length === 0, 'the journal to empty');
  });
});
