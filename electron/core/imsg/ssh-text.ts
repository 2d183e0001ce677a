// Recognisers for what `ssh` prints when an SSH-wrapper cliPath cannot reach the other Mac (or
// reaches it and finds no imsg there): these need SSH advice, not "install imsg".

/** What went wrong with the SSH hop. */
export type SshProblem = 'refused' | 'unreachable' | 'resolve' | 'auth' | 'host-key' | 'remote-imsg-missing';

/** One recognised SSH failure: its kind, the host ssh named (if any) and the line that said so. */
export interface SshFailure {
  readonly problem: SshProblem;
  readonly host?: string;
  readonly line: string;
}

const PATTERNS: ReadonlyArray<readonly [SshProblem, RegExp]> = [
  ['host-key', /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No (?:ED25519|RSA|ECDSA) host key is known/i],
  ['auth', /Permission denied \((?:publickey|password|keyboard-interactive)[^)]*\)|Too many authentication failures/i],
  ['resolve', /ssh: Could not resolve hostname ([^\s:]+)/i],
  ['refused', /ssh: connect to host (\S+) port \d+: Connection refused|kex_exchange_identification|Connection closed by remote host/i],
  ['unreachable', /ssh: connect to host (\S+) port \d+: (?:Operation timed out|Connection timed out|No route to host|Network is unreachable|Host is down)/i],
  ['remote-imsg-missing', /command not found: \S*imsg\b|\bimsg: command not found|\S*\/imsg: No such file or directory/i],
];

/** The SSH failure `text` describes, if any (the first matching line decides). */
export function findSshFailure(text: string): SshFailure | undefined {
  for (const [problem, pattern] of PATTERNS) {
    const line = text.split('\n').find((l) => pattern.test(l));
    if (line === undefined) continue;
    const host = pattern.exec(line)?.[1];
    return { problem, line: line.trim().slice(0, 300), ...(host ? { host } : {}) };
  }
  return undefined;
}
