// Secrets in one JSON file: 0600 in a 0700 directory, replaced atomically under a lock, values
// passed through a cipher (none for headless serve, the Keychain's safeStorage in the Mac app).
import { readFileSync, promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { withFileLock } from '../fs/file-lock.js';
import { assertSecretName, type SecretCipher, type SecretStore } from './secret-store.js';

/** Values stored as they are: the file's mode is the protection (headless serve, the CLI). */
export const PLAIN_CIPHER: SecretCipher = { id: 'plain', available: () => true, encrypt: (v) => v, decrypt: (v) => v };

/** `<stateDir>/secrets/secrets.json`: the headless store (and the CLI's). */
export function secretsFile(stateDir: string): string {
  return join(stateDir, 'secrets', 'secrets.json');
}

interface SecretsFileShape {
  version: 1;
  cipher: string;
  secrets: Record<string, string>;
}

/** A {@link SecretStore} over one file; see the module comment. */
export class FileSecretStore implements SecretStore {
  constructor(
    readonly file: string,
    private readonly cipher: SecretCipher = PLAIN_CIPHER,
  ) {}

  get location(): string {
    return this.cipher.id === 'plain' ? this.file : `${this.file} (${this.cipher.id})`;
  }

  get(name: string): string | undefined {
    const stored = this.#read().secrets[name];
    return stored === undefined ? undefined : this.cipher.decrypt(stored);
  }

  list(): string[] {
    return Object.keys(this.#read().secrets).sort();
  }

  async set(name: string, value: string): Promise<void> {
    assertSecretName(name);
    if (value === '') throw new Error(`secret ${name}: the value is empty`);
    if (!this.cipher.available()) throw new Error(`cannot store secret ${name}: ${this.cipher.id} encryption is not available right now`);
    await this.#update((secrets) => {
      secrets[name] = this.cipher.encrypt(value);
      return true;
    });
  }

  async remove(name: string): Promise<boolean> {
    return this.#update((secrets) => {
      if (!(name in secrets)) return false;
      delete secrets[name];
      return true;
    });
  }

  /** The file's content; a missing file is empty, anything unreadable throws naming the file. */
  #read(): SecretsFileShape {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, cipher: this.cipher.id, secrets: {} };
      throw new Error(`cannot read the secret store ${this.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`the secret store ${this.file} is not valid JSON`);
    }
    const shape = parsed as Partial<SecretsFileShape>;
    if (typeof shape !== 'object' || shape === null || typeof shape.secrets !== 'object' || shape.secrets === null || Object.values(shape.secrets).some((v) => typeof v !== 'string')) {
      throw new Error(`the secret store ${this.file} has an unexpected shape`);
    }
    if (shape.cipher !== this.cipher.id) throw new Error(`the secret store ${this.file} was written with ${String(shape.cipher)}, not ${this.cipher.id}`);
    return { version: 1, cipher: this.cipher.id, secrets: { ...shape.secrets } };
  }

  async #update(change: (secrets: Record<string, string>) => boolean): Promise<boolean> {
    const dir = dirname(this.file);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await fs.chmod(dir, 0o700);
    return withFileLock(`${this.file}.lock`, async () => {
      const current = this.#read();
      if (!change(current.secrets)) return false;
      await writeFileAtomic(this.file, `${JSON.stringify(current, null, 2)}\n`, { mode: 0o600 });
      return true;
    });
  }
}
