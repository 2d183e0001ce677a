// Markdown code regions (fences and inline code spans): text inside them is quoted, not live
// markup, so the reflection guard and the sanitizer leave it alone (channel spec §12).

/** A half-open [start, end) range of code in a text. */
export interface CodeRegion {
  readonly start: number;
  readonly end: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Fenced blocks: an opening fence runs to a closing fence of the same char and ≥ length, or to the end. */
function fencedRegions(text: string): CodeRegion[] {
  const regions: CodeRegion[] = [];
  let open: { start: number; char: string; length: number } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const fence = FENCE_OPEN.exec(text.slice(lineStart, lineEnd));
    if (fence?.[1]) {
      const marker = fence[1];
      if (!open) {
        open = { start: lineStart, char: marker.charAt(0), length: marker.length };
      } else if (marker.charAt(0) === open.char && marker.length >= open.length && text.slice(lineStart + fence[0].length, lineEnd).trim() === '') {
        regions.push({ start: open.start, end: lineEnd });
        open = undefined;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (open) regions.push({ start: open.start, end: text.length });
  return regions;
}

/** Inline spans outside fences: a run of N backticks closed by the next run of exactly N. */
function inlineRegions(text: string, fences: readonly CodeRegion[]): CodeRegion[] {
  const runs = [...text.matchAll(/`+/g)].filter((m) => !isInside(m.index, fences));
  // nextSame[i]: the next run with the same length, found in one backwards pass (linear time).
  const nextSame: number[] = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = (runs[i] as RegExpExecArray)[0].length;
    nextSame[i] = lastByLength.get(length) ?? -1;
    lastByLength.set(length, i);
  }
  const regions: CodeRegion[] = [];
  for (let i = 0; i < runs.length; i++) {
    const closerIndex = nextSame[i] ?? -1;
    if (closerIndex === -1) continue;
    const opener = runs[i] as RegExpExecArray;
    const closer = runs[closerIndex] as RegExpExecArray;
    regions.push({ start: opener.index, end: closer.index + closer[0].length });
    i = closerIndex;
  }
  return regions;
}

/** Every code region of `text`, sorted by start and non-overlapping. */
export function findCodeRegions(text: string): CodeRegion[] {
  const fences = fencedRegions(text);
  return [...fences, ...inlineRegions(text, fences)].sort((a, b) => a.start - b.start);
}

/** True when `index` lies inside one of `regions` (sorted, non-overlapping: binary search). */
export function isInside(index: number, regions: readonly CodeRegion[]): boolean {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = regions[mid] as CodeRegion;
    if (index < r.start) hi = mid - 1;
    else if (index >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}
