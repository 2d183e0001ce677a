// The secret store port: API keys and webhook secrets by name, never in the config file. Headless
// `serve` keeps them in a 0600 file; the Mac app encrypts them with the Keychain (safeStorage).

/** Names are what the config refers to (`apiKey: {secret: "OPENAI"}`): short, plain, no paths. */
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** The message for a name that is not a valid secret name. */
export const SECRET_NAME_ERROR = 'expected a secret name (letters, digits, _ . -, starting with a letter or _, at most 64)';

/** Read and write secrets by name. Reads are synchronous: backends resolve keys per request. */
export interface SecretStore {
  /** Where the values live, for messages ("~/…/secrets.json", "the macOS Keychain"). */
  readonly location: string;
  /** The value, or undefined when `name` is not set; throws when the store cannot be read. */
  get(name: string): string | undefined;
  /** Names only, sorted. */
  list(): string[];
  /** Store (or replace) a value. */
  set(name: string, value: string): Promise<void>;
  /** Remove a value; false when it was not set. */
  remove(name: string): Promise<boolean>;
}

/** Turns stored text into the value and back (identity for the 0600 file; safeStorage in the app). */
export interface SecretCipher {
  /** Recorded in the file, so a file written by one cipher is never read by another. */
  readonly id: string;
  /** False when encryption is unavailable right now (e.g. the Keychain is locked). */
  available(): boolean;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** Throw unless `name` is a valid secret name. */
export function assertSecretName(name: string): void {
  if (!SECRET_NAME.test(name)) throw new Error(`invalid secret name ${JSON.stringify(name)}: ${SECRET_NAME_ERROR}`);
}

/** Reads from the first store that has the name; writes go to the first store. */
export function layeredSecrets(primary: SecretStore, ...fallbacks: readonly SecretStore[]): SecretStore {
  const all = [primary, ...fallbacks];
  return {
    location: all.map((s) => s.location).join(', then '),
    get: (name) => {
      for (const store of all) {
        const value = store.get(name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
    list: () => [...new Set(all.flatMap((s) => s.list()))].sort(),
    set: (name, value) => primary.set(name, value),
    remove: async (name) => {
      let removed = false;
      for (const store of all) removed = (await store.remove(name)) || removed;
      return removed;
    },
  };
}
