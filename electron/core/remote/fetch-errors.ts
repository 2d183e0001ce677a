// Typed failures of fetchRemoteFile, so callers can map each to the reason they show.

/** The remote path could be interpreted by the remote side; scp was not spawned. */
export class UnsafeRemotePathError extends Error {
  constructor(readonly remotePath: string) {
    super(`unsafe remote path ${JSON.stringify(remotePath)} (refused before running scp)`);
    this.name = 'UnsafeRemotePathError';
  }
}

/** The host is not `host` / `user@host` (§20); scp was not spawned. */
export class UnsafeRemoteHostError extends Error {
  constructor(readonly host: string) {
    super(`unsafe remote host ${JSON.stringify(host)} (expected SSH host or user@host)`);
    this.name = 'UnsafeRemoteHostError';
  }
}

/** The copied file exceeded the cap; the copy was deleted. */
export class RemoteFileTooLargeError extends Error {
  constructor(
    readonly remotePath: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`remote file ${remotePath} too large (${bytes} bytes > ${maxBytes} bytes); copy deleted`);
    this.name = 'RemoteFileTooLargeError';
  }
}

/** scp ran and failed, could not start, or timed out. Message: `scp failed (<code>): <stderr>`. */
export class ScpFailedError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'ScpFailedError';
  }
}
