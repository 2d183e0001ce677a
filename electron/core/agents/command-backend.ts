// The `command` backend: run argv (no shell) with the envelope JSON on stdin; stdout is the reply.
import { execa } from 'execa';
import type { AgentErrorFactory } from './agent-error.js';
import { agentErrorFactory } from './agent-error.js';
import type { CommandBackendConfig } from './backend-schema.js';
import { commandCwd, commandEnv, resolveProgram } from './command-env.js';
import { runWithDeadline } from './deadline.js';
import { stopAllGroups, terminateGroup, trackGroup } from '../platform/process-group.js';
import type { AgentBackend, AgentDeps, AgentReply, AgentRequest, BackendCheck } from './types.js';
import { buildEnvelope } from './types.js';

/** Deadline when `timeoutMs` is unset. */
export const COMMAND_DEFAULT_TIMEOUT_MS = 60_000;
/** stdout beyond this is refused (a reply is a chat message). */
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** After SIGTERM on timeout, SIGKILL follows this much later. */
const FORCE_KILL_AFTER_MS = 2_000;

/** A stop: every command agent still running gets TERM, then KILL after the grace; resolves once all were sent. */
export function stopCommandAgents(): Promise<void> {
  return stopAllGroups(FORCE_KILL_AFTER_MS);
}

/** The last `lines` non-empty lines of `text`, at most 500 characters. */
export function tailLines(text: string, lines = 5): string {
  const tail = text.trimEnd().split(/\r?\n/).filter((l) => l.trim() !== '').slice(-lines).join('\n');
  return tail.length > 500 ? `…${tail.slice(-500)}` : tail;
}

/** A command backend for one agent. */
export class CommandBackend implements AgentBackend {
  readonly type = 'command';
  readonly errorReply?: string;
  readonly #fail: AgentErrorFactory;

  constructor(
    agentId: string,
    private readonly config: CommandBackendConfig,
    private readonly deps: AgentDeps,
  ) {
    this.errorReply = config.errorReply;
    this.#fail = agentErrorFactory(agentId, 'command');
  }

  /**
   * Run the command once, in its own process group; on timeout or stop the whole group is killed
   * (SIGTERM, then SIGKILL after a bounded grace) before the call rejects, whatever its children do.
   */
  async reply(req: AgentRequest): Promise<AgentReply> {
    const [program, ...args] = this.config.argv as [string, ...string[]];
    const timeoutMs = this.config.timeoutMs ?? COMMAND_DEFAULT_TIMEOUT_MS;
    let pid: number | undefined;
    let ended: Promise<void> | undefined;
    const result = await runWithDeadline(
      timeoutMs,
      req.signal,
      (signal) => {
        const child = execa(program, args, {
          input: JSON.stringify(buildEnvelope(req)),
          env: commandEnv(this.config.env, this.deps.env),
          extendEnv: false,
          cwd: commandCwd(this.config.cwd, this.deps.env.HOME),
          reject: false,
          stripFinalNewline: false,
          maxBuffer: MAX_OUTPUT_BYTES,
          // Its own group: killing the group reaches the grandchildren holding the pipes.
          detached: true,
        });
        pid = child.pid;
        const untrack = trackGroup(pid);
        signal.addEventListener('abort', () => {
          ended = terminateGroup(pid, FORCE_KILL_AFTER_MS);
        }, { once: true });
        // Kept until the group is gone, not only the child: grandchildren die with the app too.
        void child.finally(() => setTimeout(untrack, FORCE_KILL_AFTER_MS + 500).unref());
        return child;
      },
      () => this.#fail('timeout', `${program} did not finish within ${timeoutMs} ms and was killed (with its child processes)`),
    ).catch(async (err: unknown) => {
      // Timed out or stopped: the group is gone (KILL sent at worst) before the caller may try again.
      await ended;
      throw err;
    });
    const stderrTail = tailLines(typeof result.stderr === 'string' ? result.stderr : '');
    const withTail = (text: string) => (stderrTail ? `${text}; stderr: ${stderrTail}` : text);
    if (result.isMaxBuffer) {
      // Whatever of the group still writes is ended too; and the message names the stream that overflowed.
      void terminateGroup(pid, FORCE_KILL_AFTER_MS);
      const stream = /Command's (\w+) was larger/.exec(result.message ?? '')?.[1] ?? 'its output';
      throw this.#fail('invalid-reply', `${program} wrote more than ${MAX_OUTPUT_BYTES} bytes to ${stream}`);
    }
    if (result.failed && result.exitCode === undefined && !result.signal) {
      const why = result.code === 'ENOENT' ? `the program${this.config.cwd ? ' or cwd' : ''} was not found` : (result.code ?? 'spawn failed');
      throw this.#fail('config', `cannot start ${program}: ${why}`, { startFailed: true });
    }
    if (result.signal) throw this.#fail('exit', withTail(`${program} was killed by ${result.signal}`), { stderrTail });
    if (result.exitCode !== 0) {
      const exitCode = result.exitCode ?? -1;
      throw this.#fail('exit', withTail(`${program} exited with code ${exitCode}`), { exitCode, stderrTail });
    }
    const text = typeof result.stdout === 'string' ? result.stdout.trim() : '';
    return { text: text === '' ? null : text, provider: 'command' };
  }

  /** argv[0] resolves (PATH of the command's env, or relative to cwd) to an executable file. */
  async check(): Promise<BackendCheck> {
    const program = this.config.argv[0] ?? '';
    const cwd = commandCwd(this.config.cwd, this.deps.env.HOME);
    const found = await resolveProgram(program, cwd, commandEnv(this.config.env, this.deps.env));
    return found ? { ok: true, detail: `${program} → ${found}` } : { ok: false, detail: `${program} is not an executable file${cwd ? ` (from ${cwd})` : ''} on the command's PATH` };
  }
}
