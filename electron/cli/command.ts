// The shape every `imsg-companion <command>` module exports.

/** Streams and environment a command runs with (injectable for tests). */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** One CLI command: `electron/cli/commands/<name>.ts` exports these. */
export interface CommandModule {
  /** One line for the root help. */
  readonly summary: string;
  /** Full usage text for `<command> --help`. */
  readonly usage: string;
  /** Run with the arguments after the command name; resolves to the exit code. */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** An error whose message is shown to the user as is, with a chosen exit code. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}
