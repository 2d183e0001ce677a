// Relative times and countdowns in the popover's words ("2 min ago", "expires in 58 min").

/** A duration in seconds as "42 s", "1 min 30 s", "58 min", "1 h 5 min". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 120) return `1 min ${s - 60} s`;
  if (s < 3600) return `${Math.ceil(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** How long ago `iso` was, relative to `now` (ms): "just now", "2 min ago", "3 h ago", "2 d ago". */
export function formatAgo(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return 'at an unknown time';
  const s = Math.floor(ms / 1000);
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** Seconds from `now` until `iso` (negative once passed; NaN for a bad date). */
export function secondsUntil(iso: string, now: number): number {
  return (Date.parse(iso) - now) / 1000;
}

/** The pairing countdown: "expires in 58 min", "expires in 42 s", or "expired". */
export function formatExpiry(iso: string, now: number): string {
  const s = secondsUntil(iso, now);
  if (Number.isNaN(s)) return 'no expiry';
  return s <= 0 ? 'expired' : `expires in ${formatDuration(s)}`;
}

/** Wall-clock time of day for activity rows. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '--:--' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Time of day for today, else "12 Mar, 14:05" (a row from another day must say which day). */
export function formatWhen(iso: string, now: number): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '--:--';
  const today = new Date(now);
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  const clock = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (sameDay) return clock;
  const date = d.toLocaleDateString([], { day: 'numeric', month: 'short', ...(d.getFullYear() !== today.getFullYear() ? { year: 'numeric' } : {}) });
  return `${date}, ${clock}`;
}

/** A config time of day ("07:00") in the reader's clock style, like the time inputs show it ("7:00 AM" or "07:00"). */
export function formatTimeOfDay(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  return new Date(2000, 0, 1, Number(m[1]), Number(m[2])).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
