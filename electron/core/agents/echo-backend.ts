// The `echo` backend: answers with the inbound text (demo mode and tests).
import type { EchoBackendConfig } from './backend-schema.js';
import type { AgentBackend, AgentReply, AgentRequest, BackendCheck } from './types.js';

/** Replies `<prefix><text>`; an empty text gets no reply. */
export class EchoBackend implements AgentBackend {
  readonly type = 'echo';
  readonly errorReply?: string;

  constructor(private readonly config: EchoBackendConfig) {
    this.errorReply = config.errorReply;
  }

  /** The text back, with the prefix. */
  async reply(req: AgentRequest): Promise<AgentReply> {
    req.signal?.throwIfAborted();
    return { text: req.text.trim() === '' ? null : `${this.config.prefix ?? ''}${req.text}`, provider: 'echo' };
  }

  /** Nothing to reach. */
  async check(): Promise<BackendCheck> {
    return { ok: true, detail: 'echo needs nothing' };
  }
}
