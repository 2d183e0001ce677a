// Recovers message text from `attributedBody` the way imsg 0.9.0 does (spec §4.4), quirks included.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: false });

/** Drop leading control characters (imsg trims the stray length byte this way). */
export function trimLeadingControls(text: string): string {
  return text.replace(/^\p{Cc}+/u, '');
}

/** First index of the byte pair `a b` at or after `from`, or -1. */
function indexOfPair(bytes: Uint8Array, a: number, b: number, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] === a && bytes[i + 1] === b) return i;
  }
  return -1;
}

/**
 * imsg's length-prefix strip: one byte when it equals the remaining length, two bytes after
 * `0x81` (leaving the high byte of the u16 behind), three after `0x82`.
 */
function stripLengthPrefix(span: Uint8Array): Uint8Array {
  const first = span[0];
  if (first === undefined) return span;
  if (first === span.length - 1) return span.subarray(1);
  if (first === 0x81 && span.length >= 2) return span.subarray(2);
  if (first === 0x82 && span.length >= 3) return span.subarray(3);
  return span;
}

/** Decode a typedstream `attributedBody` blob into the text imsg would report. */
export function decodeAttributedBody(blob: Uint8Array): string {
  if (blob.length >= 2 && blob[0] === 0xff && blob[1] === 0xfe) {
    return trimLeadingControls(utf16le.decode(blob.subarray(2)));
  }
  let best: string | undefined;
  for (let i = indexOfPair(blob, 0x01, 0x2b, 0); i >= 0; i = indexOfPair(blob, 0x01, 0x2b, i + 1)) {
    const end = indexOfPair(blob, 0x86, 0x84, i + 2);
    if (end < 0) break;
    let candidate: string;
    try {
      candidate = strictUtf8.decode(stripLengthPrefix(blob.subarray(i + 2, end)));
    } catch {
      continue;
    }
    if (best === undefined || candidate.length > best.length) best = candidate;
  }
  return trimLeadingControls(best ?? lossyUtf8.decode(blob));
}
