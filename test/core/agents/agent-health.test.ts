// Which agent failures wait and which fail at once, the backoff between tries, and the gate that
// lets one trial call through to a failing agent while the other replies keep waiting.
import { describe, expect, it } from 'vitest';
import { AgentError } from '../../../electron/core/agents/agent-error.js';
import { AgentHealthBook, retryDelayMs } from '../../../electron/core/agents/agent-health.js';
import { classifyAgentFailure } from '../../../electron/core/agents/failure-class.js';
import { parseRetryAfter } from '../../../electron/core/agents/http-call.js';

const err = (kind: AgentError['kind'], extra: { status?: number; retryAfterMs?: number; startFailed?: boolean } = {}) => new AgentError({ agentId: 'main', backend: 'openai', kind, message: `${kind} happened`, ...extra });

describe('classifyAgentFailure', () => {
  it.each([
    ['network', {}, true],
    ['timeout', {}, true],
    ['exit', {}, true],
    ['http', { status: 500 }, true],
    ['http', { status: 502 }, true],
    ['http', { status: 503 }, true],
    ['http', { status: 408 }, true],
    ['http', { status: 429 }, true],
    ['http', { status: 401 }, false],
    ['http', { status: 403 }, false],
    ['http', { status: 404 }, false],
    ['http', { status: 400 }, false],
    ['config', {}, false],
    ['config', { startFailed: true }, true],
    ['invalid-reply', {}, false],
  ] as const)('%s %j → transient %s', (kind, extra, transient) => {
    expect(classifyAgentFailure(err(kind, extra))).toMatchObject({ transient, cause: `${kind} happened` });
  });

  it('keeps Retry-After only for a transient status', () => {
    expect(classifyAgentFailure(err('http', { status: 429, retryAfterMs: 7000 })).retryAfterMs).toBe(7000);
    expect(classifyAgentFailure(err('http', { status: 401, retryAfterMs: 7000 })).retryAfterMs).toBeUndefined();
  });

  it('an error that is not an AgentError is permanent, with its message', () => {
    expect(classifyAgentFailure(new Error('boom'))).toEqual({ transient: false, cause: 'boom' });
  });
});

describe('retry timing', () => {
  it('doubles from 2 s to the cap, with ±20 % jitter, and takes Retry-After as given', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, 120_000, mid))).toEqual([2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000]);
    expect(retryDelayMs(1, 120_000, () => 0)).toBe(1600);
    expect(retryDelayMs(1, 120_000, () => 1)).toBe(2400);
    expect(retryDelayMs(3, 1000, mid)).toBe(1000);
    expect(retryDelayMs(9, 120_000, mid, 3000)).toBe(3000);
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('AgentHealthBook', () => {
  it('unknown until used; a transient failure gates calls until the retry, then lets ONE trial through', () => {
    let now = 1_000_000;
    const book = new AgentHealthBook(() => now, () => 0.5);
    expect(book.view('main', 0)).toEqual({ state: 'unknown', waiting: 0 });
    expect(book.admit('main')).toBeUndefined();
    const next = book.failed('main', { transient: true, cause: 'cannot reach x' });
    expect(next).toBe(now + 2000);
    expect(book.peek('main')).toEqual({ until: now + 2000, cause: 'cannot reach x' });
    now += 2000;
    expect(book.admit('main')).toBeUndefined(); // the trial
    expect(book.admit('main')?.cause).toBe('cannot reach x'); // others wait for it
    book.failed('main', { transient: true, cause: 'cannot reach x' });
    expect(book.get('main')?.nextRetryAt).toBe(now + 4000);
    expect(book.view('main', 3)).toMatchObject({ state: 'failing', cause: 'cannot reach x', since: new Date(1_000_000).toISOString(), waiting: 3 });
    book.succeeded('main');
    expect(book.admit('main')).toBeUndefined();
    expect(book.view('main', 0)).toMatchObject({ state: 'ok', waiting: 0 });
  });

  it('a permanent failure shows failing but does not hold other calls back', () => {
    const book = new AgentHealthBook(() => 5, () => 0.5);
    expect(book.failed('main', { transient: false, cause: 'HTTP 401' })).toBeUndefined();
    expect(book.view('main', 0)).toMatchObject({ state: 'failing', cause: 'HTTP 401' });
    expect(book.admit('main')).toBeUndefined();
  });

  it('tells listeners when an agent changes, not on every success', () => {
    const book = new AgentHealthBook(() => 5, () => 0.5);
    const seen: string[] = [];
    book.onChange((id) => seen.push(id));
    book.succeeded('a');
    book.succeeded('a');
    book.failed('a', { transient: true, cause: 'x' });
    book.succeeded('a');
    expect(seen).toEqual(['a', 'a', 'a']);
  });
});
