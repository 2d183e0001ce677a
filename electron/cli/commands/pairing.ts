// `imsg-companion pairing …`: list, approve, deny, revoke and unblock senders (spec §9, §0.3).
import { parseArgs } from 'node:util';
import { formatPendingTable, formatTable } from '../../core/pairing/format.js';
import { normalizeAccountId } from '../../core/pairing/paths.js';
import { PairingStore } from '../../core/pairing/store.js';
import { UsageError, type CommandIo } from '../command.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'List, approve, deny or revoke who may message the assistant';
/** Usage text. */
export const usage = `Usage: imsg-companion pairing <subcommand> [options]

Subcommands:
  list [--account ID] [--json]        pending requests (codes expire after 1 hour)
  approve CODE [--account ID]         let the sender of CODE message the assistant
  deny CODE [--block]                 drop a request; --block ignores that sender from now on
  revoke HANDLE [--account ID]        take back an approval (all accounts unless --account)
  approved [--account ID] [--json]    approved senders
  blocked [--account ID] [--json]     blocked senders
  unblock HANDLE [--account ID]       lift a block (all accounts unless --account)

The OpenClaw spelling with the channel word works too: pairing list imessage,
pairing approve imessage CODE (or --channel imessage); iMessage is the only channel.

Global options: --state-dir DIR, --config PATH`;

type Flag = 'account' | 'json' | 'block';
type Parsed = { arg: string; account?: string; json: boolean; block: boolean };
type Sub = keyof typeof SUBCOMMANDS;

const SUBCOMMANDS = {
  list: { flags: ['account', 'json'] },
  approve: { arg: 'CODE', flags: ['account'] },
  deny: { arg: 'CODE', flags: ['account', 'block'] },
  revoke: { arg: 'HANDLE', flags: ['account'] },
  approved: { flags: ['account', 'json'] },
  blocked: { flags: ['account', 'json'] },
  unblock: { arg: 'HANDLE', flags: ['account'] },
} as const satisfies Record<string, { arg?: string; flags: readonly Flag[] }>;

/** Dispatch a pairing subcommand against the state dir's pairing store. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  const [sub, opts] = parse(rest);
  const store = new PairingStore({ stateDir: ctx.stateDir });
  const out = (text: string): void => void io.stdout.write(text);
  const fail = (text: string): number => (io.stderr.write(`${text}\n`), 1);
  switch (sub) {
    case 'list': {
      const requests = await store.listPending(opts.account);
      if (opts.json) out(`${JSON.stringify({ requests })}\n`);
      else out(formatPendingTable(requests, Date.now(), opts.account));
      return 0;
    }
    case 'approve': {
      const req = await store.approve(opts.arg, opts.account);
      if (!req) return fail(`No pending pairing request found for code: ${opts.arg}`);
      out(`Approved ${req.id} (account ${req.accountId}, code ${req.code}). They can message the assistant now.\n`);
      return 0;
    }
    case 'deny': {
      const req = await store.deny(opts.arg, { block: opts.block, accountId: opts.account });
      if (!req) return fail(`No pending pairing request found for code: ${opts.arg}`);
      const blocked = opts.block ? ` ${req.id} is blocked; undo with: imsg-companion pairing unblock ${req.id}` : ' A new message from them starts a new request.';
      out(`Denied pairing request ${req.code} from ${req.id} (account ${req.accountId}).${blocked}\n`);
      return 0;
    }
    case 'revoke':
      if (!(await store.revoke(opts.arg, opts.account))) return fail(`No approved sender found for: ${opts.arg}${where(opts.account)}`);
      out(`Revoked access for ${opts.arg}${where(opts.account)}.\n`);
      return 0;
    case 'unblock':
      if (!(await store.unblock(opts.arg, opts.account))) return fail(`No blocked sender found for: ${opts.arg}${where(opts.account)}`);
      out(`Unblocked ${opts.arg}${where(opts.account)}.\n`);
      return 0;
    case 'blocked': {
      const blocked = await store.listBlocked(opts.account);
      if (opts.json) out(`${JSON.stringify({ blocked })}\n`);
      else if (blocked.length === 0) out(`No blocked senders${where(opts.account)}.\n`);
      else out(formatTable([['ACCOUNT', 'SENDER'], ...blocked.map((a) => [a.accountId, a.sender])]));
      return 0;
    }
    case 'approved': {
      const approved = await store.listApproved(opts.account);
      if (opts.json) out(`${JSON.stringify({ approved })}\n`);
      else if (approved.length === 0) out(`No approved senders${where(opts.account)} yet.\n`);
      else out(formatTable([['ACCOUNT', 'SENDER'], ...approved.map((a) => [a.accountId, a.sender])]));
      return 0;
    }
  }
}

function where(account: string | undefined): string {
  return account === undefined ? '' : ` in account ${account}`;
}

/** The channel words of OpenClaw's pairing commands; only iMessage is ours. */
const OTHER_CHANNELS = new Set(['telegram', 'whatsapp', 'discord', 'slack', 'signal', 'bluebubbles', 'msteams', 'googlechat', 'matrix', 'mattermost', 'line', 'irc', 'nostr', 'feishu', 'zalo', 'sms']);

