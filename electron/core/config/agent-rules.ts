// Rules between `agents.list` and `bindings[]`: a route or ACP binding to an unknown agent, two
// default agents, or no agent at all are warnings (the reference falls back to the default agent
// and logs; we say so, and an ACP binding's chat shows its error).
import type { ConfigIssue } from './issues.js';
import { formatKeyPath } from './key-path.js';
import type { AppConfig } from './schema.js';
import { didYouMean } from './suggest.js';

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const norm = (id: string): string => id.trim().toLowerCase();

/** Agents by normalized id, from possibly invalid input. */
function agentsById(agents: unknown): Map<string, Rec> {
  const list = isRecord(agents) && Array.isArray(agents.list) ? agents.list : [];
  const out = new Map<string, Rec>();
  for (const a of list) if (isRecord(a) && typeof a.id === 'string' && !out.has(norm(a.id))) out.set(norm(a.id), a);
  return out;
}

/** Errors of `bindings[]`: `acp` options on a binding that is not of type "acp" (possibly invalid input). */
export function acpBindingIssues(root: unknown): { path: (string | number)[]; message: string }[] {
  if (!isRecord(root) || !Array.isArray(root.bindings)) return [];
  const issues: { path: (string | number)[]; message: string }[] = [];
  root.bindings.forEach((b: unknown, i) => {
    if (isRecord(b) && b.type !== 'acp' && b.acp !== undefined) issues.push({ path: ['bindings', i, 'acp'], message: 'acp options only apply to a binding with type: "acp"' });
  });
  return issues;
}

/**
 * Warnings about ACP bindings: a missing or non-ACP agent. The config still loads; that chat shows
 * the error when it writes (the ACP runtime never falls back to another agent).
 */
function acpBindingWarnings(config: AppConfig): ConfigIssue[] {
  const agents = agentsById(config.agents);
  const out: ConfigIssue[] = [];
  (config.bindings ?? []).forEach((b, i) => {
    if (b.type !== 'acp') return;
    const path = formatKeyPath(['bindings', i, 'agentId']);
    const agent = agents.get(norm(b.agentId));
    if (!agent) out.push({ path, message: `no agent "${b.agentId}" in agents.list${didYouMean(b.agentId, [...agents.keys()])}; that chat gets an error instead of an answer (an ACP binding needs an agent with runtime: {type: "acp"})` });
    else if (!isRecord(agent.runtime) || agent.runtime.type !== 'acp') out.push({ path, message: `agent "${b.agentId}" has no runtime: {type: "acp"}; an ACP binding needs an ACP agent` });
  });
  return out;
}

/** Warnings about the agents and routes of a valid config (the config still loads). */
export function agentWarnings(config: AppConfig): ConfigIssue[] {
  const list = config.agents?.list ?? [];
  const warnings: ConfigIssue[] = [];
  if (list.length === 0) {
    warnings.push({ path: 'agents.list', message: 'no agent configured: messages are received but never answered (add one under agents.list)' });
  }
  const defaults = list.map((a, i) => ({ a, i })).filter(({ a }) => a.default === true);
  if (defaults.length > 1) {
    const [first, ...rest] = defaults;
    for (const { i } of rest) {
      warnings.push({ path: formatKeyPath(['agents', 'list', i, 'default']), message: `more than one agent has default: true; using the first, "${first?.a.id}" (agents.list[${first?.i}])` });
    }
  }
  warnings.push(...acpBindingWarnings(config));
  const ids = list.map((a) => norm(a.id));
  (config.bindings ?? []).forEach((b, i) => {
    if (b.type === 'acp' || ids.includes(norm(b.agentId))) return;
    const fallback = list.length === 0 ? 'nothing answers them' : `messages it matches go to the default agent`;
    warnings.push({ path: formatKeyPath(['bindings', i, 'agentId']), message: `no agent "${b.agentId}" in agents.list${didYouMean(b.agentId, ids)}; ${fallback}` });
  });
  return warnings;
}

/** The warning for a config without `channels.imessage` (spec §6: groups fall back to "allowlist"). */
export function missingChannelWarning(config: AppConfig): ConfigIssue[] {
  if (config.channels?.imessage !== undefined) return [];
  return [{ path: 'channels.imessage', message: 'missing; defaulting groupPolicy to "allowlist" (group messages blocked until explicitly configured)' }];
}
