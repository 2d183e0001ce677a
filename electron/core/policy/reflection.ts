// Reflection guard (channel spec §12): inbound text carrying assistant-internal markers outside
// code is our own output coming back, and answering it would amplify an echo loop.
import { findCodeRegions, isInside } from './code-regions.js';

/** The markers, each with a label for the trace. Tags count only with their closing `>`. */
export const REFLECTION_MARKERS: ReadonlyArray<{ readonly label: string; readonly re: RegExp }> = [
  { label: 'internal separator', re: /(?:#\+){2,}#?/g },
  { label: 'assistant role marker', re: /\bassistant\s+to\s*=\s*\w+/gi },
  { label: 'thinking tag', re: /<\s*(?:\/\s*)?(?:think(?:ing)?|thought|antthinking)\b[^<>]*>/gi },
  { label: 'relevant-memories tag', re: /<\s*(?:\/\s*)?relevant[-_]memories\b[^<>]*>/gi },
  { label: 'final tag', re: /<\s*(?:\/\s*)?final\b[^<>]*>/gi },
];

/** Labels of the markers found outside code; empty when the text is clean. */
export function detectReflection(text: string): string[] {
  if (!text) return [];
  const regions = findCodeRegions(text);
  const labels: string[] = [];
  for (const { label, re } of REFLECTION_MARKERS) {
    for (const match of text.matchAll(re)) {
      if (!isInside(match.index, regions)) {
        labels.push(label);
        break;
      }
    }
  }
  return labels;
}
