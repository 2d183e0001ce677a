// Bindings made from the chat (`/acp spawn … --bind here`) and the last ACP session id of every
// binding, in `<stateDir>/acp/bindings.json`: written atomically, read back after a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { ConversationBinding } from '../policy/route.js';

const PeerSchema = z.object({ kind: z.enum(['direct', 'group']), id: z.string().min(1) });
const ChatBindingSchema = z.object({
  id: z.string().min(1),
  source: z.literal('chat'),
  agentId: z.string().min(1),
  accountId: z.string().min(1),
  peer: PeerSchema,
  label: z.string().optional(),
  chatName: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string().optional(),
});
const FileSchema = z.object({
  version: z.literal(1),
  bindings: z.array(ChatBindingSchema),
  /** Binding key → the ACP session id to resume with `session/load`. */
  sessions: z.record(z.string(), z.string()).default({}),
});

/** A binding made from the chat, as stored. */
export type ChatBinding = z.infer<typeof ChatBindingSchema> & ConversationBinding;

/** The file of chat-made bindings. */
export function bindingsFile(stateDir: string): string {
  return join(stateDir, 'acp', 'bindings.json');
}

/** Read the chat bindings (for `explain` and the CLI too); a missing file is none; a broken one is a problem. */
export function readChatBindings(stateDir: string): { bindings: ChatBinding[]; sessions: Record<string, string>; problem?: string } {
  const file = bindingsFile(stateDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { bindings: [], sessions: {} };
    return { bindings: [], sessions: {}, problem: `cannot read ${file}: ${(err as Error).message}` };
  }
  try {
    const parsed = FileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { bindings: parsed.data.bindings, sessions: parsed.data.sessions };
    const issue = parsed.error.issues[0];
    return { bindings: [], sessions: {}, problem: `${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}` };
  } catch (err) {
    return { bindings: [], sessions: {}, problem: `${file}: invalid JSON (${(err as Error).message})` };
  }
}

/** The chat bindings and session ids of a running app; every change is written atomically before it counts. */
export class BindingStore {
  #bindings: ChatBinding[];
  #sessions: Record<string, string>;
  #writes: Promise<void> = Promise.resolve();
  /** Why the file could not be read at start (then nothing is overwritten until a change). */
  readonly problem?: string;

  constructor(readonly stateDir: string) {
    const read = readChatBindings(stateDir);
    this.#bindings = read.bindings;
    this.#sessions = read.sessions;
    if (read.problem) this.problem = read.problem;
  }

  /** Every chat binding. */
  get bindings(): readonly ChatBinding[] {
    return this.#bindings;
  }

  /** The session id last used by binding `key`. */
  sessionOf(key: string): string | undefined {
    return this.#sessions[key];
  }

  /** Add (or replace, by id) a binding; resolves once it is on disk. */
  add(binding: ChatBinding): Promise<void> {
    this.#bindings = [...this.#bindings.filter((b) => b.id !== binding.id), binding];
    return this.#save();
  }

  /** Remove a binding and its session id; resolves once on disk. */
  remove(id: string): Promise<void> {
    this.#bindings = this.#bindings.filter((b) => b.id !== id);
    delete this.#sessions[id];
    return this.#save();
  }

  /** Remember (or forget, with undefined) the session id of `key`. */
  setSession(key: string, sessionId: string | undefined): Promise<void> {
    if (sessionId === undefined) delete this.#sessions[key];
    else this.#sessions[key] = sessionId;
    return this.#save();
  }

  #save(): Promise<void> {
    const text = `${JSON.stringify({ version: 1, bindings: this.#bindings, sessions: this.#sessions }, null, 2)}\n`;
    const write = this.#writes.then(() => writeFileAtomic(bindingsFile(this.stateDir), text));
    this.#writes = write.catch(() => undefined);
    return write;
  }
}
