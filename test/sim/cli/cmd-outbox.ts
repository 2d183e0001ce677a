// `imsg-sim outbox`: what the simulated Mac "sent" (is_from_me = 1), one imsg Message per line.
import { appleNsToIso } from '../db/apple-time.js';
import { encodeJsonLine } from '../rpc/json-line.js';
import { messagePayload } from '../store/message-payload.js';
import { outgoingRows } from '../store/message-queries.js';
import { rowSender } from '../store/message-rows.js';
import type { SimCommand } from './command.js';
import { openStoreForCli, requiredDbPath } from './db-path.js';
import { intOption } from './options.js';

/** Print outgoing rows after `--since-rowid`, ascending ROWID. */
export const outboxCommand: SimCommand = {
  program: 'imsg-sim',
  name: 'outbox',
  abstract: 'List outgoing messages (is_from_me = 1) as imsg Message JSON',
  options: [
    { names: ['--db'], key: 'db', takesValue: true, help: 'Path to chat.db (required)' },
    { names: ['--since-rowid'], key: 'since', takesValue: true, help: 'Only rows with a greater ROWID' },
  ],
  examples: ['imsg-sim outbox --db /tmp/sim/chat.db --json'],
  async run(values, ctx) {
    const since = intOption(values, 'since', '--since-rowid') ?? 0;
    const store = openStoreForCli(requiredDbPath(values), false);
    try {
      for (const row of outgoingRows(store, since)) {
        const message = messagePayload(store, row, { attachments: true, reactions: true });
        const text = typeof message.text === 'string' ? message.text : '';
        ctx.stdout.write(values.json ? `${encodeJsonLine(message)}\n` : `${appleNsToIso(row.date)} [sent] ${rowSender(row)}: ${text}\n`);
      }
    } finally {
      store.db.close();
    }
    return 0;
  },
};
