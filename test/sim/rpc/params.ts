// Lenient param coercion of imsg 0.9.0 (spec §2.4); unknown keys are ignored.

/** A request's params object. */
export type Params = Readonly<Record<string, unknown>>;

/** Strings as is; numbers in their string form. */
export function paramString(p: Params, key: string): string | undefined {
  const v = p[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Ints; any JSON number (truncated); numeric strings like `"42"`. */
export function paramInt(p: Params, key: string): number | undefined {
  const v = p[key];
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return Number(v);
  return undefined;
}

/** Booleans; numbers (non-zero = true); the strings `"true"`/`"false"`; anything else is absent. */
export function paramBool(p: Params, key: string): boolean | undefined {
  const v = p[key];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Arrays (numbers stringified, other non-strings dropped) or a comma-separated string (trimmed, empties removed). */
export function paramStringArray(p: Params, key: string): string[] | undefined {
  const v = p[key];
  if (Array.isArray(v)) {
    return v.flatMap((item: unknown) => (typeof item === 'string' ? [item] : typeof item === 'number' ? [String(item)] : []));
  }
  if (typeof v === 'string') {
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  return undefined;
}

/** A non-empty string param (empty strings count as absent for targets and bodies). */
export function paramNonEmpty(p: Params, key: string): string | undefined {
  const v = paramString(p, key);
  return v === undefined || v === '' ? undefined : v;
}