/** Accept `imessage` (any case); any other channel is a clear usage error. */
function checkChannel(word: string): void {
  if (word.trim().toLowerCase() === 'imessage') return;
  throw new UsageError(`channel '${word}' is not supported: imsg Companion pairs iMessage senders only (use 'imessage' or leave the channel out)`);
}

/** `pairing list imessage` / `pairing approve imessage CODE`: drop the channel word after the subcommand. */
function dropChannelWord(positionals: readonly string[]): string[] {
  const [sub, first, ...rest] = positionals;
  if (sub === undefined || first === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) return [...positionals];
  const takesArg = 'arg' in SUBCOMMANDS[sub as Sub];
  // One positional more than the subcommand takes is the channel word (as is a known channel name).
  const word = first.toLowerCase();
  const isChannelWord = takesArg ? rest.length > 0 || word === 'imessage' || OTHER_CHANNELS.has(word) : true;
  if (!isChannelWord) return [...positionals];
  checkChannel(first);
  return [sub, ...rest];
}

/** Validate the subcommand, its one argument and its flags; usage errors exit 2. */
function parse(args: readonly string[]): [Sub, Parsed] {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      // --channel/--provider: the OpenClaw/Clawdbot spellings of the channel word.
      options: { account: { type: 'string' }, json: { type: 'boolean' }, block: { type: 'boolean' }, channel: { type: 'string' }, provider: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  for (const flag of ['channel', 'provider'] as const) {
    const value = parsed.values[flag];
    if (value !== undefined) checkChannel(value);
  }
  const [sub, arg, ...extra] = dropChannelWord(parsed.positionals);
  if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`}; expected one of: ${Object.keys(SUBCOMMANDS).join(', ')}`);
  const spec: { arg?: string; flags: readonly Flag[] } = SUBCOMMANDS[sub as Sub];
  const wanted = spec.arg ? 1 : 0;
  const given = [arg, ...extra].filter((a) => a !== undefined).length;
  if (given !== wanted) throw new UsageError(spec.arg ? `${sub} needs exactly one ${spec.arg}` : `${sub} takes no arguments (got ${given})`);
  for (const flag of ['account', 'json', 'block'] as const) {
    if (parsed.values[flag] !== undefined && !spec.flags.includes(flag)) throw new UsageError(`${sub} does not take --${flag}`);
  }
  const account = parsed.values.account;
  if (account !== undefined) {
    try {
      normalizeAccountId(account);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  return [sub as Sub, { arg: arg ?? '', account, json: parsed.values.json ?? false, block: parsed.values.block ?? false }];
}
