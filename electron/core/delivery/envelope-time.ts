// Envelope timestamps (channel spec §13): `Www YYYY-MM-DD HH:MM TZ`, or `Www YYYY-MM-DDTHH:MMZ`
// when the zone is UTC, with minute precision.

/** Options of {@link formatEnvelopeTimestamp}. */
export interface EnvelopeTimeOptions {
  /**
   * An IANA zone (`Europe/Berlin`), `utc`/`gmt`, or `local`/blank for the process's zone.
   * An unknown zone falls back to UTC, as in the reference.
   */
  readonly timeZone?: string;
}

// Building an Intl.DateTimeFormat costs ~0.1 ms, more than the rest of an envelope; the zones
// come from the config, so a small cache per zone is all a busy account needs.
const zoneCache = new Map<string, string>();
const formatCache = new Map<string, Intl.DateTimeFormat>();
const CACHE_LIMIT = 64;

function cached<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** The canonical zone to format in, or 'UTC' for UTC and for zones Intl does not know. */
export function resolveEnvelopeZone(timeZone: string | undefined): string {
  const wanted = timeZone?.trim() ?? '';
  const lower = wanted.toLowerCase();
  // The process zone follows process.env.TZ (Node re-reads it when it is assigned), so it is part of the key.
  const key = !wanted || lower === 'local' || lower === 'host' ? `local:${process.env.TZ ?? ''}` : `zone:${wanted}`;
  return cached(zoneCache, key, () => resolveZoneNow(wanted));
}

function resolveZoneNow(wanted: string): string {
  const lower = wanted.toLowerCase();
  if (lower === 'utc' || lower === 'gmt') return 'UTC';
  try {
    const zone = !wanted || lower === 'local' || lower === 'host' ? undefined : wanted;
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The envelope timestamp of `ms` (epoch milliseconds); undefined for an invalid time. */
export function formatEnvelopeTimestamp(ms: number, options: EnvelopeTimeOptions = {}): string | undefined {
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) return undefined;
  const timeZone = resolveEnvelopeZone(options.timeZone);
  const weekday = cached(formatCache, `w:${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' })).format(date);
  if (timeZone === 'UTC') {
    const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    return `${weekday} ${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}Z`;
  }
  const parts = cached(formatCache, `d:${timeZone}`, () => new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  })).formatToParts(date);
  const pick = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const zone = pick('timeZoneName');
  return `${weekday} ${pick('year')}-${pick('month')}-${pick('day')} ${pick('hour')}:${pick('minute')}${zone ? ` ${zone}` : ''}`;
}

/** Time since the previous message as `42s`, `5m`, `3h` or `2d`; undefined when negative or unknown. */
export function formatElapsed(currentMs: number, previousMs: number): string | undefined {
  const elapsed = currentMs - previousMs;
  if (!Number.isFinite(elapsed) || elapsed < 0) return undefined;
  const seconds = Math.floor(elapsed / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}
