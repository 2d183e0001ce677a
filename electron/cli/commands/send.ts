// `imsg-companion send`: send a message through the running app, or a short-lived `imsg rpc`.
import { parseArgs } from 'node:util';
import { checkOutboundMedia } from '../../core/delivery/media.js';
import { planSend, sendPlanDocument } from '../../core/delivery/send-plan.js';
import { messageIdFromResult } from '../../core/delivery/send-result.js';
import { ImsgClient } from '../../core/imsg/rpc-client.js';
import { connectControl } from '../../core/transport/control-client.js';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { accountOrFail, loadConfigOrFail } from '../cli-config.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'Send a message (through the running app, or its own imsg)';
/** Usage text. */
export const usage = `Usage: imsg-companion send --to TARGET [--account ID] [--file PATH] [--dry-run] [--json] [--] TEXT

TARGET is a handle (+15551234567, name@example.com, imessage:+1555…, sms:+1555…) or a chat
(chat_id:42, chat_guid:iMessage;+;chat123, chat_identifier:chat123). Long text is split into
several messages exactly as replies are.

  --dry-run   print the imsg send requests instead of sending (spawns nothing)
  --json      machine-readable output`;

/** Plan, then send or print. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], allowPositionals: true, options: { to: { type: 'string' }, account: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (!values.to) throw new UsageError('--to TARGET is required');
  const text = positionals.join(' ');
  const config = await loadConfigOrFail(ctx.configPath);
  const account = accountOrFail(config, values.account);
  let requests;
  try {
    requests = planSend({ target: values.to, text, file: values.file, account });
  } catch (err) {
    throw new UsageError((err as Error).message, 2);
  }
  if (values['dry-run']) {
    io.stdout.write(values.json ? `${JSON.stringify(sendPlanDocument(account.accountId, requests))}\n` : requests.map((r, i) => `${i + 1}. send ${JSON.stringify(r.params)}\n`).join(''));
    return 0;
  }
  if (values.file) await checkOutboundMedia(values.file, account.mediaMaxMb).catch((err: Error) => Promise.reject(new UsageError(err.message, 1)));
  const control = await connectControl(ctx.stateDir);
  let ids: string[];
  if (control) {
    const result = await control.call('send', { to: values.to, accountId: account.accountId, text: text || undefined, file: values.file });
    if (!result.ok) throw new UsageError(result.error.message, 1);
    ids = result.data.sent.map((s) => s.messageId);
  } else {
    const client = new ImsgClient({ cliPath: account.cliPath, dbPath: account.dbPath, env: io.env });
    await client.start();
    try {
      ids = [];
      for (const r of requests) ids.push(messageIdFromResult(await client.request('send', r.params, { timeoutMs: 120_000 })));
    } finally {
      await client.stop();
    }
  }
  io.stdout.write(values.json ? `${JSON.stringify({ account: account.accountId, sent: ids.length, messageIds: ids, via: control ? 'app' : 'imsg' })}\n` : `Sent ${ids.length} message${ids.length === 1 ? '' : 's'} to ${values.to}${control ? ' (through the running app)' : ''}.\n`);
  return 0;
}
