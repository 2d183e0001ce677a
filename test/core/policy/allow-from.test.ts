import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveDmAllowFrom,
  effectiveGroupAllowFrom,
  findAllowMatch,
  isAllowed,
  parseAllowTarget,
  type AllowEntry,
  type SenderFacts,
} from '../../../electron/core/policy/allow-from.js';

const sender = (s: string, extra: Partial<SenderFacts> = {}): SenderFacts => ({ sender: s, ...extra });

describe('allowFrom matching (§8)', () => {
  it.each<[string, AllowEntry[], SenderFacts, boolean]>([
    ['empty list denies', [], sender('+15550001111'), false],
    ['blank entries are dropped, so only-blanks denies', ['  ', ''], sender('+15550001111'), false],
    ['"*" allows anyone', ['*'], sender('stranger@example.com'), true],
    ['" * " (trimmed) allows anyone', [' * '], sender('+1'), true],
    ['formatted number', ['+1 (555) 000-1111'], sender('+15550001111'), true],
    ['digits without +', ['15550001111'], sender('+15550001111'), true],
    ['a bare number', [15550001111], sender('+15550001111'), true],
    ['service-prefixed entry', ['imessage:+15550001111'], sender('+15550001111'), true],
    ['service-prefixed sender', ['+15550001111'], sender('sms:+15550001111'), true],
    ['email, any case', ['Pal@Example.COM'], sender('pal@example.com'), true],
    ['different number', ['+15550001112'], sender('+15550001111'), false],
    ['chat_id entry matches that chat', ['chat_id:101'], sender('+1999', { chatId: 101 }), true],
    ['chat_id entry, other chat', ['chat_id:101'], sender('+1999', { chatId: 102 }), false],
    ['chat_id entry, message without chat_id', ['chat_id:101'], sender('+1999'), false],
    ['service-prefixed chat_id entry', ['imessage:chat:101'], sender('+1999', { chatId: 101 }), true],
    ['chat_guid entry, exact', ['chat_guid:iMessage;+;c1'], sender('+1', { chatGuid: 'iMessage;+;c1' }), true],
    ['chat_guid entry, case differs', ['chat_guid:iMessage;+;c1'], sender('+1', { chatGuid: 'imessage;+;c1' }), false],
    ['chat_identifier entry', ['chat_identifier:chat55'], sender('+1', { chatIdentifier: 'chat55' }), true],
    ['invalid chat_id text falls back to handle comparison', ['chat_id:abc'], sender('chat_id:abc'), true],
  ])('%s', (_name, list, facts, expected) => {
    expect(isAllowed(list, facts)).toBe(expected);
  });

  it('kept reference quirk: non-numeric entries normalize to "+" and match any non-numeric sender', () => {
    expect(parseAllowTarget('Mom')).toEqual({ kind: 'handle', handle: '+' });
    expect(isAllowed(['Mom'], sender('Dad'))).toBe(true);
  });

  it('kept quirk: chat_id entries are parsed with parseInt (chat_id:12abc admits chat 12)', () => {
    expect(isAllowed(['chat_id:12abc'], sender('+1', { chatId: 12 }))).toBe(true);
  });

  it('reports which entry matched', () => {
    expect(findAllowMatch(['+15550000000', 'imessage:+15550001111'], sender('+1 555 000 1111'))).toBe('imessage:+15550001111');
    expect(findAllowMatch(['+15550000000', '*'], sender('x'))).toBe('*');
  });

  it('property: formatting variants of the same number all match', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 8, maxLength: 15 }).map((d) => d.join(''));
    const fmt = fc.constantFrom(
      (d: string) => `+${d}`,
      (d: string) => d,
      (d: string) => `imessage:+${d}`,
      (d: string) => `sms: ${d}`,
      (d: string) => `+${d.slice(0, 1)} (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7)}`,
      (d: string) => d.replace(/(\d{3})/g, '$1.'),
    );
    fc.assert(
      fc.property(digits, fmt, fmt, (d, entryFmt, senderFmt) => isAllowed([entryFmt(d)], sender(senderFmt(d)))),
      { numRuns: 1_000 },
    );
  });

  it('property: emails match case-insensitively and a different address never matches', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.emailAddress(), (a, b) => {
        const same = isAllowed([a.toUpperCase()], sender(a)) && isAllowed([a], sender(`imessage:${a.toUpperCase()}`));
        const other = isAllowed([a], sender(b)) === (a.toLowerCase() === b.toLowerCase());
        return same && other;
      }),
      { numRuns: 500 },
    );
  });
});

describe('effective lists (§8)', () => {
  it('groupAllowFrom unset falls back to allowFrom', () => {
    expect(effectiveGroupAllowFrom(['+1555', ' '], undefined)).toEqual(['+1555']);
  });
  it('an explicit empty groupAllowFrom stays empty', () => {
    expect(effectiveGroupAllowFrom(['+1555'], [])).toEqual([]);
  });
  it('a set groupAllowFrom is used as is', () => {
    expect(effectiveGroupAllowFrom(['+1555'], ['a@b.c', 7])).toEqual(['a@b.c', '7']);
  });
  it('store approvals are added to the DM list unless dmPolicy is allowlist', () => {
    expect(effectiveDmAllowFrom(['+1'], ['+2'], 'pairing')).toEqual(['+1', '+2']);
    expect(effectiveDmAllowFrom(['+1'], ['+2'], 'open')).toEqual(['+1', '+2']);
    expect(effectiveDmAllowFrom(['+1'], ['+2'], 'allowlist')).toEqual(['+1']);
  });
});
