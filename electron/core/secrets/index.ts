// The secret store the app uses: see secret-store.ts (port) and file-secret-store.ts (files).
import { join } from 'node:path';
import { FileSecretStore, secretsFile } from './file-secret-store.js';
import { layeredSecrets, type SecretCipher, type SecretStore } from './secret-store.js';

export { FileSecretStore, PLAIN_CIPHER, secretsFile } from './file-secret-store.js';
export { assertSecretName, layeredSecrets, SECRET_NAME, SECRET_NAME_ERROR, type SecretCipher, type SecretStore } from './secret-store.js';

/**
 * The store for a state dir: the 0600 file (what `imsg-companion secret set` writes); with a
 * cipher (the Mac app's safeStorage) an encrypted file first, which the app's own writes go to.
 */
export function openSecretStore(stateDir: string, cipher?: SecretCipher): SecretStore {
  const plain = new FileSecretStore(secretsFile(stateDir));
  if (!cipher) return plain;
  return layeredSecrets(new FileSecretStore(join(stateDir, 'secrets', `secrets.${cipher.id}.json`), cipher), plain);
}
