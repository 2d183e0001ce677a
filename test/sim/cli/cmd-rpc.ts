// `imsg rpc [--db PATH]`.
import { runRpc } from '../rpc/run-rpc.js';
import type { SimCommand } from './command.js';
import { dbPathOption } from './db-path.js';
import { DB_OPTION } from './options.js';

/** JSON-RPC over stdin/stdout. */
export const rpcCommand: SimCommand = {
  program: 'imsg',
  name: 'rpc',
  abstract: 'Run JSON-RPC over stdin/stdout',
  options: [DB_OPTION],
  examples: ['imsg rpc', 'imsg rpc --db ~/Library/Messages/chat.db'],
  run: (values, ctx) => runRpc(dbPathOption(values), ctx.env, { stdin: ctx.stdin, stdout: ctx.stdout }),
};
