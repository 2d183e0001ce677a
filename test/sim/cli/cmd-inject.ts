// `imsg-sim inject`: insert an inbound (or --from-me) message as Messages.app would.
import { isoToAppleNs } from '../db/apple-time.js';
import { injectMessage, openChatDb, type ServiceName } from '../db-writer.js';
import type { SimCommand } from './command.js';
import { requiredDbPath } from './db-path.js';
import { CliError, intOption, strOption, type OptionSpec, type OptionValues } from './options.js';

/** `--name <value>` or a flag, with help text. */
function opt(name: string, key: string, takesValue: boolean, help: string): OptionSpec {
  return { names: [name], key, takesValue, help };
}

/** Apple-ns date from `--date ISO`, if given. */
function dateOption(values: OptionValues): bigint | undefined {
  const raw = strOption(values, 'date');
  if (raw === undefined) return undefined;
  const ns = isoToAppleNs(raw);
  if (ns === undefined) throw new CliError(`Invalid value for --date: ${raw}`);
  return ns;
}

/** `--service iMessage|SMS` (default iMessage). */
function serviceOption(values: OptionValues): ServiceName {
  const raw = strOption(values, 'service') ?? 'iMessage';
  if (raw !== 'iMessage' && raw !== 'SMS') throw new CliError(`Invalid value for --service: ${raw} (iMessage|SMS)`);
  return raw;
}

/** Insert one message and print `{"id","guid","chat_id","chat_guid"}`. */
export const injectCommand: SimCommand = {
  program: 'imsg-sim',
  name: 'inject',
  abstract: 'Insert a message into chat.db as Messages.app would',
  options: [
    opt('--db', 'db', true, 'Path to chat.db (required)'),
    opt('--from', 'from', true, 'Sender handle (recipient with --from-me)'),
    opt('--text', 'text', true, 'Message text'),
    opt('--group-name', 'groupName', true, 'Create a new group chat with this name'),
    opt('--participants', 'participants', true, 'Comma-separated group members'),
    opt('--chat-id', 'chatId', true, 'Insert into this existing chat (rowid)'),
    opt('--chat-guid', 'chatGuid', true, 'Insert into this existing chat (guid)'),
    opt('--attachment', 'attachment', true, 'Record an attachment with this filename'),
    opt('--service', 'service', true, 'iMessage|SMS (default iMessage)'),
    opt('--date', 'date', true, 'ISO 8601 date (default now)'),
    opt('--from-me', 'fromMe', false, 'Outgoing message'),
    opt('--no-text-column', 'noTextColumn', false, 'Store the body only in attributedBody'),
  ],
  examples: ['imsg-sim inject --db /tmp/sim/chat.db --from +15551234567 --text "hello"'],
  async run(values, ctx) {
    const path = requiredDbPath(values);
    const participants = strOption(values, 'participants')
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const opts = {
      from: strOption(values, 'from'),
      text: strOption(values, 'text'),
      groupName: strOption(values, 'groupName'),
      participants,
      chatId: intOption(values, 'chatId', '--chat-id'),
      chatGuid: strOption(values, 'chatGuid'),
      attachment: strOption(values, 'attachment'),
      fromMe: values.fromMe === true,
      noTextColumn: values.noTextColumn === true,
      service: serviceOption(values),
      date: dateOption(values),
    };
    if (!opts.fromMe && !opts.from) throw new CliError('Missing required option: --from');
    const db = openChatDb(path);
    try {
      ctx.stdout.write(`${JSON.stringify(injectMessage(db, opts))}\n`);
    } finally {
      db.close();
    }
    return 0;
  },
};
