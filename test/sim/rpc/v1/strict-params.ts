// Protocol v1 strict params (spec §10): unknown keys and wrongly typed values are -32602, no coercion.
import { invalidParams } from '../errors.js';
import type { Params } from '../params.js';

type Kind = 'int' | 'string' | 'bool' | 'strings';

const TARGET = { to: 'string', chat_id: 'int', chat_identifier: 'string', chat_guid: 'string' } as const;
const RANGE = { participants: 'strings', start: 'string', end: 'string', attachments: 'bool', convert_attachments: 'bool' } as const;

// Only the methods the simulator implements for real; the bridge-only ones keep 0.9.0's leniency.
const SCHEMAS = new Map<string, Readonly<Record<string, Kind>>>([
  ['initialize', { protocol_version: 'int' }],
  ['status', {}],
  ['chats.list', { limit: 'int' }],
  ['messages.history', { chat_id: 'int', limit: 'int', ...RANGE }],
  [
    'watch.subscribe',
    { chat_id: 'int', since_rowid: 'int', ...RANGE, include_reactions: 'bool', debounce_ms: 'int', debounceMs: 'int', buffer_limit: 'int' },
  ],
  ['watch.unsubscribe', { subscription: 'int' }],
  ['send', { ...TARGET, text: 'string', file: 'string', service: 'string', region: 'string', transport: 'string', reply_to: 'string' }],
  ['typing', { ...TARGET, typing: 'bool', service: 'string' }],
  ['read', { ...TARGET }],
]);

/** True when `value` has the JSON type `kind` asks for. */
function hasKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'int':
      return Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

const KIND_NAMES: Readonly<Record<Kind, string>> = { int: 'an integer', string: 'a string', bool: 'a boolean', strings: 'an array of strings' };

/** Throw -32602 naming the first unknown key or wrongly typed value of `method`'s params. */
export function checkStrictParams(method: string, params: Params): void {
  const schema = SCHEMAS.get(method);
  if (!schema) return;
  for (const [key, value] of Object.entries(params)) {
    const kind = schema[key];
    if (kind === undefined) throw invalidParams(`unknown param for ${method}: ${key}`);
    if (value !== null && !hasKind(value, kind)) throw invalidParams(`${key} must be ${KIND_NAMES[kind]}`);
  }
}
