// `imsg-sim`: an imsg 0.9.0 stand-in over a real chat.db (bin entry; the work lives in cli/).
import { runCli } from './cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, env: process.env });
