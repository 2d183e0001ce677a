// Dotted key paths: parsing, formatting (round trip), get/set/unset on plain objects, value parsing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeySegment } from '../../../electron/core/config/key-path.js';
import { formatKeyPath, getAtPath, parseKeyPath, parseValueText, setAtPath, unsetAtPath } from '../../../electron/core/config/key-path.js';

describe('parseKeyPath / formatKeyPath', () => {
  it.each<[string, KeySegment[]]>([
    ['channels.imessage.dmPolicy', ['channels', 'imessage', 'dmPolicy']],
    ['channels.imessage.accounts.work.allowFrom', ['channels', 'imessage', 'accounts', 'work', 'allowFrom']],
    ['agents.list[0].groupChat', ['agents', 'list', 0, 'groupChat']],
    ['agents.list.0.id', ['agents', 'list', '0', 'id']],
    ['channels.imessage.groups["*"].requireMention', ['channels', 'imessage', 'groups', '*', 'requireMention']],
    ['channels.imessage.groups.*.requireMention', ['channels', 'imessage', 'groups', '*', 'requireMention']],
    ['dms["a@b.c"].historyLimit', ['dms', 'a@b.c', 'historyLimit']],
    ['x["say \\"hi\\""]', ['x', 'say "hi"']],
    ['[3][4]', [3, 4]],
  ])('%s', (text, segments) => {
    expect(parseKeyPath(text)).toEqual(segments);
  });

  it.each(['', '  ', 'a..b', 'a.', '.a', 'a[x]', 'a["x"', 'a b', 'a]', 'a."b"', 'a.[0]', 'a[0]b'])('rejects %j', (text) => {
    expect(() => parseKeyPath(text)).toThrow(/^invalid key path/);
  });

  it('formats issue paths the way the parser reads them', () => {
    expect(formatKeyPath(['channels', 'imessage', 'accounts', 'my.work', 'allowFrom', 0])).toBe('channels.imessage.accounts["my.work"].allowFrom[0]');
    expect(formatKeyPath([])).toBe('');
  });

  it('round-trips any segments', () => {
    const segment = fc.oneof(fc.string(), fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        expect(parseKeyPath(formatKeyPath(segments))).toEqual(segments);
      }),
      { numRuns: 300 },
    );
  });
});

describe('getAtPath', () => {
  const obj = { a: { list: [{ id: 'x' }, 'y'], n: 0, f: false, z: null }, '*': 1 };

  it.each<[string, unknown]>([
    ['a.list[0].id', 'x'],
    ['a.list.1', 'y'],
    ['a.n', 0],
    ['a.f', false],
    ['a.z', null],
    ['["*"]', 1],
    ['a.list[2]', undefined],
    ['a.missing.deeper', undefined],
    ['a.n.deeper', undefined],
    ['a.constructor', undefined],
    ['a.list.length', undefined],
  ])('%s → %j', (path, value) => {
    expect(getAtPath(obj, path)).toEqual(value);
  });
});

describe('setAtPath / unsetAtPath', () => {
  it('creates missing objects, and lists when the next step is an index', () => {
    const root: Record<string, unknown> = {};
    expect(setAtPath(root, parseKeyPath('channels.imessage.accounts.work.dmPolicy'), 'open')).toEqual({ ok: true });
    expect(setAtPath(root, parseKeyPath('agents.list[0].id'), 'main')).toEqual({ ok: true });
    expect(root).toEqual({ channels: { imessage: { accounts: { work: { dmPolicy: 'open' } } } }, agents: { list: [{ id: 'main' }] } });
  });

  it('replaces and appends list items, but not past the end', () => {
    const root: Record<string, unknown> = { l: ['a'] };
    expect(setAtPath(root, parseKeyPath('l[0]'), 'b')).toEqual({ ok: true });
    expect(setAtPath(root, parseKeyPath('l.1'), 'c')).toEqual({ ok: true });
    expect(setAtPath(root, parseKeyPath('l[5]'), 'd')).toEqual({ ok: false, path: 'l[5]', message: 'expected a list index from 0 to 2' });
    expect(setAtPath(root, parseKeyPath('l.x'), 'd')).toEqual({ ok: false, path: 'l.x', message: 'expected a list index from 0 to 2' });
    expect(root).toEqual({ l: ['b', 'c'] });
  });

  it('refuses to go through a value that is not an object', () => {
    const root: Record<string, unknown> = { a: { b: 'text' } };
    expect(setAtPath(root, parseKeyPath('a.b.c'), 1)).toEqual({ ok: false, path: 'a.b', message: 'is a string, so it has no key "c"' });
    expect(root).toEqual({ a: { b: 'text' } });
  });

  it.each(['__proto__.polluted', 'a.constructor', 'prototype'])('refuses the reserved key in %s', (path) => {
    const root: Record<string, unknown> = {};
    const result = setAtPath(root, parseKeyPath(path), 1);
    expect(result).toMatchObject({ ok: false, message: 'reserved key name' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('removes keys and list items, and says when there was nothing to remove', () => {
    const root: Record<string, unknown> = { a: { b: 1, c: 2 }, l: ['x', 'y', 'z'] };
    expect(unsetAtPath(root, parseKeyPath('a.b'))).toBe(true);
    expect(unsetAtPath(root, parseKeyPath('l[1]'))).toBe(true);
    expect(unsetAtPath(root, parseKeyPath('a.b'))).toBe(false);
    expect(unsetAtPath(root, parseKeyPath('x.y.z'))).toBe(false);
    expect(unsetAtPath(root, parseKeyPath('a.constructor'))).toBe(false);
    expect(root).toEqual({ a: { c: 2 }, l: ['x', 'z'] });
  });
});

describe('parseValueText', () => {
  it.each<[string, unknown]>([
    ['true', true],
    ['20', 20],
    ['["*"]', ['*']],
    ["['+15550001111', 15550002222]", ['+15550001111', 15550002222]],
    ['{requireMention: false}', { requireMention: false }],
    ['"quoted"', 'quoted'],
    ['null', null],
    ['open', 'open'],
    ['imsg; rm', 'imsg; rm'],
    ['', ''],
    ['+15551234567', 15551234567],
  ])('%j → %j', (text, value) => {
    expect(parseValueText(text)).toEqual(value);
  });
});
