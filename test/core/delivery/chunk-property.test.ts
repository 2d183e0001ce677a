import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, type ChunkMode } from '../../../electron/core/delivery/chunk.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Tokens that stress every rule: separators, parentheses, fences, CRLF, multi-unit graphemes. */
const TOKENS = ['a', 'b', 'Z', 'word', ' ', ' ', '\n', '\n\n', '\t', '(', ')', '```', '\r\n', 'é', 'e\u0301', '😀', '👍🏽', '👩\u200d💻', '🇩🇪'];
const text = fc.array(fc.constantFrom(...TOKENS), { maxLength: 160 }).map((t) => t.join(''));
const mode = fc.constantFrom<ChunkMode>('length', 'newline');

/** The visible graphemes of a text, in order (whitespace graphemes dropped). */
const visible = (s: string): string[] => [...graphemes.segment(s)].map((g) => g.segment).filter((g) => g.trim() !== '');

describe('chunker properties', () => {
  it('chunks are non-empty, within the limit, well-formed, and keep every visible character in order', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 40 }), mode, (input, limit, m) => {
        const chunks = chunkText(input, { limit, mode: m });
        for (const chunk of chunks) {
          expect(chunk.trim()).not.toBe('');
          expect(chunk.length).toBeLessThanOrEqual(limit);
          expect(chunk).not.toMatch(LONE_SURROGATE);
        }
        expect(chunks.join('').replace(/\s+/g, '')).toBe(input.replace(/\s+/g, ''));
      }),
      { numRuns: 400 },
    );
  });

  it('when every grapheme fits the limit, no chunk boundary falls inside one', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 5, max: 40 }), mode, (input, limit, m) => {
        const chunks = chunkText(input, { limit, mode: m });
        expect(chunks.flatMap(visible)).toEqual(visible(input));
      }),
      { numRuns: 400 },
    );
  });
});
