// What an allowFrom / groupAllowFrom entry may look like, shared by the UI (errors next to the
// field) and anything else that takes a handle from a person. Pure, no zod at run time.

/** Why `value` is not a usable sender entry, in plain words; null when it is fine. */
export function handleProblem(value: string, opts: { allowWildcard?: boolean } = {}): string | null {
  const v = value.trim();
  if (v === '') return 'Enter a phone number or an email address.';
  if (v === '*') return opts.allowWildcard === false ? '"*" (anyone) is not allowed here.' : null;
  if (/^chat_(id|guid|identifier):\S+$/.test(v)) return null;
  if (v.includes('@')) return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : `"${v.slice(0, 64)}" is not an email address.`;
  const digits = v.replace(/[\s().-]/g, '');
  if (/^\+?\d{5,15}$/.test(digits)) return null;
  return `"${v.slice(0, 64)}" is not a phone number (use digits, with + and the country code) or an email address.`;
}
