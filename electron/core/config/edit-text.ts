// Applies a config change to the file's own JSON5 text, so comments, key order and the
// formatting of untouched parts survive an edit from the app or `config set` (issue 13).
import { JsonArrayNode, JsonObjectNode, JsonParser } from '@croct/json5-parser';
import identifiers from '@croct/json5-parser/identifier.js';
import JSON5 from 'json5';

// JSON5 property names may be reserved words (`default: true` in agents.list is common); the
// library refuses them as unquoted keys, so its exported list is emptied once, here.
identifiers.reservedIdentifiers.length = 0;

type Plain = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Deep equality of parsed JSON values, key order ignored. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && same(a[k], b[k]));
}

/** Walk `before` → `after` and touch only what differs: changed leaves and arrays are set whole, removed keys deleted. */
function applyDiff(node: JsonObjectNode, before: Plain, after: Plain): void {
  for (const key of Object.keys(before)) {
    if (!(key in after)) node.delete(key);
  }
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (same(old, value)) continue;
    if (isPlainObject(old) && isPlainObject(value) && node.get(key) instanceof JsonObjectNode) {
      applyDiff(node.get(key, JsonObjectNode), old, value);
    } else if (Array.isArray(old) && Array.isArray(value) && node.get(key) instanceof JsonArrayNode) {
      // update() keeps the comments between the elements that stay.
      node.get(key, JsonArrayNode).update(value as never);
    } else {
      node.set(key, value as never);
    }
  }
}

/**
 * The text of `before` (a JSON5 config file) changed so that it parses to `next`, touching only
 * the keys that differ. Returns null when the text cannot be edited in place (not an object, or the
 * result would not parse back to `next`); the caller then writes the file anew.
 */
export function editJson5Text(before: string, next: Plain): string | null {
  let root: JsonObjectNode;
  let old: unknown;
  try {
    root = JsonParser.parse(before, JsonObjectNode);
    old = JSON5.parse(before);
  } catch {
    return null;
  }
  if (!isPlainObject(old)) return null;
  // An empty object has no style to learn from: the caller's fresh rendering reads better.
  if (Object.keys(old).length === 0) return null;
  try {
    applyDiff(root, old, next);
  } catch {
    return null;
  }
  let text = root.toString();
  // The library drops the text after the root when the last property is deleted; keep the file's line end.
  const tail = /\s*$/.exec(before)?.[0] ?? '';
  if (!text.endsWith(tail)) text = text.replace(/\s*$/, '') + tail;
  try {
    if (!same(JSON5.parse(text), next)) return null;
  } catch {
    return null;
  }
  return text;
}
