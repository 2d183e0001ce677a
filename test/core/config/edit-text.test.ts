// The in-place JSON5 editor: only changed keys are touched; comments, quotes and layout stay.
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { editJson5Text } from '../../../electron/core/config/edit-text.js';

const FILE = `// imsg Companion — my config
{
  // the channel
  channels: {
    imessage: {
      dmPolicy: 'pairing', // strangers get a code
      allowFrom: ["+15551234567", /* mum */ "mum@example.com"],
      groups: { "*": { requireMention: true } },
      mediaMaxMb: 0x10,
    },
  },
  agents: {
    list: [{ id: "main", default: true, backend: { type: "openai", baseUrl: "http://127.0.0.1:11434/v1", model: "llama3" } }],
  },
}
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test edits reach into parsed JSON freely
function edit(text: string, change: (raw: any) => void): string {
  const next = JSON5.parse(text);
  change(next);
  const out = editJson5Text(text, next);
  if (out === null) throw new Error('not editable in place');
  expect(JSON5.parse(out)).toEqual(next);
  return out;
}

/** Lines of `before` that are not in `after` (an edit must only lose the lines it changed). */
const lost = (before: string, after: string) => before.split('\n').filter((l) => !after.split('\n').includes(l));

describe('editJson5Text', () => {
  it('changes one value and keeps every other line byte for byte (comments, hex, single quotes)', () => {
    const out = edit(FILE, (n) => (n.agents.list[0].backend.model = 'qwen2.5'));
    expect(lost(FILE, out)).toEqual(['    list: [{ id: "main", default: true, backend: { type: "openai", baseUrl: "http://127.0.0.1:11434/v1", model: "llama3" } }],']);
    expect(out).toContain('model: "qwen2.5"');
  });

  it('adds a key at the end of its object in the file\'s style and keeps the comment next to its neighbour', () => {
    const out = edit(FILE, (n) => (n.channels.imessage.cliPath = '/opt/homebrew/bin/imsg'));
    expect(lost(FILE, out)).toEqual([]);
    expect(out).toMatch(/mediaMaxMb: 0x10,\n\s+"?cliPath"?: "\/opt\/homebrew\/bin\/imsg",\n/);
  });

  it('appends to an array keeping the comment inside it, and removes a key without touching the others', () => {
    const out = edit(FILE, (n) => {
      n.channels.imessage.allowFrom.push('*');
      delete n.channels.imessage.groups;
    });
    expect(out).toContain('/* mum */');
    expect(out).toContain('"*"]');
    expect(lost(FILE, out).sort()).toEqual(['      allowFrom: ["+15551234567", /* mum */ "mum@example.com"],', '      groups: { "*": { requireMention: true } },'].sort());
  });

  it('adds a new top-level block and keeps the file ending with its newline', () => {
    const out = edit(FILE, (n) => (n.messages = { errorReply: 'Sorry, try later' }));
    expect(lost(FILE, out)).toEqual([]);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('deleting the last key of the file still leaves valid JSON5 with the trailing newline', () => {
    const text = '{\n  a: 1,\n  // about b\n  b: 2,\n}\n';
    const out = edit(text, (n) => delete n.b);
    expect(out.endsWith('\n')).toBe(true);
  });

  it('returns null for text it cannot edit safely (empty object, not an object, broken text)', () => {
    expect(editJson5Text('{}', { a: 1 })).toBeNull();
    expect(editJson5Text('[1]', { a: 1 })).toBeNull();
    expect(editJson5Text('{ a: ', { a: 1 })).toBeNull();
  });
});
