// Writes message bodies the way Messages.app archives them: a typedstream NSAttributedString.

// Captured from a real archive: the stream header and class chain up to the NSString `+` tag.
const PREFIX = Buffer.from(
  '040b73747265616d747970656481e803840140848484124e5341747472696275746564537472696e6700' +
    '8484084e534f626a656374008592848484084e53537472696e67019484012b',
  'hex',
);
// After the string: end of NSString, the `iI` attribute range (location 1, length follows).
const RANGE_TAG = Buffer.from('8684026949' + '01', 'hex');
// One attribute run: `__kIMMessagePartAttributeName` = NSNumber 0, then the closing tags.
const SUFFIX = Buffer.from(
  '928484840c4e5344696374696f6e617279009484016901928496961d5f5f6b494d4d65737361676550617274' +
    '4174747269627574654e616d658692848484084e534e756d626572008484074e5356616c7565009484012a84999900868686',
  'hex',
);

/** typedstream integer: one byte below 0x80, else `0x81` + u16 LE, else `0x82` + u32 LE. */
export function encodeTypedInt(n: number): Buffer {
  if (n >= 0 && n < 0x80) return Buffer.from([n]);
  if (n >= 0 && n <= 0xffff) return Buffer.from([0x81, n & 0xff, (n >> 8) & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = 0x82;
  out.writeUInt32LE(n >>> 0, 1);
  return out;
}

/** Encode `text` as an `attributedBody` blob (NSString span `01 2B <len> <utf8> 86 84`). */
export function encodeAttributedBody(text: string): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([PREFIX, encodeTypedInt(utf8.length), utf8, RANGE_TAG, encodeTypedInt(text.length), SUFFIX]);
}
