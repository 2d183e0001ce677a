// The Mac app's secret cipher: Electron's safeStorage (a key kept in the macOS Keychain), so the
// app launched from Finder (launchd's environment, no shell exports) still has its API keys.
import type { SecretCipher } from '../core/secrets/index.js';

/** The part of Electron's `safeStorage` the cipher uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** A {@link SecretCipher} over safeStorage; values are stored as base64 of the encrypted bytes. */
export function safeStorageCipher(safeStorage: SafeStorageLike): SecretCipher {
  return {
    id: 'keychain',
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
