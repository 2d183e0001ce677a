// Unit tests of the framing rules (spec §2.2), param coercion (§2.4) and Foundation-style output (§2.1).
import { describe, expect, it } from 'vitest';
import { encodeJsonLine } from './rpc/json-line.js';
import { debounceParam } from './rpc/methods-watch.js';
import { paramBool, paramInt, paramString, paramStringArray } from './rpc/params.js';
import { parseRequestLine } from './rpc/request.js';

describe('parseRequestLine', () => {
  it('accepts a missing or non-string jsonrpc and treats non-object params as {}', () => {
    for (const line of ['{"id":1,"method":"m","params":[1]}', '{"jsonrpc":2,"id":1,"method":"m","params":null}']) {
      expect(parseRequestLine(line)).toEqual({ kind: 'request', method: 'm', params: {}, hasId: true, id: 1 });
    }
  });

  it('marks a request without an id key as a notification, but an explicit null id as a request', () => {
    expect(parseRequestLine('{"method":"m"}')).toMatchObject({ hasId: false, id: null });
    expect(parseRequestLine('{"method":"m","id":null}')).toMatchObject({ hasId: true, id: null });
  });

  it.each([
    ['{"id":1,', -32700, null, 'The data couldn’t be read because it isn’t in the correct format.'],
    ['[{"id":1,"method":"m"}]', -32600, null, 'request must be an object'],
    ['"str"', -32600, null, 'request must be an object'],
    ['{"jsonrpc":"1.0","id":7,"method":"m"}', -32600, 7, 'jsonrpc must be 2.0'],
    ['{"id":"a","method":""}', -32600, 'a', 'method is required'],
    ['{"id":"a","method":5}', -32600, 'a', 'method is required'],
  ])('rejects %s with %i', (line, code, id, data) => {
    expect(parseRequestLine(line)).toMatchObject({ kind: 'rejected', response: { jsonrpc: '2.0', id, error: { code, message: expect.any(String), data } } });
  });
});

describe('param coercion', () => {
  it('coerces strings, ints and bools leniently', () => {
    const p = { s: 42, i: '17', f: 3.9, b1: 1, b0: 0, bt: 'true', bx: 'yes', neg: '-3' };
    expect(paramString(p, 's')).toBe('42');
    expect(paramInt(p, 'i')).toBe(17);
    expect(paramInt(p, 'f')).toBe(3);
    expect(paramInt(p, 'neg')).toBe(-3);
    expect(paramInt({ x: '4.2' }, 'x')).toBeUndefined();
    expect([paramBool(p, 'b1'), paramBool(p, 'b0'), paramBool(p, 'bt'), paramBool(p, 'bx')]).toEqual([true, false, true, undefined]);
  });

  it('reads string arrays from arrays or comma strings', () => {
    expect(paramStringArray({ a: ['x', 5, null, { o: 1 }] }, 'a')).toEqual(['x', '5']);
    expect(paramStringArray({ a: ' a@b.com, ,+1555 ' }, 'a')).toEqual(['a@b.com', '+1555']);
    expect(paramStringArray({ a: true }, 'a')).toBeUndefined();
  });

  it('validates debounce_ms / debounceMs', () => {
    expect(debounceParam({})).toBe(500);
    expect(debounceParam({ debounceMs: 0 })).toBe(0);
    expect(debounceParam({ debounce_ms: '250' })).toBe(250);
    for (const bad of [-1, 1.5, 'soon', true]) {
      expect(() => debounceParam({ debounce_ms: bad })).toThrow('debounce_ms must be a non-negative integer');
    }
  });
});

describe('encodeJsonLine', () => {
  it('escapes / as \\/ (Foundation), keeps non-ASCII raw and escapes newlines', () => {
    expect(encodeJsonLine({ t: 'a/b ü 😀\nx', p: '\\/' })).toBe('{"t":"a\\/b ü 😀\\nx","p":"\\\\\\/"}');
    expect(JSON.parse(encodeJsonLine({ p: '\\/' }))).toEqual({ p: '\\/' });
  });
});
