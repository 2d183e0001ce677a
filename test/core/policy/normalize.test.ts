import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHandle, stripServicePrefixes } from '../../../electron/core/policy/normalize.js';

describe('normalizeHandle (§7)', () => {
  it.each([
    ['+15550001111', '+15550001111'],
    ['  +1 (555) 000-1111 ', '+15550001111'],
    ['15550001111', '+15550001111'],
    ['imessage:+15550001111', '+15550001111'],
    ['SMS:+15550001111', '+15550001111'],
    ['auto:  imessage: sms:+15550001111', '+15550001111'],
    ['Pal@Example.COM', 'pal@example.com'],
    ['imessage:Pal@Example.com', 'pal@example.com'],
    ['chat_id: 42 ', 'chat_id:42'],
    ['ChatId:42', 'chat_id:42'],
    ['chat:42', 'chat_id:42'],
    ['imessage:chat:42', 'chat_id:42'],
    ['guid:iMessage;+;chat1', 'chat_guid:iMessage;+;chat1'],
    ['chatguid: X ', 'chat_guid:X'],
    ['chatident:Foo', 'chat_identifier:Foo'],
    ['chatidentifier:Foo', 'chat_identifier:Foo'],
    ['tel:+1-555-000-1111', '+15550001111'],
    ['', ''],
    ['   ', ''],
    ['imessage:', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHandle(raw)).toBe(expected);
  });

  it.each([
    ['abc', '+'],
    ['chat123', '+123'],
    ['*', '+'],
  ])('kept reference quirk: non-numeric %j becomes %j', (raw, expected) => {
    expect(normalizeHandle(raw)).toBe(expected);
  });

  it('fixed (§0.6): 5 000 nested service prefixes are stripped iteratively, no stack overflow', () => {
    const nested = `${'imessage:'.repeat(2_500)}${'sms: '.repeat(2_500)}+15550001111`;
    expect(normalizeHandle(nested)).toBe('+15550001111');
    expect(stripServicePrefixes(`${'Auto:'.repeat(5_000)}x@y.z`)).toBe('x@y.z');
  });

  it('property: idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalizeHandle(normalizeHandle(s)) === normalizeHandle(s)),
      { numRuns: 2_000 },
    );
  });

  it('property: any stack of service prefixes (any case, spaced) does not change the result', () => {
    const prefix = fc.tuple(fc.constantFrom('imessage:', 'sms:', 'auto:'), fc.boolean(), fc.constantFrom('', ' ', '  ')).map(([p, upper, pad]) => (upper ? p.toUpperCase() : p) + pad);
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 50 }), fc.string(), (prefixes, s) => {
        // A prefix stack in front of text that itself starts with a prefix is still one stack.
        return normalizeHandle(prefixes.join('') + s) === normalizeHandle(s);
      }),
      { numRuns: 1_000 },
    );
  });

  it('property: phone formatting variants of one number normalize alike', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 7, maxLength: 15 }).map((d) => d.join(''));
    const sep = fc.constantFrom('', ' ', '-', '.', '(', ')', ' (', ') ');
    fc.assert(
      fc.property(digits, fc.array(sep, { minLength: 15, maxLength: 15 }), fc.boolean(), (d, seps, plus) => {
        const formatted = (plus ? '+' : '') + [...d].map((c, i) => c + (seps[i] ?? '')).join('');
        return normalizeHandle(formatted) === `+${d}` && normalizeHandle(`imessage:${formatted}`) === `+${d}`;
      }),
      { numRuns: 1_000 },
    );
  });

  it('property: emails normalize case-insensitively', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => normalizeHandle(email.toUpperCase()) === normalizeHandle(email) && normalizeHandle(email) === email.toLowerCase()),
      { numRuns: 500 },
    );
  });
});
