// `imsg-companion replies list|retry ID|dismiss ID`: messages whose reply waits or was not
// answered, and the owner's Retry and dismiss (through the running app).
import { parseArgs } from 'node:util';
import type { MessageView } from '../../contract/views.js';
import { PendingJournal } from '../../core/replies/pending-journal.js';
import { connectControl } from '../../core/transport/control-client.js';
import { UsageError, type CommandIo } from '../command.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'List replies that wait or were not answered; retry or dismiss them';
/** Usage text. */
export const usage = `Usage: imsg-companion replies <subcommand> [options]

Subcommands:
  list [--all] [--json]   messages whose reply waits or was not answered (--all: every recent message)
  retry ID                ask the agent again for a message that was not answered
  dismiss ID              forget a message that was not answered

IDs are shown by 'replies list'. retry and dismiss need the running app (serve or the menu-bar app).
Global options: --state-dir DIR, --config PATH`;

/** Run a replies subcommand. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: { all: { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [sub, id, ...extra] = parsed.positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  const control = await connectControl(ctx.stateDir);
  if (sub === 'list') {
    const messages = control ? await call(control, 'messages:list', { group: parsed.values.all ? 'all' : 'attention', limit: 1000 }) : await offline(ctx.stateDir);
    io.stdout.write(parsed.values.json ? `${JSON.stringify({ running: Boolean(control), messages })}\n` : format(messages, Boolean(control)));
    return 0;
  }
  if (sub !== 'retry' && sub !== 'dismiss') throw new UsageError(sub ? `unknown subcommand '${sub}'\n\n${usage}` : usage);
  if (!id) throw new UsageError(`replies ${sub}: missing ID (see imsg-companion replies list)`);
  if (!control) throw new UsageError(`imsg Companion is not running; start it (imsg-companion serve) to ${sub} a reply`, 1);
  if (sub === 'retry') {
    const { message } = await call(control, 'replies:retry', { id });
    io.stdout.write(`Retrying ${message.id}: ${message.status}.\n`);
  } else {
    await call(control, 'replies:dismiss', { id });
    io.stdout.write(`Dismissed ${id}.\n`);
  }
  return 0;
}

type Control = NonNullable<Awaited<ReturnType<typeof connectControl>>>;

async function call<V extends 'messages:list' | 'replies:retry' | 'replies:dismiss'>(control: Control, verb: V, input: Parameters<Control['call']>[1]) {
  const result = await control.call(verb, input as never);
  if (!result.ok) throw new UsageError(result.error.message, 1);
  return (verb === 'messages:list' ? (result.data as { messages: MessageView[] }).messages : result.data) as V extends 'messages:list' ? MessageView[] : V extends 'replies:retry' ? { message: MessageView } : { dismissed: boolean };
}

/** Without the app: the not answered messages the journal keeps. */
async function offline(stateDir: string): Promise<MessageView[]> {
  const { jobs } = await new PendingJournal(PendingJournal.fileIn(stateDir)).load();
  return jobs.map((job) => ({
    id: job.id,
    accountId: job.accountId,
    at: job.acceptedAt,
    sender: job.decision.senderId,
    text: typeof job.message.text === 'string' ? job.message.text : job.decision.bodyText,
    status: job.failed ? ('not-answered' as const) : ('received' as const),
    ...(job.failed && { cause: job.failed.cause }),
    replies: [],
  }));
}

function format(messages: readonly MessageView[], running: boolean): string {
  const head = running ? '' : 'imsg Companion is not running; showing the replies its journal keeps.\n';
  if (messages.length === 0) return `${head}No replies waiting or not answered.\n`;
  const lines = messages.map((m) => {
    const when = m.status === 'waiting' && m.nextRetryAt ? `, next try ${m.nextRetryAt}${m.deadlineAt ? `, gives up ${m.deadlineAt}` : ''}` : '';
    const text = m.text.replace(/\s+/g, ' ');
    return `${m.id}  ${m.status}${m.cause ? `: ${m.cause}` : ''}${when}\n    from ${m.sender} at ${m.at}: ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`;
  });
  return `${head}${lines.join('\n')}\n`;
}
