// Test fixture: a real OpenSSH server on 127.0.0.1 (ephemeral port) with throwaway keys, plus the
// client files (ssh_config, known_hosts, a wrong known_hosts) that point ssh/scp at it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';

// @ts-expect-error -- plain .mjs build script without type declarations
import { SSHD_PATH } from '../../build/test-deps.mjs';

/** OpenSSH's server, at the same path on Debian and macOS. */
const SSHD = SSHD_PATH as string;

/** A running sshd and the client-side files that reach it. */
export interface SshServer {
  readonly dir: string;
  readonly port: number;
  /** `<user>@127.0.0.1` for the user running the tests. */
  readonly target: string;
  /** ssh_config with Port, IdentityFile, the right known_hosts, BatchMode, StrictHostKeyChecking yes. */
  readonly sshConfig: string;
  /** The same config, but its known_hosts holds a different host key. */
  readonly wrongKeyConfig: string;
  stop(): Promise<void>;
}

/** Ask the OS for a free 127.0.0.1 port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Generate an ed25519 key pair at `path` (+ `.pub`); returns the public key line. */
async function keygen(path: string): Promise<string> {
  await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'imsg-companion-test', '-f', path]);
  return (await readFile(`${path}.pub`, 'utf8')).trim();
}

/** The client config: everything explicit so the user's ~/.ssh is never read or written. */
function clientConfig(dir: string, port: number, knownHosts: string): string {
  return [
    'Host *',
    `  Port ${port}`,
    `  IdentityFile ${join(dir, 'id_ed25519')}`,
    '  IdentitiesOnly yes',
    `  UserKnownHostsFile ${knownHosts}`,
    '  GlobalKnownHostsFile /dev/null',
    '  BatchMode yes',
    '  StrictHostKeyChecking yes',
    '  UpdateHostKeys no',
    '  LogLevel ERROR',
    '',
  ].join('\n');
}

/** The server config (§ brief: StrictModes off because the keys live under /tmp). */
function serverConfig(dir: string, port: number): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_key')}`,
    'PidFile none',
    'StrictModes no',
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    // scp uses the SFTP protocol by default since OpenSSH 9.0.
    'Subsystem sftp internal-sftp',
    '',
  ].join('\n');
}

/** Wait for sshd's "Server listening" line; reject if it exits or stays silent for 10 s. */
function waitListening(child: ResultPromise, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`sshd did not listen on 127.0.0.1:${port} within 10 s:\n${log}`)), 10_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited (${code}) before listening on 127.0.0.1:${port}:\n${log}`));
    });
  });
}

/** Write the port-specific files and start sshd on `port`; resolves once it listens. */
// Returns the child wrapped: an execa subprocess is itself a promise, which `await` would unwrap.
async function launch(dir: string, port: number, hostKey: string, wrongKey: string): Promise<{ child: ResultPromise }> {
  const hostEntry = (key: string): string => `[127.0.0.1]:${port} ${key.split(' ').slice(0, 2).join(' ')}\n`;
  await writeFile(join(dir, 'known_hosts'), hostEntry(hostKey));
  await writeFile(join(dir, 'known_hosts_wrong'), hostEntry(wrongKey));
  await writeFile(join(dir, 'ssh_config'), clientConfig(dir, port, join(dir, 'known_hosts')));
  await writeFile(join(dir, 'ssh_config_wrong'), clientConfig(dir, port, join(dir, 'known_hosts_wrong')));
  await writeFile(join(dir, 'sshd_config'), serverConfig(dir, port));
  const child = execa(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdin: 'ignore',
    stdout: 'ignore',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    forceKillAfterDelay: 2000,
  });
  try {
    await waitListening(child, port);
    return { child };
  } catch (err) {
    child.kill('SIGKILL');
    await child;
    throw err;
  }
}

/** Start sshd in the foreground (`-D -e`) and return once its port accepts connections. */
export async function startSshd(): Promise<SshServer> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} not found: run \`node build/test-deps.mjs\` for the command that installs it`);
  // Debian's sshd insists on its privilege-separation dir; macOS's uses /var/empty, which exists.
  if (process.platform === 'linux') await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = await mkdtemp(join(tmpdir(), 'sshd-'));
  try {
    const hostKey = await keygen(join(dir, 'host_key'));
    const wrongKey = await keygen(join(dir, 'other_host_key'));
    await writeFile(join(dir, 'authorized_keys'), `${await keygen(join(dir, 'id_ed25519'))}\n`);
    // The free port can be taken by another process before sshd binds it: retry on a new one.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        const { child } = await launch(dir, port, hostKey, wrongKey);
        return {
          dir,
          port,
          target: `${userInfo().username}@127.0.0.1`,
          sshConfig: join(dir, 'ssh_config'),
          wrongKeyConfig: join(dir, 'ssh_config_wrong'),
          stop: async () => {
            child.kill('SIGTERM');
            await child;
            await rm(dir, { recursive: true, force: true });
          },
        };
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
