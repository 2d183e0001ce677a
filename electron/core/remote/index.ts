// Remote Macs over SSH (§20) and remote attachment staging (§19): the public surface.
export { detectRemoteHost, findRemoteHostInScript } from './detect-host.js';
export { RemoteFileTooLargeError, ScpFailedError, UnsafeRemoteHostError, UnsafeRemotePathError } from './fetch-errors.js';
export { DEFAULT_FETCH_TIMEOUT_MS, fetchRemoteFile, scpArgs, type FetchRemoteOptions } from './fetch-remote.js';
export { isSafeRemotePath } from './remote-path.js';
export { resolveRemoteHost, type RemoteHostResolution } from './resolve-host.js';
export { runScp, scpBinary, type ScpOutcome, type ScpRunner } from './scp-runner.js';
