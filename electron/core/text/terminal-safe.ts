// The one sanitizer for untrusted text on a terminal (sender handles, message text, file bytes in
// error messages): control characters are shown escaped, so ESC/OSC sequences cannot drive the
// terminal (OSC 52 writes the clipboard) and a newline in a field cannot forge a log line.

// C0 controls, DEL, C1 controls, line/paragraph separators and the bidi overrides/isolates.
const FIELD_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, but newline and tab kept: for whole blocks of our own multi-line output.
const BLOCK_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field of a record (a sender, a preview, a detail): every control character escaped, one line. */
export function safeField(text: string): string {
  return text.replace(FIELD_UNSAFE, escape);
}

/** A block of output: control characters escaped except newline and tab. */
export function safeBlock(text: string): string {
  return text.replace(BLOCK_UNSAFE, escape);
}

/** A stream whose writes pass through {@link safeBlock}: the last line of defence for a CLI's output. */
export function terminalSafeStream(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    return (stream.write as (c: string, ...r: unknown[]) => boolean)(safeBlock(text), ...rest);
  };
  return new Proxy(stream, { get: (target, key, receiver) => (key === 'write' ? write : Reflect.get(target, key, receiver)) });
}
