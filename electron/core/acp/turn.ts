// One prompt turn: the reply collected from `agent_message_chunk`, one "Working on it…" after a
// while, and (with `progress: tools`) a short line per tool call.
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContentBlock, SessionNotification } from '@agentclientprotocol/sdk';
import type { AgentRequest } from '../agents/types.js';
import type { AcpOptions } from './agent-command.js';
import { type ChatTarget, chatTargetOf, type SessionHost } from './session-host.js';

/** The working notice text. */
export const WORKING_NOTICE = 'Working on it…';
/** Seconds before the working notice when `workingNoticeSeconds` is unset. */
export const DEFAULT_WORKING_NOTICE_SECONDS = 20;
const MAX_PROGRESS_LINES = 5;

/** The prompt of a message: its text, then its attachments as resource links (every ACP agent takes those). */
export function promptBlocks(req: AgentRequest): ContentBlock[] {
  const blocks: ContentBlock[] = [{ type: 'text', text: req.text }];
  const paths = Array.isArray(req.context.MediaPaths) ? (req.context.MediaPaths as unknown[]) : [];
  const types = Array.isArray(req.context.MediaTypes) ? (req.context.MediaTypes as unknown[]) : [];
  paths.forEach((p, i) => {
    if (typeof p !== 'string' || !p.startsWith('/')) return;
    const mimeType = typeof types[i] === 'string' ? (types[i] as string) : undefined;
    blocks.push({ type: 'resource_link', uri: pathToFileURL(p).href, name: basename(p), ...(mimeType && { mimeType }) });
  });
  return blocks;
}

/** A running prompt turn of one session. */
export class Turn {
  readonly target: ChatTarget;
  #text = '';
  #progress = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly sessionId: string,
    readonly req: AgentRequest,
    private readonly opts: AcpOptions,
    private readonly host: SessionHost,
  ) {
    this.target = chatTargetOf(req);
    const seconds = opts.workingNoticeSeconds ?? DEFAULT_WORKING_NOTICE_SECONDS;
    if (seconds > 0) this.#timer = setTimeout(() => this.#say(WORKING_NOTICE), seconds * 1000);
  }

  /** The reply so far. */
  get text(): string {
    return this.#text;
  }

  /** Take one `session/update` of this turn's session (other kinds are ignored). */
  update(n: SessionNotification): void {
    if (n.sessionId !== this.sessionId) return;
    const u = n.update;
    if (u.sessionUpdate === 'agent_message_chunk' && u.content.type === 'text') this.#text += u.content.text;
    else if (u.sessionUpdate === 'tool_call' && this.opts.progress === 'tools' && this.#progress < MAX_PROGRESS_LINES) {
      this.#progress++;
      this.#say(`… ${u.title.trim().slice(0, 120) || 'using a tool'}`);
    }
  }

  /** The turn ended: no notice after this. */
  end(): void {
    clearTimeout(this.#timer);
  }

  #say(text: string): void {
    void this.host.chat.send(this.target, text).catch((err: Error) => this.host.log(this.target.accountId, `ACP progress line not sent: ${err.message}`));
  }
}
