// Convert a whole OpenClaw/Clawdbot config into ours: take the iMessage channel, the agents,
// messages, session, commands and the iMessage bindings; list everything left out and why.
import type { ConfigIssue } from './issues.js';
import { parseKeyPath, unsetAtPath } from './key-path.js';
import { applyLegacyKeys } from './legacy-keys.js';
import { OPENCLAW_ONLY_SECTIONS } from './openclaw-detect.js';
import type { AppConfig } from './schema.js';
import { validateConfig } from './validate.js';

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One part of the source not imported, with the reason. */
export interface LeftOut {
  readonly path: string;
  readonly reason: string;
}

/** Outcome of {@link convertOpenClawConfig}: the config (valid) or the problems that stop the import. */
export type ConvertResult =
  | { ok: true; raw: Rec; config: AppConfig; leftOut: LeftOut[]; warnings: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[]; leftOut: LeftOut[] };

const SECTION_REASONS: Record<string, string> = {
  gateway: 'gateway server settings; imsg Companion runs without a gateway',
  models: 'model providers; give each agent a backend (openai, webhook or command) instead',
  auth: 'model provider credentials; imsg Companion keeps secrets out of its config',
  plugins: 'OpenClaw plugins', skills: 'OpenClaw skills', tools: 'OpenClaw agent tools', hooks: 'OpenClaw hooks', cron: 'OpenClaw scheduled jobs',
};

/** Keys we read in each taken section; anything else there is listed as left out. */
const TAKEN = {
  messages: { groupChat: ['mentionPatterns', 'historyLimit'], responsePrefix: true },
  session: ['dmScope'],
  commands: ['config', 'useAccessGroups'],
  agent: ['id', 'name', 'default', 'groupChat', 'runtime'],
  binding: ['type', 'agentId', 'comment', 'match', 'acp'],
} as const;

/** Copy `keys` of `source` into a new object; the rest is reported under `path`. */
function pick(source: Rec, keys: readonly string[], path: string, leftOut: LeftOut[], reason: string): Rec {
  const out: Rec = {};
  for (const [k, v] of Object.entries(source)) {
    if (keys.includes(k)) out[k] = v;
    else leftOut.push({ path: `${path}.${k}`, reason });
  }
  return out;
}

