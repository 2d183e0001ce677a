// Commander-style option parsing for the simulator's commands (messages on stdout, exit 1).

/** One option: its spellings, whether it takes a value, and its help line. */
export interface OptionSpec {
  readonly names: readonly string[];
  readonly key: string;
  readonly takesValue: boolean;
  readonly help: string;
}

/** Parsed option values by key (flags are `true`). */
export type OptionValues = Readonly<Record<string, string | true | undefined>>;

/** A usage problem: printed as is on stdout, exit 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The runtime flags every imsg command accepts (ignored by the simulator). */
export const RUNTIME_OPTIONS: readonly OptionSpec[] = [
  {
    names: ['--log-level', '--logLevel'],
    key: 'logLevel',
    takesValue: true,
    help: 'Set log level (trace|verbose|debug|info|warning|error|critical)',
  },
  { names: ['-v', '--verbose'], key: 'verbose', takesValue: false, help: 'Enable verbose logging' },
  { names: ['--json', '-j', '--json-output', '--jsonOutput'], key: 'json', takesValue: false, help: 'Emit machine-readable JSON output' },
];

/** The `--db` option of the read commands. */
export const DB_OPTION: OptionSpec = {
  names: ['--db'],
  key: 'db',
  takesValue: true,
  help: 'Path to chat.db (defaults to ~/Library/Messages/chat.db)',
};

/** Parse `argv` (after the command name) against `specs`; throws CliError on unknown or incomplete options. */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): OptionValues {
  const byName = new Map(specs.flatMap((s) => s.names.map((n): [string, OptionSpec] => [n, s])));
  const values: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = byName.get(name);
    if (!spec) throw new CliError(arg.startsWith('-') ? `Unknown option: ${name}` : `Unexpected argument: ${arg}`);
    if (!spec.takesValue) {
      if (eq > 0) throw new CliError(`Option ${name} does not take a value`);
      values[spec.key] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new CliError(`Missing value for option: ${name}`);
    values[spec.key] = value;
  }
  return values;
}

/** An integer option value; throws CliError naming the option when malformed. */
export function intOption(values: OptionValues, key: string, name: string): number | undefined {
  const raw = values[key];
  if (raw === undefined) return undefined;
  if (raw === true || !/^[+-]?\d+$/.test(raw)) throw new CliError(`Invalid value for ${name}: ${String(raw)}`);
  return Number(raw);
}

/** A string option value (flags read as undefined). */
export function strOption(values: OptionValues, key: string): string | undefined {
  const raw = values[key];
  return typeof raw === 'string' ? raw : undefined;
}
