// attributedBody: the typedstream writer and imsg's decoder (spec §4.4), including its length-byte quirks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAttributedBody, encodeTypedInt } from './db/typedstream.js';
import { decodeAttributedBody, trimLeadingControls } from './store/attributed-body.js';

/** Text whose UTF-8 has no `86 84` (imsg's span terminator) and that starts with no control character. */
function decodable(text: string): boolean {
  return !Buffer.from(text, 'utf8').toString('hex').match(/^(..)*?8684/) && trimLeadingControls(text) === text;
}

describe('encodeAttributedBody', () => {
  it('writes a streamtyped header and the NSString span 01 2B <len> <utf8> 86 84', () => {
    const blob = encodeAttributedBody('Hello');
    expect(blob.subarray(2, 13).toString('latin1')).toBe('streamtyped');
    expect(blob.includes(Buffer.from('012b0548656c6c6f8684', 'hex'))).toBe(true);
  });

  it('uses 0x81 lo hi for bodies of 128 bytes or more, 0x82 + u32 beyond 64 KiB', () => {
    expect([...encodeTypedInt(127)]).toEqual([127]);
    expect([...encodeTypedInt(1300)]).toEqual([0x81, 1300 & 0xff, 1300 >> 8]);
    expect([...encodeTypedInt(70_000)]).toEqual([0x82, 0x70, 0x11, 0x01, 0x00]);
    const blob = encodeAttributedBody('x'.repeat(200));
    expect(blob.includes(Buffer.from('012b81c800', 'hex'))).toBe(true);
  });
});

describe('decodeAttributedBody', () => {
  it.each([
    ['short ASCII', 'hello there'],
    ['non-ASCII', 'Grüße 👋🏽 — ok'],
    ['exactly 127 bytes', 'a'.repeat(127)],
    ['128 bytes (length high byte 0x00 is trimmed)', 'b'.repeat(128)],
    ['1300 bytes', 'c'.repeat(1300)],
    ['8191 bytes (high byte 0x1f is still a control char)', 'd'.repeat(8191)],
  ])('round-trips %s', (_label, text) => {
    expect(decodeAttributedBody(encodeAttributedBody(text))).toBe(text);
  });

  it('round-trips any decodable body below 8 KiB (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }).filter(decodable), (text) => {
        expect(decodeAttributedBody(encodeAttributedBody(text))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('gains the stray high length byte above 8 KiB, as imsg 0.9.0 derives (spec §4.4, §11)', () => {
    const body = 'e'.repeat(9000); // 9000 = 0x2328: the 2-byte strip leaves 0x23 "#"
    expect(decodeAttributedBody(encodeAttributedBody(body))).toBe(`#${body}`);
  });

  it('decodes a UTF-16LE blob starting FF FE', () => {
    const blob = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\u0001hi ✓', 'utf16le')]);
    expect(decodeAttributedBody(blob)).toBe('hi ✓');
  });

  it('picks the longest valid UTF-8 candidate span', () => {
    const blob = Buffer.concat([
      Buffer.from('012b02', 'hex'), Buffer.from('ab'), Buffer.from('8684', 'hex'),
      Buffer.from('012b09', 'hex'), Buffer.from('longer!!!'), Buffer.from('8684', 'hex'),
      Buffer.from('012b', 'hex'), Buffer.from([0xc3, 0x28, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41]), Buffer.from('8684', 'hex'),
    ]);
    expect(decodeAttributedBody(blob)).toBe('longer!!!');
  });

  it('falls back to lossy UTF-8 of the whole blob when no span is valid, trimming leading controls', () => {
    const blob = Buffer.concat([Buffer.from([0x02, 0x03]), Buffer.from('plain'), Buffer.from([0xff])]);
    expect(decodeAttributedBody(blob)).toBe('plain\uFFFD');
  });
});
