// `imsg-companion explain`: run the inbound policy on one message payload from stdin and show
// why it would be answered, dropped or sent to pairing — without any side effect.
import { parseArgs } from 'node:util';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { readChatBindings } from '../../core/acp/binding-store.js';
import { listAccountIds, resolveAccount } from '../../core/config/accounts.js';
import { formatIssue } from '../../core/config/issues.js';
import { loadConfig } from '../../core/config/load.js';
import { parseImsgMessage, unwrapMessageNotification } from '../../core/imsg/message.js';
import { PairingStore } from '../../core/pairing/index.js';
import { decideInbound } from '../../core/policy/decide.js';
import { SentMessageCache } from '../../core/policy/echo-cache.js';
import { GroupHistory } from '../../core/policy/history.js';
import { LoopLimiter } from '../../core/policy/loop-limiter.js';
import { SelfChatCache } from '../../core/policy/self-chat-cache.js';
import { formatDecisionText } from '../../core/policy/trace-text.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'Explain what the policy would do with one message (JSON on stdin)';

/** Usage text. */
export const usage = `Usage: imsg-companion explain [--account ID] [--json] < message.json

Reads one imsg message payload on stdin (the params.message object of a "message"
notification; a whole notification line is accepted too) and prints, step by step, whether
the app would answer it, drop it (and why), or ask the sender to pair. Approved senders from
the pairing store count, as in the app. Nothing is changed: no pairing request is created and
no cache is written.

Options:
  --account ID       the account to decide for (default: channels.imessage.defaultAccount)
  --json             print {"decision","reason","chatType","sessionKey","agentId",
                     "wasMentioned","commandAuthorized","steps"} as one JSON object
  --config PATH      config file (default: $IMSG_COMPANION_CONFIG, else <state dir>/config.json5)
  --state-dir DIR    state directory (default: $IMSG_COMPANION_STATE_DIR, else the platform's)

Exit codes: 0 a decision was printed; 1 the config is invalid; 2 bad usage, invalid JSON or an
invalid payload.`;

const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** Read all of stdin as UTF-8 (bounded, so a runaway pipe cannot exhaust memory). */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  if ((stdin as { isTTY?: boolean }).isTTY) throw new UsageError('pipe a message payload on stdin, e.g. imsg-companion explain < message.json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw new UsageError(`stdin is larger than ${MAX_INPUT_BYTES} bytes; expected one message payload`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parse the stdin text into a validated payload; UsageError (exit 2) naming the problem. */
function parsePayload(text: string) {
  if (text.trim() === '') throw new UsageError('stdin is empty; expected one message payload (JSON)');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`invalid JSON on stdin: ${(err as Error).message.replace(/\s+/g, ' ')}`);
  }
  const parsed = parseImsgMessage(unwrapMessageNotification(raw));
  if (!parsed.ok) throw new UsageError(`invalid message payload: ${parsed.error}`);
  return parsed.message;
}

/** Run explain. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let values;
  try {
    ({ values } = parseArgs({ args: [...rest], options: { account: { type: 'string' }, json: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
  const message = parsePayload(await readStdin(io.stdin));
  const loaded = await loadConfig(ctx.configPath);
  if (!loaded.ok) {
    io.stderr.write(`imsg-companion explain: invalid config ${loaded.path}\n${loaded.issues.map((i) => `  ${formatIssue(i)}\n`).join('')}`);
    return 1;
  }
  const config = loaded.config;
  if (values.account !== undefined && !listAccountIds(config).includes(values.account.trim().toLowerCase())) {
    throw new UsageError(`unknown account '${values.account}' (configured: ${listAccountIds(config).join(', ')})`);
  }
  const account = resolveAccount(config, values.account);
  const store = new PairingStore({ stateDir: ctx.stateDir });
  const sender = (message.sender ?? '').trim();
  // As in the app, an unreadable store counts as empty (§10) — but say so.
  const storeAllowFrom = await store.readApproved(account.accountId).catch((err: unknown) => {
    io.stderr.write(`imsg-companion explain: warning: cannot read approved senders: ${(err as Error).message}\n`);
    return [] as string[];
  });
  const blocked = sender ? await store.isBlocked(account.accountId, sender).catch(() => false) : false;
  const caches = { echo: new SentMessageCache(), selfChat: new SelfChatCache(), loop: new LoopLimiter(), history: new GroupHistory() };
  // Bindings made in chat (`/acp spawn`) route first in the app, so here too.
  const chat = readChatBindings(ctx.stateDir);
  if (chat.problem) io.stderr.write(`imsg-companion explain: warning: ACP bindings not read: ${chat.problem}\n`);
  const d = decideInbound(message, { account, config, storeAllowFrom, blocked, caches, now: Date.now(), record: false, chatBindings: chat.bindings });
  if (values.json) {
    const out = { decision: d.decision, reason: d.reason, chatType: d.chatType, sessionKey: d.sessionKey, agentId: d.agentId, wasMentioned: d.wasMentioned, commandAuthorized: d.commandAuthorized, steps: d.steps };
    io.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    io.stdout.write(formatDecisionText(d));
  }
  return 0;
}
