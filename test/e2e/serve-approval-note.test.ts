// The approval note survives the app being stopped: `pairing approve` from the CLI while serve is
// down, and the sender hears "You're approved" at the next start, once (not again on a restart).
import { afterEach, expect, it } from 'vitest';
import { APPROVED_NOTE_TEXT } from '../../electron/core/pairing/reply-text.js';
import { until, World } from './serve-harness.js';

const STRANGER = '+15551230077';
let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

it('an approval made while serve is stopped is announced at its next start, once', async () => {
  world = await World.create();
  const w = world;
  let serve = await w.serve();
  await w.waitWatching();
  const m = w.inject({ from: STRANGER, text: 'hi, is this the bot?' });
  await until(() => w.sentCount() >= 1, 'the pairing reply', 20_000);
  const code = /pairing approve ([A-Z0-9]{8})$/.exec((await w.outbox())[0]?.text ?? '')?.[1] ?? '';
  expect((await serve.stop()).exitCode).toBe(0);

  const approve = await w.cli(['pairing', 'approve', code]);
  expect(approve).toMatchObject({ exitCode: 0, stdout: expect.stringContaining(`Approved ${STRANGER}`) });
  expect(w.sentCount()).toBe(1);

  serve = await w.serve();
  await until(() => w.sentCount() >= 2, 'the approval note', 20_000);
  expect((await w.outbox())[1]).toMatchObject({ chat_id: m.chat_id, text: APPROVED_NOTE_TEXT });
  expect((await serve.stop()).exitCode).toBe(0);
  serve = await w.serve();
  await w.waitWatching();
  await new Promise((r) => setTimeout(r, 1000));
  expect(w.sentCount()).toBe(2);
  expect((await serve.stop()).exitCode).toBe(0);
});
