import { describe, expect, it } from 'vitest';
import { buildEnvelope, formatEnvelopeLine, formatFromLabel, formatReplySuffix, formatSenderLabel } from '../../../electron/core/delivery/envelope.js';
import { formatElapsed, formatEnvelopeTimestamp, resolveEnvelopeZone } from '../../../electron/core/delivery/envelope-time.js';
import type { EnvelopeDecision } from '../../../electron/core/delivery/envelope.js';

const AT = Date.UTC(2026, 0, 7, 14, 5, 42); // a Wednesday

describe('envelope timestamps (§13)', () => {
  it.each([
    ['UTC → T…Z form, weekday kept', 'UTC', AT, 'Wed 2026-01-07T14:05Z'],
    ['utc spelling', 'utc', AT, 'Wed 2026-01-07T14:05Z'],
    ['GMT is UTC', 'gmt', AT, 'Wed 2026-01-07T14:05Z'],
    ['Etc/UTC is UTC', 'Etc/UTC', AT, 'Wed 2026-01-07T14:05Z'],
    ['Los Angeles', 'America/Los_Angeles', AT, 'Wed 2026-01-07 06:05 PST'],
    ['Berlin', 'Europe/Berlin', AT, 'Wed 2026-01-07 15:05 GMT+1'],
    ['zone crosses midnight, weekday follows', 'Asia/Tokyo', Date.UTC(2026, 0, 7, 23, 30), 'Thu 2026-01-08 08:30 GMT+9'],
    ['summer time', 'America/New_York', Date.UTC(2026, 6, 4, 16, 0), 'Sat 2026-07-04 12:00 EDT'],
    ['an unknown zone falls back to UTC', 'Mars/Olympus', AT, 'Wed 2026-01-07T14:05Z'],
    ['midnight pads', 'UTC', Date.UTC(2026, 1, 3, 0, 7), 'Tue 2026-02-03T00:07Z'],
  ])('%s', (_name, timeZone, ms, expected) => {
    expect(formatEnvelopeTimestamp(ms, { timeZone })).toBe(expected);
  });

  it('defaults to the process zone (blank and "local" too)', () => {
    const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const expected = formatEnvelopeTimestamp(AT, { timeZone: processZone });
    expect(formatEnvelopeTimestamp(AT)).toBe(expected);
    expect(formatEnvelopeTimestamp(AT, { timeZone: ' ' })).toBe(expected);
    expect(formatEnvelopeTimestamp(AT, { timeZone: 'local' })).toBe(expected);
    expect(resolveEnvelopeZone(undefined)).toBe(processZone);
  });

  it('the process zone is followed when TZ changes at run time (zone formats are cached per zone)', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(formatEnvelopeTimestamp(AT)).toBe('Wed 2026-01-07 09:05 EST');
      process.env.TZ = 'Asia/Tokyo';
      expect(formatEnvelopeTimestamp(AT)).toBe('Wed 2026-01-07 23:05 GMT+9');
      expect(formatEnvelopeTimestamp(AT, { timeZone: 'America/New_York' })).toBe('Wed 2026-01-07 09:05 EST');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('an invalid time has no timestamp', () => {
    expect(formatEnvelopeTimestamp(Number.NaN, { timeZone: 'UTC' })).toBeUndefined();
    expect(formatEnvelopeTimestamp(8.7e15, { timeZone: 'UTC' })).toBeUndefined();
  });

  it.each([
    [0, '0s'], [59_999, '59s'], [60_000, '1m'], [3_599_999, '59m'], [3_600_000, '1h'], [86_399_999, '23h'], [86_400_000, '1d'], [-1, undefined],
  ])('elapsed %i ms → %s', (ms, expected) => {
    expect(formatElapsed(AT + ms, AT)).toBe(expected);
  });
});

const dm = (over: Partial<EnvelopeDecision> = {}): EnvelopeDecision => ({ chatType: 'direct', chatId: 5, senderId: '+15550001111', senderNormalized: '+15550001111', bodyText: 'hello', ...over });
const grp = (over: Partial<EnvelopeDecision> = {}): EnvelopeDecision => ({ chatType: 'group', chatId: 42, senderId: '+15550002222', senderNormalized: '+15550002222', bodyText: '@bot hi', ...over });
const CREATED = '2026-01-07T14:05:00.000Z';

describe('from labels and sender labels (§13)', () => {
  it.each<[string, string | undefined, EnvelopeDecision, string]>([
    ['DM, raw equals normalized', undefined, dm(), '+15550001111'],
    ['DM, raw differs', undefined, dm({ senderId: 'Alice@Example.com', senderNormalized: 'alice@example.com' }), 'alice@example.com id:Alice@Example.com'],
    ['DM ignores chat_name', 'Alice', dm(), '+15550001111'],
    ['group with a name', 'Friends', grp(), 'Friends id:42'],
    ['group name trimmed', '  Friends ', grp(), 'Friends id:42'],
    ['group without a name', undefined, grp(), 'Group id:42'],
    ['group with a blank name', '  ', grp(), 'Group id:42'],
    ['group without chat_id', 'Friends', grp({ chatId: undefined }), 'Friends id:unknown'],
  ])('%s', (_name, chatName, decision, expected) => {
    expect(formatFromLabel({ chat_name: chatName }, decision)).toBe(expected);
  });

  it.each([
    ['+1555', '+1555', '+1555'],
    ['bob@x.com', 'Bob@X.com', 'bob@x.com (Bob@X.com)'],
    ['', 'raw', 'raw'],
    ['name', undefined, 'name'],
  ])('formatSenderLabel(%j, %j) = %j', (name, id, expected) => {
    expect(formatSenderLabel(name, id)).toBe(expected);
  });

  it.each([
    ['full', { id: 'p:0/ABC', body: 'original', sender: '+1555' }, '\n\n[Replying to +1555 id:p:0/ABC]\noriginal\n[/Replying]'],
    ['no sender, no id', { body: 'quote' }, '\n\n[Replying to unknown sender]\nquote\n[/Replying]'],
    ['none', undefined, ''],
  ])('reply suffix: %s', (_name, reply, expected) => {
    expect(formatReplySuffix(reply)).toBe(expected);
  });
});

describe('buildEnvelope (§13)', () => {
  const opts = { timeZone: 'UTC' };
  it.each<[string, string | undefined, string | undefined, EnvelopeDecision, string]>([
    ['DM', CREATED, undefined, dm(), '[iMessage +15550001111 Wed 2026-01-07T14:05Z] hello'],
    ['DM with a differing raw sender', CREATED, undefined, dm({ senderId: 'Alice@Example.com', senderNormalized: 'alice@example.com' }), '[iMessage alice@example.com id:Alice@Example.com Wed 2026-01-07T14:05Z] hello'],
    ['group: sender prefix', CREATED, 'Friends', grp(), '[iMessage Friends id:42 Wed 2026-01-07T14:05Z] +15550002222: @bot hi'],
    ['group: email sender label', CREATED, 'Friends', grp({ senderId: 'Bob@X.com', senderNormalized: 'bob@x.com' }), '[iMessage Friends id:42 Wed 2026-01-07T14:05Z] bob@x.com (Bob@X.com): @bot hi'],
    ['no created_at → no timestamp', undefined, undefined, dm(), '[iMessage +15550001111] hello'],
    ['unparsable created_at → no timestamp', 'yesterday', undefined, dm(), '[iMessage +15550001111] hello'],
    ['DM reply context', CREATED, undefined, dm({ bodyText: 'sure', replyContext: { id: '77', body: 'lunch?', sender: '+15550002222' } }), '[iMessage +15550001111 Wed 2026-01-07T14:05Z] sure\n\n[Replying to +15550002222 id:77]\nlunch?\n[/Replying]'],
    ['group reply context after the sender prefix', CREATED, 'Friends', grp({ bodyText: 'yes', replyContext: { body: 'who?' } }), '[iMessage Friends id:42 Wed 2026-01-07T14:05Z] +15550002222: yes\n\n[Replying to unknown sender]\nwho?\n[/Replying]'],
  ])('%s', (_name, createdAt, chatName, decision, expected) => {
    expect(buildEnvelope({ message: { created_at: createdAt, chat_name: chatName }, decision, options: opts })).toBe(expected);
  });

  it('options: a named zone, no timestamp, elapsed time', () => {
    const message = { created_at: CREATED };
    expect(buildEnvelope({ message, decision: dm(), options: { timeZone: 'America/New_York' } })).toBe('[iMessage +15550001111 Wed 2026-01-07 09:05 EST] hello');
    expect(buildEnvelope({ message, decision: dm(), options: { includeTimestamp: false } })).toBe('[iMessage +15550001111] hello');
    const previousTimestamp = Date.parse(CREATED) - 5 * 60_000;
    expect(buildEnvelope({ message, decision: dm(), options: { timeZone: 'UTC', previousTimestamp } })).toBe('[iMessage +15550001111 +5m Wed 2026-01-07T14:05Z] hello');
    expect(buildEnvelope({ message, decision: dm(), options: { timeZone: 'UTC', previousTimestamp, includeElapsed: false } })).toBe('[iMessage +15550001111 Wed 2026-01-07T14:05Z] hello');
  });

  it('a header without a from label still shows the elapsed time', () => {
    expect(formatEnvelopeLine({ from: ' ', body: 'x', timestamp: AT, options: { includeTimestamp: false, previousTimestamp: AT - 3_000 } })).toBe('[iMessage +3s] x');
  });
});
