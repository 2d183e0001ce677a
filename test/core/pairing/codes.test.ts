import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, generateCode, normalizeCode } from '../../../electron/core/pairing/codes.js';
import { pairingReplyText } from '../../../electron/core/pairing/reply-text.js';

/** A random source that replays `values`, then repeats the last one. */
function replay(values: number[]): (max: number) => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0;
}

describe('pairing codes', () => {
  it('are 8 characters from the alphabet without 0, O, 1 or I', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
    const codes = Array.from({ length: 200 }, () => generateCode(new Set()));
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    // 200 draws of 40 bits: a repeat means the source is not random.
    expect(new Set(codes).size).toBe(200);
  });

  it('maps each random draw to one alphabet character', () => {
    expect(generateCode(new Set(), replay([0, 1, 2, 3, 28, 29, 30, 31]))).toBe('ABCD6789');
  });

  it('skips codes already pending', () => {
    const random = replay([...Array(8).fill(0), ...Array(8).fill(1)]);
    expect(generateCode(new Set(['AAAAAAAA']), random)).toBe('BBBBBBBB');
  });

  it('gives up after 500 tries', () => {
    let calls = 0;
    const random = (): number => (calls++, 0);
    expect(() => generateCode(new Set(['AAAAAAAA']), random)).toThrow('failed to generate unique pairing code');
    expect(calls).toBe(500 * CODE_LENGTH);
  });

  it.each([
    [' abcd2345 ', 'ABCD2345'],
    ['AbCd2345', 'ABCD2345'],
    ['   ', ''],
  ])('normalizes %j to %j for comparison', (raw, want) => {
    expect(normalizeCode(raw)).toBe(want);
  });
});

describe('pairingReplyText', () => {
  it('is plain text (§0.13): who they are to the bot, the code exactly once, one line on how the owner approves', () => {
    const text = pairingReplyText('+15550001111', 'ABCD2345');
    expect(text).toBe(['imsg Companion: access not configured.', '', 'Your iMessage sender id: +15550001111', 'Ask the bot owner to approve you with: imsg-companion pairing approve ABCD2345'].join('\n'));
    expect(text).not.toMatch(/[`*_#>[\]]/);
    expect(text.split('ABCD2345')).toHaveLength(2);
    expect(text).not.toMatch(/openclaw/i);
  });
});
