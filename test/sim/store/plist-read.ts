// Reads one string value from a property list (binary `bplist00` or XML): enough for `audio-transcription`.

/** Big-endian unsigned integer of `size` bytes at `offset`. */
function readUInt(buf: Buffer, offset: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (buf[offset + i] ?? 0);
  return value;
}

/** Binary plist reader over the offset table (objects: strings, ints, dicts; others ignored). */
function readBinary(buf: Buffer, key: string): string | undefined {
  if (buf.length < 40) return undefined;
  const t = buf.length - 32;
  const offsetSize = buf[t + 6] ?? 1;
  const refSize = buf[t + 7] ?? 1;
  const count = readUInt(buf, t + 8, 8);
  const top = readUInt(buf, t + 16, 8);
  const table = readUInt(buf, t + 24, 8);
  const offsetOf = (ref: number): number => readUInt(buf, table + ref * offsetSize, offsetSize);
  const lengthAt = (pos: number): [number, number] => {
    const low = (buf[pos] ?? 0) & 0x0f;
    if (low !== 0x0f) return [low, pos + 1];
    const intSize = 1 << ((buf[pos + 1] ?? 0) & 0x0f);
    return [readUInt(buf, pos + 2, intSize), pos + 2 + intSize];
  };
  const stringAt = (ref: number): string | undefined => {
    if (ref >= count) return undefined;
    const pos = offsetOf(ref);
    const kind = (buf[pos] ?? 0) >> 4;
    const [len, start] = lengthAt(pos);
    if (kind === 0x5) return buf.toString('latin1', start, start + len);
    if (kind === 0x6) return Buffer.from(buf.subarray(start, start + len * 2)).swap16().toString('utf16le');
    return undefined;
  };
  const dictPos = offsetOf(top);
  if ((buf[dictPos] ?? 0) >> 4 !== 0xd) return undefined;
  const [entries, refs] = lengthAt(dictPos);
  for (let i = 0; i < entries; i++) {
    if (stringAt(readUInt(buf, refs + i * refSize, refSize)) === key) {
      return stringAt(readUInt(buf, refs + (entries + i) * refSize, refSize));
    }
  }
  return undefined;
}

/** Unescape the five XML entities. */
function xmlText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The string stored under top-level `key`, or undefined (malformed plists never throw). */
export function plistString(buf: Buffer, key: string): string | undefined {
  try {
    if (buf.subarray(0, 8).toString('latin1') === 'bplist00') return readBinary(buf, key);
    const m = new RegExp(`<key>${key}</key>\\s*<string>([\\s\\S]*?)</string>`).exec(buf.toString('utf8'));
    return m?.[1] !== undefined ? xmlText(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
