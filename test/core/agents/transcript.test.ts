// Transcript files (naming, corrupt files kept aside, per-session queue) and §15 history limits.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../electron/core/config/validate.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { DEFAULT_TRANSCRIPT_TURNS, type TranscriptMessage, transcriptTurnLimit, trimTurns } from '../../../electron/core/agents/history-limit.js';
import { TranscriptStore, transcriptFile } from '../../../electron/core/agents/transcript-store.js';

function config(raw: unknown): AppConfig {
  const result = validateConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

const turns = (n: number): TranscriptMessage[] =>
  Array.from({ length: n }, (_, i) => [
    { role: 'user' as const, content: `u${i + 1}` },
    { role: 'assistant' as const, content: `a${i + 1}` },
  ]).flat();

describe('transcriptFile', () => {
  it('is a safe file name under <stateDir>/transcripts, unique per key', () => {
    const a = transcriptFile('/state', 'agent:main:imessage:group:42');
    expect(dirname(a)).toBe('/state/transcripts');
    expect(basename(a)).toMatch(/^[0-9a-f]{16}-agent-main-imessage-group-42\.json$/);
    // Keys that slug alike still get different files.
    expect(transcriptFile('/state', 'agent:a:x')).not.toBe(transcriptFile('/state', 'agent:a-x'));
    expect(transcriptFile('/state', 'Agent:A:X')).not.toBe(transcriptFile('/state', 'agent:a:x'));
    for (const key of ['../../etc/passwd', 'a/b\\c', '', '\u0000:..']) {
      const file = transcriptFile('/state', key);
      expect(dirname(file)).toBe('/state/transcripts');
      expect(basename(file)).toMatch(/^[0-9a-f]{16}(-[a-z0-9-]+)?\.json$/);
    }
  });
});

describe('transcriptTurnLimit (§15)', () => {
  const cfg = config({
    channels: { imessage: { historyLimit: 7, dmHistoryLimit: 3, dms: { '+15550001111': { historyLimit: 9 }, 'imessage:Friend@Example.com': { historyLimit: 0 } } } },
  });

  it.each([
    ['agent:main:imessage:group:42', 7],
    ['agent:main:direct:+15550001111', 9],
    ['agent:main:imessage:direct:+15550001111', 9],
    ['agent:main:imessage:work:direct:+15550001111', 9],
    ['agent:main:imessage:direct:friend@example.com', 0],
    ['agent:main:imessage:direct:+15559999999', 3],
    ['agent:main:main', 3],
    ['something-else', DEFAULT_TRANSCRIPT_TURNS],
  ])('%s → %i', (key, limit) => {
    expect(transcriptTurnLimit(cfg, key)).toBe(limit);
  });

  it('falls back to the default cap when nothing is configured', () => {
    expect(transcriptTurnLimit(undefined, 'agent:main:main')).toBe(DEFAULT_TRANSCRIPT_TURNS);
    expect(transcriptTurnLimit(config({}), 'agent:main:imessage:group:1')).toBe(DEFAULT_TRANSCRIPT_TURNS);
    expect(transcriptTurnLimit(config({ channels: { imessage: { historyLimit: 2 } } }), 'agent:main:main')).toBe(DEFAULT_TRANSCRIPT_TURNS);
  });
});

describe('trimTurns', () => {
  it('keeps the last N user turns with their replies', () => {
    expect(trimTurns(turns(3), 2).map((m) => m.content)).toEqual(['u2', 'a2', 'u3', 'a3']);
    expect(trimTurns(turns(3), 5)).toEqual(turns(3));
    expect(trimTurns(turns(3), 0)).toEqual([]);
    const noReply: TranscriptMessage[] = [...turns(1), { role: 'user', content: 'u2' }, { role: 'user', content: 'u3' }, { role: 'assistant', content: 'a3' }];
    expect(trimTurns(noReply, 2).map((m) => m.content)).toEqual(['u2', 'u3', 'a3']);
  });
});

describe('TranscriptStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(os.tmpdir(), 'agents-transcript-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('saves, loads and clears', async () => {
    const store = new TranscriptStore(dir);
    expect(await store.load('k')).toEqual({ messages: [] });
    await store.save('k', turns(2));
    expect(await new TranscriptStore(dir).load('k')).toEqual({ messages: turns(2) });
    const stat = await fs.stat(transcriptFile(dir, 'k'));
    expect(stat.mode & 0o777).toBe(0o600);
    await store.clear('k');
    await expect(fs.access(transcriptFile(dir, 'k'))).rejects.toThrow();
    await store.clear('k');
    expect(await store.load('k')).toEqual({ messages: [] });
  });

  it.each([
    ['{"messages": [', 'not valid JSON'],
    ['[1,2]', 'messages: expected a list'],
    ['{"messages":[{"role":"system","content":"x"}]}', 'messages[0]: expected'],
    ['{"messages":[{"role":"user"}]}', 'messages[0]: expected'],
  ])('keeps a corrupt file aside and reports it: %s', async (text, why) => {
    const file = transcriptFile(dir, 'k');
    await fs.mkdir(dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    const store = new TranscriptStore(dir, () => 1234);
    const loaded = await store.load('k');
    expect(loaded.messages).toEqual([]);
    expect(loaded.warning).toContain(why);
    expect(loaded.warning).toContain(`${file}.corrupt-1234`);
    expect(await fs.readFile(`${file}.corrupt-1234`, 'utf8')).toBe(text);
    await expect(fs.access(file)).rejects.toThrow();
  });

  it('runs the turns of one session one at a time, in order', async () => {
    const store = new TranscriptStore(dir);
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = store.withSession('k', async () => {
      log.push('first:start');
      await gate;
      log.push('first:end');
    });
    const second = store.withSession('k', async () => {
      log.push('second');
    });
    const other = store.withSession('other', async () => {
      log.push('other');
    });
    await other;
    expect(log).toEqual(['first:start', 'other']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['first:start', 'other', 'first:end', 'second']);
  });

  it('a failed turn does not block the next one', async () => {
    const store = new TranscriptStore(dir);
    await expect(store.withSession('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(store.withSession('k', async () => 'ok')).resolves.toBe('ok');
  });
});