function convertMessages(messages: unknown, leftOut: LeftOut[]): Rec | undefined {
  if (!isRecord(messages)) return undefined;
  const out: Rec = {};
  for (const [k, v] of Object.entries(messages)) {
    if (k === 'responsePrefix') out[k] = v;
    else if (k === 'groupChat' && isRecord(v)) {
      const groupChat = pick(v, TAKEN.messages.groupChat, 'messages.groupChat', leftOut, 'not used by imsg Companion');
      if (Object.keys(groupChat).length > 0) out.groupChat = groupChat;
    } else leftOut.push({ path: `messages.${k}`, reason: 'not used by imsg Companion' });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function convertAgents(agents: unknown, leftOut: LeftOut[]): Rec | undefined {
  if (!isRecord(agents)) return undefined;
  // Newer docs spell the list as `agents.entries.<id>`.
  const entries = isRecord(agents.entries) ? Object.entries(agents.entries).map(([id, a]) => ({ id, ...(isRecord(a) ? a : {}) })) : [];
  const list = [...(Array.isArray(agents.list) ? agents.list : []), ...entries];
  for (const k of Object.keys(agents)) if (k !== 'list' && k !== 'entries') leftOut.push({ path: `agents.${k}`, reason: 'OpenClaw agent defaults (model, workspace…); not used by imsg Companion' });
  const out = list.filter(isRecord).map((agent, i) => {
    const path = `agents.list[${i}]`;
    const picked = pick(agent, TAKEN.agent, path, leftOut, 'OpenClaw agent setting; not used by imsg Companion');
    const identity = isRecord(agent.identity) ? agent.identity : undefined;
    if (picked.name === undefined && typeof identity?.name === 'string') picked.name = identity.name;
    if (isRecord(picked.groupChat)) picked.groupChat = pick(picked.groupChat, ['mentionPatterns'], `${path}.groupChat`, leftOut, 'not used by imsg Companion');
    if (picked.runtime === undefined) leftOut.push({ path: `${path}.backend`, reason: `agent "${String(agent.id)}" answered with OpenClaw's model providers; add backend: {type: "openai" | "webhook" | "command", …} to answer here` });
    return picked;
  });
  return out.length > 0 ? { list: out } : undefined;
}

function convertBindings(bindings: unknown, leftOut: LeftOut[]): unknown[] | undefined {
  if (!Array.isArray(bindings)) return undefined;
  const out: unknown[] = [];
  bindings.forEach((b, i) => {
    const channel = isRecord(b) && isRecord(b.match) ? b.match.channel : undefined;
    if (!isRecord(b) || channel !== 'imessage') {
      leftOut.push({ path: `bindings[${i}]`, reason: `binding for ${typeof channel === 'string' ? `channel ${channel}` : 'no channel'}, not iMessage` });
      return;
    }
    out.push(pick(b, TAKEN.binding, `bindings[${i}]`, leftOut, 'not used by imsg Companion'));
  });
  return out.length > 0 ? out : undefined;
}

/** Build our config from a whole OpenClaw/Clawdbot config (parsed JSON5); never throws. */
export function convertOpenClawConfig(source: unknown): ConvertResult {
  const leftOut: LeftOut[] = [];
  if (!isRecord(source)) return { ok: false, issues: [{ path: '', message: 'expected an object at the top level of the file' }], leftOut };
  const legacy = applyLegacyKeys(source);
  const raw = legacy.raw;
  const out: Rec = {};
  const channels = isRecord(raw.channels) ? raw.channels : {};
  if (isRecord(channels.imessage)) out.channels = { imessage: channels.imessage, ...(isRecord(channels.defaults) ? { defaults: pick(channels.defaults, ['groupPolicy'], 'channels.defaults', leftOut, 'not used by imsg Companion') } : {}) };
  else leftOut.push({ path: 'channels.imessage', reason: 'not found: the file has no iMessage channel (channels.imessage or imessage)' });
  for (const name of Object.keys(channels)) if (name !== 'imessage' && name !== 'defaults') leftOut.push({ path: `channels.${name}`, reason: 'another messenger; imsg Companion is for iMessage only' });
  const agents = convertAgents(raw.agents, leftOut);
  const messages = convertMessages(raw.messages, leftOut);
  const session = isRecord(raw.session) ? pick(raw.session, TAKEN.session, 'session', leftOut, 'not used by imsg Companion') : undefined;
  const commands = isRecord(raw.commands) ? pick(raw.commands, TAKEN.commands, 'commands', leftOut, 'OpenClaw command; not in imsg Companion') : undefined;
  const bindings = convertBindings(raw.bindings, leftOut);
  Object.assign(out, agents && { agents }, messages && { messages }, session && Object.keys(session).length > 0 && { session }, commands && Object.keys(commands).length > 0 && { commands }, bindings && { bindings });
  const routing = isRecord(raw.routing) ? raw.routing : undefined;
  if (routing) for (const k of Object.keys(routing)) if (!(k === 'groupChat' && isRecord(routing.groupChat) && Object.keys(routing.groupChat).length === 0)) leftOut.push({ path: `routing.${k}`, reason: 'older OpenClaw routing setting; not used by imsg Companion' });
  const known = new Set(['channels', 'agents', 'messages', 'session', 'commands', 'bindings', 'routing']);
  for (const k of Object.keys(raw)) {
    if (known.has(k)) continue;
    const reason = SECTION_REASONS[k] ?? ((OPENCLAW_ONLY_SECTIONS as readonly string[]).includes(k) ? 'OpenClaw-only setting' : 'not used by imsg Companion');
    leftOut.push({ path: k, reason });
  }
  return validateImported(out, leftOut, legacy.issues);
}

/**
 * Validate the result. Unknown keys without a close known key (newer OpenClaw options) are left out
 * and listed; a likely typo ("did you mean …") or a wrong value stops the import.
 */
function validateImported(out: Rec, leftOut: LeftOut[], earlier: ConfigIssue[]): ConvertResult {
  if (earlier.length > 0) return { ok: false, issues: earlier, leftOut };
  for (let round = 0; round < 5; round++) {
    const result = validateConfig(out);
    if (result.ok) return { ok: true, raw: out, config: result.config, leftOut, warnings: result.warnings };
    const removable = result.issues.filter((i) => i.message === 'unknown key');
    const blocking = result.issues.filter((i) => i.message !== 'unknown key');
    if (blocking.length > 0 || removable.length === 0) return { ok: false, issues: blocking.length > 0 ? blocking : result.issues, leftOut };
    for (const issue of removable) {
      unsetAtPath(out, parseKeyPath(issue.path));
      leftOut.push({ path: issue.path, reason: 'not supported by imsg Companion' });
    }
  }
  return { ok: false, issues: [{ path: '', message: 'could not build a valid config' }], leftOut };
}
