// Human sizes for drop reasons: `too large (17.2 MB > 16 MB)`.

/** Bytes in one "MB" of `mediaMaxMb` (binary, as the reference computes the cap). */
export const BYTES_PER_MB = 1024 * 1024;

/** The byte cap for `mediaMaxMb`. */
export function maxBytesFor(mediaMaxMb: number): number {
  return mediaMaxMb * BYTES_PER_MB;
}

/** MB with at most one decimal; `roundUp` so a file just over the cap never prints as equal to it. */
function mb(bytes: number, roundUp: boolean): string {
  const tenths = (roundUp ? Math.ceil : Math.round)((bytes / BYTES_PER_MB) * 10) / 10;
  return String(tenths);
}

/** `too large (N MB > M MB)`. */
export function tooLargeReason(bytes: number, maxBytes: number): string {
  return `too large (${mb(bytes, true)} MB > ${mb(maxBytes, false)} MB)`;
}
