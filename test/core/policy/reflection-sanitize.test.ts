import { describe, expect, it } from 'vitest';
import { findCodeRegions } from '../../../electron/core/policy/code-regions.js';
import { detectReflection } from '../../../electron/core/policy/reflection.js';
import { sanitizeOutbound } from '../../../electron/core/policy/sanitize.js';

describe('reflection guard (§12)', () => {
  it.each([
    ['#+#+ separator', 'hi #+#+#+ there', ['internal separator']],
    ['assistant to=', 'assistant to=functions.exec', ['assistant role marker']],
    ['ASSISTANT TO = x', 'ASSISTANT TO = x', ['assistant role marker']],
    ['<think>', 'a <think> b', ['thinking tag']],
    ['</thinking>', 'done</thinking>', ['thinking tag']],
    ['<thought>', '<thought>', ['thinking tag']],
    ['<antthinking>', '<antthinking>x', ['thinking tag']],
    ['<relevant_memories>', '<relevant_memories>', ['relevant-memories tag']],
    ['<relevant-memories>', '</relevant-memories>', ['relevant-memories tag']],
    ['<final>', '<final>ok</final>', ['final tag']],
    ['several', '#+#+ <think>', ['internal separator', 'thinking tag']],
  ])('detects %s', (_name, text, labels) => {
    expect(detectReflection(text)).toEqual(labels);
  });

  it.each([
    ['a tag without its closing >', 'I had a <thought experiment'],
    ['a single #+', 'C#+ is not a language'],
    ['inline code', 'type `<think>` to see'],
    ['a fenced block', 'see:\n```\n<final>\n#+#+\nassistant to=x\n```\nok'],
    ['an unterminated fence hides the rest', 'x\n~~~\n<think>'],
    ['thinker is not a tag', '<thinker>'],
    ['plain text', 'hello there'],
    ['empty', ''],
  ])('ignores %s', (_name, text) => {
    expect(detectReflection(text)).toEqual([]);
  });

  it('a marker outside code is caught even when the same marker also sits in code', () => {
    expect(detectReflection('`<think>` and <think>')).toEqual(['thinking tag']);
  });

  it('code regions: fences and double-backtick spans, sorted by position', () => {
    const text = 'a ``x`y`` b\n```js\ncode\n```\nc';
    expect(findCodeRegions(text).map((r) => text.slice(r.start, r.end))).toEqual(['``x`y``', '```js\ncode\n```']);
  });
});

describe('adversarial input stays linear', () => {
  it.each([
    ['many single backtick spans', '` '.repeat(50_000)],
    ['many fences', '```\n'.repeat(30_000)],
    ['a tag opener followed by endless space', `<${' '.repeat(100_000)}`],
    ['many unclosed tags', '<think x'.repeat(20_000)],
  ])('%s', (_name, text) => {
    // Quadratic scans took seconds here; linear ones take milliseconds. The bound leaves room for a busy machine.
    const started = performance.now();
    detectReflection(text);
    sanitizeOutbound(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('outbound sanitizer (§12)', () => {
  it.each([
    ['thinking blocks go with their content', '<think>plan</think>Hello', 'Hello'],
    ['memories go with their content', 'Hi <relevant-memories>secret</relevant-memories>there', 'Hi there'],
    ['final keeps its content', '<final>Answer</final>', 'Answer'],
    ['unclosed thinking hides the rest', 'Visible <thinking>private stuff', 'Visible'],
    ['stray closing tag removed', 'oops</think> text', 'oops text'],
    ['separator runs removed', 'a #+#+#+ b', 'a  b'],
    ['assistant to=X removed', 'assistant to=exec run', 'run'],
    ['kept reference regex: only the word after to= goes', 'assistant to=functions.exec', '.exec'],
    ['role lines removed', 'Answer\nuser:\n', 'Answer'],
    ['3+ newlines collapse to 2', 'a\n\n\n\nb', 'a\n\nb'],
    ['tags in code survive', 'use `<think>` tags', 'use `<think>` tags'],
    ['plain text unchanged', 'Hello, world', 'Hello, world'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeOutbound(input)).toBe(expected);
  });
});
