// Recipient handling of imsg's send: E.164 normalisation by region, handle-like chat identifiers (spec §3.5, §5.1).

const CALLING_CODES: Readonly<Record<string, string>> = {
  US: '1', CA: '1', GB: '44', IE: '353', DE: '49', AT: '43', CH: '41', FR: '33', ES: '34', IT: '39', NL: '31',
  BE: '32', SE: '46', NO: '47', DK: '45', FI: '358', PL: '48', PT: '351', AU: '61', NZ: '64', JP: '81', IN: '91',
  BR: '55', MX: '52',
};

/** Only digits, spaces and `+()-.`: a phone number as typed. */
function isPhoneLike(value: string): boolean {
  return /^[\d\s+().-]+$/.test(value) && /\d/.test(value);
}

/** Normalise a phone `to` to E.164 for `region` (default US); emails and unparseable input are kept as is. */
export function normalizeRecipient(to: string, region = 'US'): string {
  const trimmed = to.trim();
  if (trimmed.includes('@') || !isPhoneLike(trimmed)) return to;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  const code = CALLING_CODES[region.toUpperCase()];
  if (code === undefined) return to;
  if (code === '1') {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
    return to;
  }
  const national = digits.replace(/^0/, '');
  return national.length >= 6 ? `+${code}${national}` : to;
}

const HANDLE_PREFIX = /^(imessage|sms|auto):/i;

/** A chat identifier that imsg turns into a direct buddy send: service prefix, an `@`, or phone characters only. */
export function looksLikeHandle(identifier: string): boolean {
  return HANDLE_PREFIX.test(identifier) || identifier.includes('@') || /^[\d\s+()-]+$/.test(identifier);
}

/** The handle inside a handle-like identifier (service prefix removed). */
export function handleFromIdentifier(identifier: string): string {
  return identifier.replace(HANDLE_PREFIX, '');
}
