// `imsg chats [--limit N] [--json]`: text lines or CLI-variant Chat JSON lines (spec §1.4, §3.8).
import { chatCliPayload, listChats } from '../store/chats-query.js';
import { chatInfo } from '../store/chat-info.js';
import { encodeJsonLine } from '../rpc/json-line.js';
import type { SimCommand } from './command.js';
import { dbPathOption, openStoreForCli } from './db-path.js';
import { DB_OPTION, intOption } from './options.js';

/** List recent conversations. */
export const chatsCommand: SimCommand = {
  program: 'imsg',
  name: 'chats',
  abstract: 'List recent conversations',
  options: [{ names: ['--limit'], key: 'limit', takesValue: true, help: 'Number of chats to list' }, DB_OPTION],
  examples: ['imsg chats --limit 5', 'imsg chats --limit 5 --json'],
  async run(values, ctx) {
    const limit = intOption(values, 'limit', '--limit') ?? 20;
    const store = openStoreForCli(dbPathOption(values), ctx.env.fdaDenied);
    try {
      for (const chat of listChats(store, limit)) {
        if (values.json) {
          ctx.stdout.write(`${encodeJsonLine(chatCliPayload(store, chat))}\n`);
        } else {
          const info = chatInfo(store, chat.id);
          ctx.stdout.write(`[${chat.id}] ${info.name} (${info.identifier}) last=${chat.lastMessageAt}\n`);
        }
      }
    } finally {
      store.db.close();
    }
    return 0;
  },
};
