// The global `--config PATH` / `--state-dir DIR` flags every command accepts, anywhere in argv.
import { resolveConfigPath, resolveStateDir } from '../core/config/paths.js';
import { UsageError } from './command.js';

/** Resolved locations a command works with. */
export interface CliContext {
  readonly stateDir: string;
  readonly configPath: string;
}

/** Remove `--config`/`--state-dir` (both `--flag v` and `--flag=v`) from argv and return them. */
export function splitGlobalFlags(argv: readonly string[]): { configFlag?: string; stateDirFlag?: string; rest: string[] } {
  const rest: string[] = [];
  const found: { configFlag?: string; stateDirFlag?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const match = /^--(config|state-dir)(?:=(.*))?$/.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new UsageError(`--${match[1]} needs a value`);
    if (match[1] === 'config') found.configFlag = value;
    else found.stateDirFlag = value;
  }
  return { ...found, rest };
}

/** Resolve the state dir and config path from argv flags and the environment. */
export function resolveCliContext(argv: readonly string[], env: NodeJS.ProcessEnv): { ctx: CliContext; rest: string[] } {
  const { configFlag, stateDirFlag, rest } = splitGlobalFlags(argv);
  const stateDir = resolveStateDir({ flag: stateDirFlag, env });
  const configPath = resolveConfigPath({ flag: configFlag, env, stateDir });
  return { ctx: { stateDir, configPath }, rest };
}
