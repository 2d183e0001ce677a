// `imsg-sim init --db PATH`: an empty chat.db with Apple's schema, in WAL mode.
import { createChatDb } from '../db-writer.js';
import type { SimCommand } from './command.js';
import { requiredDbPath } from './db-path.js';
import { DB_OPTION } from './options.js';

/** Create an empty chat.db (existing rows are kept). */
export const initCommand: SimCommand = {
  program: 'imsg-sim',
  name: 'init',
  abstract: 'Create an empty chat.db (schema + WAL) for the simulator',
  options: [{ ...DB_OPTION, help: 'Path of the chat.db to create (required)' }],
  examples: ['imsg-sim init --db /tmp/sim/chat.db'],
  async run(values, ctx) {
    const path = requiredDbPath(values);
    createChatDb(path);
    ctx.stdout.write(`${path}\n`);
    return 0;
  },
};
