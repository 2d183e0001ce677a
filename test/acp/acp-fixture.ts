// Shared setup of the ACP runtime tests: a manager over a temp state dir whose agent is the real
// test agent process (dist/test/acp-agent.js), a chat port that records lines, the agent's event log.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AgentRequest } from '../../electron/core/agents/types.js';
import { AcpManager } from '../../electron/core/acp/acp-manager.js';
import type { AcpOptions } from '../../electron/core/acp/agent-command.js';
import type { ChatTarget } from '../../electron/core/acp/session-host.js';
import { ROOT } from '../helpers/bins.js';

/** The built test agent. */
export const TEST_AGENT = resolve(ROOT, 'dist/test/acp-agent.js');

/** One event the test agent logged. */
export interface AgentEvent {
  pid: number;
  event: string;
  sessionId?: string;
  text?: string;
  outcome?: string;
  load?: boolean;
  clientCapabilities?: Record<string, unknown>;
}

/** A temp state dir with a manager; `lines` are what went to the chat. */
export class AcpFixture {
  readonly lines: Array<{ target: ChatTarget; text: string }> = [];
  readonly activity: string[] = [];
  manager: AcpManager;

  private constructor(readonly dir: string) {
    this.manager = this.newManager();
  }

  static async create(): Promise<AcpFixture> {
    return new AcpFixture(await mkdtemp(join(tmpdir(), 'acp-')));
  }

  get stateDir(): string {
    return join(this.dir, 'state');
  }

  get logFile(): string {
    return join(this.dir, 'agent.log');
  }

  /** A manager over the same state dir (as a restarted app would build). */
  newManager(): AcpManager {
    return new AcpManager({
      stateDir: this.stateDir,
      // Switches only reach the agent when its options list them in `env` (the env allowlist).
      env: { ...process.env, ACP_TEST_AGENT_LOG: this.logFile, ACP_TEST_AGENT_LOAD: '1', ACP_TEST_AGENT_STUBBORN: '1', ACP_TEST_AGENT_FAIL_INIT: '1' },
      chat: { send: async (target, text) => void this.lines.push({ target, text }) },
      log: (_account, detail) => void this.activity.push(detail),
      changed: () => undefined,
      timing: { startTimeoutMs: 10_000, restartBaseMs: 100 },
    });
  }

  /** Options of the test agent; `env` adds ACP_TEST_AGENT_* switches. */
  opts(extra: Partial<AcpOptions> = {}, env: string[] = []): AcpOptions {
    return { agent: 'testagent', command: [process.execPath, TEST_AGENT], env: ['ACP_TEST_AGENT_LOG', ...env], workingNoticeSeconds: 0, ...extra };
  }

  /** Every event the agent processes logged so far. */
  events(): AgentEvent[] {
    if (!existsSync(this.logFile)) return [];
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as AgentEvent);
  }

  async dispose(): Promise<void> {
    await this.manager.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** An inbound message as the dispatch path hands it to a backend. */
export function request(text: string, opts: { group?: boolean; owner?: boolean; sender?: string } = {}): AgentRequest {
  const sender = opts.sender ?? '+15550001111';
  return {
    agentId: 'testagent',
    accountId: 'default',
    sessionKey: opts.group ? 'agent:testagent:imessage:group:7' : 'agent:testagent:main',
    text,
    context: { To: opts.group ? 'chat_id:7' : `imessage:${sender}`, ChatType: opts.group ? 'group' : 'direct', CommandAuthorized: opts.owner ?? true, SenderId: sender },
  };
}
