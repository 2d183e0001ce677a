import { describe, expect, it } from 'vitest';
import { chunkByLength, safeHardBreak } from '../../../electron/core/delivery/chunk-length.js';
import { chunkByParagraph, chunkText, DEFAULT_CHUNK_LIMIT, resolveChunkLimit } from '../../../electron/core/delivery/chunk.js';

const FAMILY = '👨\u200d👩\u200d👧'; // one grapheme, 8 UTF-16 units
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('length mode (§16)', () => {
  it.each([
    ['empty text', '', 10, []],
    ['whitespace only', '  \n\t ', 10, []],
    ['fits', 'short', 10, ['short']],
    ['fits exactly', 'abcde', 5, ['abcde']],
    ['limit 0 means no split', 'x'.repeat(20), 0, ['x'.repeat(20)]],
    ['negative limit', 'abc def', -5, ['abc def']],
    ['last whitespace', 'hello world foo', 11, ['hello', 'world foo']],
    ['newline wins over a later space', 'ab\ncd ef gh', 8, ['ab', 'cd ef gh']],
    ['newline at index 0 does not count', '\nabc def', 5, ['\nabc', 'def']],
    ['space after the parenthesis', 'see (a b c) ok', 12, ['see (a b c)', 'ok']],
    ['no break inside parentheses', 'see (a b c) ok', 10, ['see', '(a b c) ok']],
    ['newline inside parentheses is skipped', 'a (b\nc) d e', 9, ['a (b\nc)', 'd e']],
    ['unclosed parenthesis forces a hard break', 'x (a b c d e', 6, ['x', '(a b c', 'd e']],
    ['stray ) is ignored', 'a) b c', 4, ['a)', 'b c']],
    ['hard break', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['tabs are break points', 'ab\tcd\tef', 6, ['ab\tcd', 'ef']],
    ['chunk right-trimmed, rest left-trimmed', 'aaa   bbb', 5, ['aaa', 'bbb']],
  ])('%s', (_name, text, limit, expected) => {
    expect(chunkByLength(text, limit)).toEqual(expected);
    expect(chunkText(text, { limit })).toEqual(expected);
  });

  it('a 9,000-character reply is exactly 3 chunks at limit 4000, split at line ends', () => {
    const lines = Array.from({ length: 90 }, (_, i) => `Line ${String(i + 1).padStart(2, '0')}: `.padEnd(99, 'x'));
    const text = lines.join('\n');
    expect(text).toHaveLength(8999);
    const chunks = chunkText(`${text}\n`, { limit: 4000 });
    expect(chunks).toEqual([lines.slice(0, 40).join('\n'), lines.slice(40, 80).join('\n'), lines.slice(80).join('\n') + '\n']);
    expect(chunks.map((c) => c.length)).toEqual([3999, 3999, 1000]);
  });

  it('a 9,000-character paragraph of words splits at the last space of each window', () => {
    const text = 'abcdefgh '.repeat(1000).trimEnd(); // 8999 chars
    const chunks = chunkText(text, { limit: 4000 });
    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4000);
      expect(chunk).toMatch(/^abcdefgh( abcdefgh)*$/);
    }
    expect(chunks.join(' ')).toBe(text);
  });
});

describe('hard breaks never split a grapheme (a demanding user: no broken emoji)', () => {
  it.each([
    ['surrogate pairs', '👍👍👍', 3, ['👍', '👍', '👍']],
    ['a ZWJ family stays whole', `ab${FAMILY}cd`, 9, ['ab', `${FAMILY}c`, 'd']],
    ['flags stay whole', '🇩🇪🇫🇷', 5, ['🇩🇪', '🇫🇷']],
    ['skin tones stay whole', 'ab👍🏽', 5, ['ab', '👍🏽']],
    ['a modifier cut at its first unit is seen', 'aword👍🏽', 7, ['aword', '👍🏽']],
    ['combining marks stay with their letter', 'abe\u0301', 3, ['ab', 'e\u0301']],
  ])('%s', (_name, text, limit, expected) => {
    expect(chunkByLength(text, limit)).toEqual(expected);
  });

  it('a grapheme longer than the limit is cut at code points, never into lone surrogates', () => {
    const chunks = chunkByLength(FAMILY, 4);
    expect(chunks.join('')).toBe(FAMILY);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4);
      expect(chunk).not.toMatch(LONE_SURROGATE);
    }
  });

  it('limit 1 keeps an astral character whole (the only chunk allowed over the limit)', () => {
    expect(chunkByLength('😀😀', 1)).toEqual(['😀', '😀']);
  });

  it('safeHardBreak picks the last grapheme boundary at or before the limit', () => {
    expect(safeHardBreak('abcdef', 4)).toBe(4);
    expect(safeHardBreak(`a${FAMILY}b`, 5)).toBe(1);
    expect(safeHardBreak('abc', 10)).toBe(3);
  });
});

describe('newline mode (§16)', () => {
  it.each([
    ['one chunk per paragraph', 'para one\n\npara two', 100, ['para one', 'para two']],
    ['paragraphs are not packed', 'a\n\nb\n\nc', 100, ['a', 'b', 'c']],
    ['blank lines with spaces and tabs', 'a\n  \t\n\nb', 100, ['a', 'b']],
    ['CRLF normalized', 'a\r\n\r\nb\r\nc', 100, ['a', 'b\nc']],
    ['a single newline does not split', 'a\nb', 100, ['a\nb']],
    ['no blank line, within the limit', 'line1\nline2', 20, ['line1\nline2']],
    ['no blank line, over the limit', 'aaa bbb ccc', 7, ['aaa', 'bbb ccc']],
    ['blank lines inside a fence do not split', 'intro\n\n```\ncode 1\n\ncode 2\n```\n\noutro', 100, ['intro', '```\ncode 1\n\ncode 2\n```', 'outro']],
    ['tilde fences too', '~~~\na\n\nb\n~~~\n\nc', 100, ['~~~\na\n\nb\n~~~', 'c']],
    ['an unclosed fence runs to the end', 'x\n\n```\na\n\nb', 100, ['x', '```\na\n\nb']],
    ['inline code does not protect a blank line', 'use `a\n\nb` here', 100, ['use `a', 'b` here']],
    ['empty paragraphs dropped', '\n\n\na\n\n \n\n', 100, ['a']],
    ['a long paragraph falls back to length mode', `short\n\n${'word '.repeat(10).trim()}`, 20, ['short', 'word word word word', 'word word word word', 'word word']],
    ['whitespace only', ' \n\n ', 10, []],
  ])('%s', (_name, text, limit, expected) => {
    expect(chunkByParagraph(text, limit)).toEqual(expected);
    expect(chunkText(text, { limit, mode: 'newline' })).toEqual(expected);
  });

  it('length mode keeps paragraphs together when they fit', () => {
    expect(chunkText('a\n\nb', { limit: 100, mode: 'length' })).toEqual(['a\n\nb']);
  });
});

describe('resolveChunkLimit', () => {
  it.each([
    [[undefined, undefined], DEFAULT_CHUNK_LIMIT],
    [[100, 4000], 100],
    [[0, 250], 250],
    [[-1, -2], DEFAULT_CHUNK_LIMIT],
    [[Number.NaN, 300], 300],
    [[undefined, 1500.7], 1500],
  ])('%j → %i', (candidates, expected) => {
    expect(resolveChunkLimit(...candidates)).toBe(expected);
  });
});
