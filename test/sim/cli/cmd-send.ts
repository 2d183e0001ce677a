// `imsg send (--to H | --chat-id N | --chat-identifier S | --chat-guid S) [--text T] [--file P] …`.
import { RpcError } from '../rpc/errors.js';
import { executeSend } from '../rpc/send-exec.js';
import { planSend } from '../rpc/send-plan.js';
import type { SimCommand } from './command.js';
import { dbPathOption, openStoreForCli } from './db-path.js';
import { CliError, DB_OPTION, intOption, strOption, type OptionSpec } from './options.js';

/** `--name <value>` option with help text. */
function valueOption(name: string, key: string, help: string): OptionSpec {
  return { names: [name], key, takesValue: true, help };
}

/** Send a message through the same validation and DB write as RPC `send`. */
export const sendCommand: SimCommand = {
  program: 'imsg',
  name: 'send',
  abstract: 'Send a message (text and/or attachment)',
  options: [
    valueOption('--to', 'to', 'Phone number, email, or contact name'),
    valueOption('--chat-id', 'chatId', 'Chat rowid'),
    valueOption('--chat-identifier', 'chatIdentifier', 'Chat identifier'),
    valueOption('--chat-guid', 'chatGuid', 'Chat guid'),
    valueOption('--text', 'text', 'Message text'),
    valueOption('--file', 'file', 'Path to an attachment'),
    valueOption('--service', 'service', 'imessage|sms|auto'),
    valueOption('--region', 'region', 'Default region for phone numbers (e.g. US)'),
    DB_OPTION,
  ],
  examples: ['imsg send --to +15551234567 --text "hi"', 'imsg send --chat-id 1 --file ~/Desktop/pic.jpg'],
  async run(values, ctx) {
    const params = {
      to: strOption(values, 'to'),
      chat_id: intOption(values, 'chatId', '--chat-id'),
      chat_identifier: strOption(values, 'chatIdentifier'),
      chat_guid: strOption(values, 'chatGuid'),
      text: strOption(values, 'text'),
      file: strOption(values, 'file'),
      service: strOption(values, 'service'),
      region: strOption(values, 'region'),
    };
    const path = dbPathOption(values);
    const store = openStoreForCli(path, ctx.env.fdaDenied);
    try {
      await executeSend(planSend(params, store), path, ctx.env);
    } catch (err) {
      throw err instanceof RpcError ? new CliError(typeof err.data === 'string' ? err.data : JSON.stringify(err.data)) : err;
    } finally {
      store.db.close();
    }
    ctx.stdout.write(values.json ? '{"status":"sent"}\n' : 'sent\n');
    return 0;
  },
};
