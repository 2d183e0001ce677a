// Untrusted JSON depth is bounded before parsing: a deep payload is a recorded protocol error.
import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../../../electron/core/imsg/json-bounds.js';
import { routeLine } from '../../../electron/core/imsg/route-line.js';

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON depth bound', () => {
  it('counts nesting outside strings only', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth(JSON.stringify({ text: '['.repeat(1000) + '\\"{{{' }))).toBe(false);
  });

  it('a message nested 6,000 levels deep is refused before parsing, with the reason', () => {
    const line = `{"jsonrpc":"2.0","method":"message","params":{"subscription":1,"message":{"id":7,"guid":"G","extra":${nested(6000)}}}}`;
    expect(routeLine(line)).toEqual({ type: 'protocol', reason: `JSON nested deeper than ${MAX_JSON_DEPTH} levels; discarded`, json: false });
    expect(routeLine('{"jsonrpc":"2.0","method":"message","params":{"subscription":1,"message":{"id":7}}}').type).toBe('notification');
  });
});
