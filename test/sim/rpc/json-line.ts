// Serialise like Foundation's JSONSerialization: `/` escaped as `\/`, non-ASCII raw, one line.

/**
 * Encode one JSON-RPC line (without the trailing newline). `/` only ever occurs inside strings
 * in JSON text, so escaping every `/` matches Foundation's output exactly.
 */
export function encodeJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, '\\/');
}
