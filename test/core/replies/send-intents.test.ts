// SendIntents (what a reply was about to send, kept across a crash) and unsentTexts (which of
// those texts the chat does not show).
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unsentTexts } from '../../../electron/core/replies/resend-check.js';
import { SendIntents } from '../../../electron/core/replies/send-intents.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'intents-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('SendIntents', () => {
  it('a recorded intent is in the file at once (no await), and the next run loads it', async () => {
    const file = SendIntents.fileIn(join(dir, 'state'));
    const a = new SendIntents(file);
    a.load();
    a.record('default:G1', ['part 1', 'part 2'], '2026-11-21T10:00:00.000Z');
    a.record('default:G2', ['hi'], '2026-11-21T10:00:01.000Z');
    a.forget('default:G2');
    // Synchronous on purpose: a crash right after record() must leave the line behind.
    expect((await fs.readFile(file, 'utf8')).trim().split('\n')).toHaveLength(2);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const b = new SendIntents(file);
    b.load();
    expect(b.get('default:G1')).toEqual({ texts: ['part 1', 'part 2'], at: '2026-11-21T10:00:00.000Z' });
    a.close();
  });

  it('a write that fails is reported, never thrown; the intent is still known in memory', async () => {
    const file = join(dir, 'taken');
    await fs.mkdir(file); // a directory where the file should be: open fails
    const intents = new SendIntents(file);
    expect(intents.record('default:G1', ['hi'], 't')).toMatch(new RegExp(`^could not record the reply before sending it \\(${file}\\): EISDIR`));
    expect(intents.get('default:G1')).toEqual({ texts: ['hi'], at: 't' });
  });

  it('a torn last line (a crash mid-write) and junk are skipped', async () => {
    const file = SendIntents.fileIn(dir);
    await fs.writeFile(file, '{"id":"a","texts":["x"],"at":"t"}\nnot json\n{"id":"b","texts":[1],"at":"t"}\n{"id":"c","tex');
    const intents = new SendIntents(file);
    intents.load();
    expect(intents.get('a')).toEqual({ texts: ['x'], at: 't' });
    expect(intents.get('b')).toBeUndefined();
    expect(intents.get('c')).toBeUndefined();
  });

  it('rewrites the file with only unfinished intents once it grows past 256 KB', async () => {
    const file = SendIntents.fileIn(dir);
    const intents = new SendIntents(file);
    const long = 'x'.repeat(1000);
    for (let i = 0; i < 300; i++) {
      intents.record(`job${i}`, [long], 't');
      if (i !== 7) intents.forget(`job${i}`);
    }
    intents.close();
    const size = (await fs.stat(file)).size;
    expect(size).toBeLessThan(300 * 1000);
    const next = new SendIntents(file);
    next.load();
    expect(next.get('job7')?.texts).toEqual([long]);
    expect(next.get('job299')?.texts).toEqual([long]); // finished, but its line came after the rewrite: harmless, only pending jobs ask
    expect(next.get('job8')).toBeUndefined();
  });
});

describe('unsentTexts', () => {
  it.each([
    ['all shown', ['a', 'b'], ['b', 'a', 'other'], []],
    ['none shown', ['a', 'b'], ['other'], ['a', 'b']],
    ['only the first chunk went out', ['a', 'b', 'c'], ['a'], ['b', 'c']],
    ['one shown row accounts for one text', ['same', 'same'], ['same'], ['same']],
  ])('%s', (_name, texts, shown, expected) => {
    expect(unsentTexts(texts, shown)).toEqual(expected);
  });
});
