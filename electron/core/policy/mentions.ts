// Mention detection (channel spec §17): iMessage has no mention data, so a group message counts
// as addressed to the agent when one of its configured (or derived) patterns matches.
import type { AppConfig } from '../config/schema.js';

/** Where the patterns came from, for the trace. */
export type MentionPatternSource = 'agent' | 'messages' | 'agent name' | 'none';

/** Patterns longer than this are refused: nobody needs them and they cost match time. */
const MAX_PATTERN_LENGTH = 256;

/** Patterns of one agent (§17), first source that exists wins (an empty array counts). */
export function resolveMentionPatterns(config: AppConfig, agentId: string): { readonly patterns: readonly string[]; readonly source: MentionPatternSource } {
  const agent = findAgent(config, agentId);
  const own = agent?.groupChat?.mentionPatterns;
  if (own !== undefined) return { patterns: own, source: 'agent' };
  const shared = config.messages?.groupChat?.mentionPatterns;
  if (shared !== undefined) return { patterns: shared, source: 'messages' };
  const derived = deriveNamePatterns(agent?.name);
  return { patterns: derived, source: derived.length > 0 ? 'agent name' : 'none' };
}

/** The `agents.list` entry with this id (ids compare case-insensitively). */
export function findAgent(config: AppConfig, agentId: string): NonNullable<NonNullable<AppConfig['agents']>['list']>[number] | undefined {
  const wanted = agentId.trim().toLowerCase();
  return config.agents?.list?.find((a) => a.id.trim().toLowerCase() === wanted);
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The agent name as `\b@?word\s+word\b` (§17); our config has no identity emoji. */
export function deriveNamePatterns(name: string | undefined): string[] {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  return parts.length > 0 ? [`\\b@?${parts.join('\\s+')}\\b`] : [];
}

/**
 * Why a pattern is refused, or undefined when it is safe to compile. Nested quantifiers
 * (`(a+)+`, `(\w*)*`, `(x{2,})+`) are the classic catastrophic-backtracking shapes.
 */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  if (/\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/.test(pattern)) return 'nested quantifier (ReDoS-prone)';
  if (/\\[1-9]/.test(pattern)) return 'backreference (ReDoS-prone)';
  return undefined;
}

/** Compiled patterns plus the ones skipped, each with why (shown in the trace instead of crashing). */
export interface MentionMatcher {
  readonly regexes: readonly RegExp[];
  readonly skipped: ReadonlyArray<{ readonly pattern: string; readonly reason: string }>;
}

/** Compile case-insensitively; invalid and ReDoS-prone patterns are skipped with a reason. */
export function buildMentionMatcher(patterns: readonly string[]): MentionMatcher {
  const regexes: RegExp[] = [];
  const skipped: Array<{ pattern: string; reason: string }> = [];
  for (const raw of patterns) {
    // A JSON `\b` arrives as a backspace character; the author meant a word boundary.
    const pattern = raw.split('\u0008').join('\\b');
    if (!pattern.trim()) continue;
    const unsafe = unsafePatternReason(pattern);
    if (unsafe) {
      skipped.push({ pattern: raw, reason: unsafe });
      continue;
    }
    try {
      regexes.push(new RegExp(pattern, 'i'));
    } catch (err) {
      skipped.push({ pattern: raw, reason: `invalid regex: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return { regexes, skipped };
}

/** §17 text preparation: lower-case, zero-width and bidi controls removed. */
export function normalizeMentionText(text: string): string {
  return text.toLowerCase().replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u206F]/g, '');
}

/** The first pattern that matches the text, or undefined. */
export function findMention(text: string, regexes: readonly RegExp[]): RegExp | undefined {
  const prepared = normalizeMentionText(text);
  return regexes.find((re) => re.test(prepared));
}
