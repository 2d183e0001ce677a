import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE_CHARS, LineFramer } from '../../../electron/core/imsg/line-framer.js';

function collect(maxChars?: number): { framer: LineFramer; lines: string[]; overflows: string[] } {
  const lines: string[] = [];
  const overflows: string[] = [];
  const framer = new LineFramer({ onLine: (l) => lines.push(l), onOverflow: (head) => overflows.push(head) }, maxChars);
  return { framer, lines, overflows };
}

describe('LineFramer', () => {
  it('reassembles multi-byte characters split at every byte boundary', () => {
    const text = '{"text":"héllo 日本 👋🏽 ok"}';
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const { framer, lines } = collect();
      framer.push(bytes.subarray(0, cut));
      framer.push(bytes.subarray(cut));
      expect(lines, `cut at byte ${cut}`).toEqual([text]);
    }
  });

  it('survives one byte per chunk', () => {
    const { framer, lines } = collect();
    for (const byte of Buffer.from('a👋\nb日\n', 'utf8')) framer.push(Buffer.from([byte]));
    expect(lines).toEqual(['a👋', 'b日']);
  });

  it('never splits on U+2028/U+2029 or a lone CR', () => {
    const { framer, lines } = collect();
    framer.push(Buffer.from('{"t":"a\u2028b\u2029c"}\nx\ry\n', 'utf8'));
    expect(lines).toEqual(['{"t":"a\u2028b\u2029c"}', 'x\ry']);
    expect(JSON.parse(lines[0] as string)).toEqual({ t: 'a\u2028b\u2029c' });
  });

  it('trims a trailing CR (CRLF) and skips empty and blank lines', () => {
    const { framer, lines } = collect();
    framer.push('one\r\n\n  \r\n\r\ntwo\n');
    expect(lines).toEqual(['one', 'two']);
  });

  it('flushes a last line without LF at end()', () => {
    const { framer, lines } = collect();
    framer.push('a\nb');
    expect(lines).toEqual(['a']);
    framer.end();
    expect(lines).toEqual(['a', 'b']);
  });

  it('reports an over-long line once, discards it up to the next LF and keeps going', () => {
    const { framer, lines, overflows } = collect(100);
    framer.push('ok1\n');
    for (let i = 0; i < 50; i += 1) framer.push('x'.repeat(30));
    framer.push('tail\nok2\n');
    expect(overflows).toHaveLength(1);
    expect(overflows[0]?.startsWith('xxx')).toBe(true);
    expect(lines).toEqual(['ok1', 'ok2']);
  });

  it('rejects a line that crosses the limit within one chunk', () => {
    const { framer, lines, overflows } = collect(10);
    framer.push(`${'y'.repeat(11)}\nshort\n`);
    expect(overflows).toHaveLength(1);
    expect(lines).toEqual(['short']);
  });

  it('drops a >8 MiB line without LF at the default limit', () => {
    const { framer, lines, overflows } = collect();
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    for (let i = 0; i < 9; i += 1) framer.push(chunk);
    expect(overflows).toHaveLength(1);
    framer.push(Buffer.from('garbage-end\n{"id":1}\n'));
    expect(lines).toEqual(['{"id":1}']);
    expect(DEFAULT_MAX_LINE_CHARS).toBe(8 * 1024 * 1024);
  });

  it('round-trips arbitrary JSON lines under arbitrary chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 0, maxLength: 20 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (texts, cuts) => {
        const wire = Buffer.from(texts.map((t) => `${JSON.stringify({ t })}\n`).join(''), 'utf8');
        const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
        const { framer, lines } = collect();
        let from = 0;
        for (const point of [...points, wire.length]) {
          framer.push(wire.subarray(from, point));
          from = point;
        }
        expect(lines.map((l) => (JSON.parse(l) as { t: string }).t)).toEqual(texts);
      }),
    );
  });
});
