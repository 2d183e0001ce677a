// The decision trace as plain text for people (`imsg-companion explain`, logs).
import type { InboundDecision } from './decide-types.js';

const MARKS: Record<string, string> = { pass: '✓', drop: '✗', pairing: '?', info: '·' };

/** The readable trace: one line per step (✓ pass, ✗ drop, ? pairing, · info), then the verdict. */
export function formatDecisionText(d: InboundDecision): string {
  const lines = d.steps.map((s) => `${MARKS[s.outcome] ?? '·'} ${s.step}: ${s.detail}`);
  if (d.decision === 'dispatch') lines.push(`=> DISPATCH: the agent "${d.agentId}" answers in session ${d.sessionKey}${d.replyTarget ? ` (reply to ${d.replyTarget})` : ''}`);
  else if (d.decision === 'pairing') lines.push(`=> PAIRING: ${d.reason} (a code would go to ${d.replyTarget})`);
  else lines.push(`=> DROP: ${d.reason}`);
  return `${lines.join('\n')}\n`;
}
