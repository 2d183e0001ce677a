// Test helper: parse a Content-Security-Policy header into directive → sources.

/** `default-src 'self'; img-src 'self' data:` → Map { default-src → ['\'self\''], img-src → [...] }. */
export function cspDirectives(header: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}
