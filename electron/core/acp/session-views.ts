// ACP bindings and sessions as the snapshot, `status --json`, `/acp status` and the CLI show them.
import type { AcpSessionView } from '../../contract/views.js';
import type { AppConfig } from '../config/schema.js';
import { configConversationBindings, type ConversationBinding } from '../policy/route.js';
import { agentArgv } from './agent-command.js';
import type { AcpSessionState } from './acp-session.js';
import { type ChatBinding, readChatBindings } from './binding-store.js';

/** A live session as the views read it. */
interface SessionLike {
  readonly key: string;
  readonly agentId: string;
  readonly accountId: string | undefined;
  readonly state: AcpSessionState;
  readonly sessionId: string | undefined;
  readonly since: string;
  readonly lastActivityAt: string | undefined;
  readonly error: string | undefined;
}

/** Where the views come from: the running manager, or the state dir when nothing runs. */
export interface SessionSource {
  readonly startedAt: string;
  chatBindings(): readonly ConversationBinding[];
  get(id: string): SessionLike | undefined;
  sessions(): readonly SessionLike[];
  sessionOf(id: string): string | undefined;
}

/** The views of a state dir with no app running: bindings from disk, no process (`closed`). */
export function offlineSessionViews(stateDir: string, config: AppConfig): { views: AcpSessionView[]; problem?: string } {
  const read = readChatBindings(stateDir);
  const source: SessionSource = { startedAt: new Date().toISOString(), chatBindings: () => read.bindings, get: () => undefined, sessions: () => [], sessionOf: (id) => read.sessions[id] };
  return { views: acpSessionViews(source, config, 'closed'), ...(read.problem && { problem: read.problem }) };
}

/** Why a binding cannot answer (missing agent, unknown command), or undefined. */
export function bindingProblem(config: AppConfig, b: ConversationBinding): string | undefined {
  const agent = (config.agents?.list ?? []).find((a) => a.id.trim().toLowerCase() === b.agentId);
  if (!agent) return `agent "${b.agentId}" is not in agents.list`;
  if (agent.runtime?.type === 'acp') {
    const argv = agentArgv(agent.runtime.acp);
    if ('error' in argv) return argv.error;
  } else if (!agent.backend) return `agent "${b.agentId}" has no backend and no runtime`;
  return undefined;
}

/** Every binding (chat-made first, then the config's) with its session, then unbound ACP sessions. */
export function acpSessionViews(manager: SessionSource, config: AppConfig, notRunning: AcpSessionState = 'idle'): AcpSessionView[] {
  const chat = manager.chatBindings();
  const seen = new Set<string>();
  const views: AcpSessionView[] = [];
  for (const b of [...chat, ...configConversationBindings(config)]) {
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    const s = manager.get(b.id);
    const problem = bindingProblem(config, b);
    const created = (b as Partial<ChatBinding>).createdAt;
    views.push({
      id: b.id,
      accountId: b.accountId,
      conversation: b.peer.id,
      ...((b as Partial<ChatBinding>).chatName && { chatName: (b as ChatBinding).chatName }),
      agentId: b.agentId,
      ...(b.label && { label: b.label }),
      source: b.source,
      state: problem ? 'error' : (s?.state ?? notRunning),
      ...((s?.sessionId ?? manager.sessionOf(b.id)) && { sessionId: s?.sessionId ?? manager.sessionOf(b.id) }),
      since: created ?? s?.since ?? manager.startedAt,
      ...(s?.lastActivityAt && { lastActivityAt: s.lastActivityAt }),
      ...((problem ?? s?.error) && { error: problem ?? s?.error }),
    });
  }
  for (const s of manager.sessions()) {
    if (seen.has(s.key)) continue;
    views.push({ id: s.key, accountId: s.accountId ?? '-', conversation: s.key.replace(/^session:/, ''), agentId: s.agentId, source: 'config', state: s.state, ...(s.sessionId && { sessionId: s.sessionId }), since: s.since, ...(s.lastActivityAt && { lastActivityAt: s.lastActivityAt }), ...(s.error && { error: s.error }) });
  }
  return views;
}

/** One line per binding (`/acp status`, `bindings list`). */
export function formatSessionLine(v: AcpSessionView): string {
  const parts = [`${v.id}${v.label ? ` "${v.label}"` : ''}: agent ${v.agentId}, ${v.state}`, v.sessionId ? `session ${v.sessionId}` : 'no session yet', `since ${v.since}`];
  if (v.lastActivityAt) parts.push(`last activity ${v.lastActivityAt}`);
  if (v.error) parts.push(`error: ${v.error}`);
  return `${parts.join(', ')} (${v.source === 'chat' ? 'made in chat' : 'config'})`;
}
