// @vitest-environment node
// The Mac app's secret store: values encrypted with (faked) safeStorage, readable back, never
// stored as text; a locked Keychain refuses writes with a clear error; CLI-set secrets still read.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSecretStore } from '../../electron/core/secrets/index.js';
import { safeStorageCipher } from '../../electron/main/safe-storage-secrets.js';
import { createFakeElectron } from './fake-electron.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('safeStorageCipher', () => {
  it('encrypts through safeStorage into secrets.keychain.json and reads back; the CLI file is the fallback', async () => {
    dir = await mkdtemp(join(tmpdir(), 'keychain-'));
    const { safeStorage } = createFakeElectron();
    const store = openSecretStore(dir, safeStorageCipher(safeStorage));
    await store.set('OPENAI', 'sk-app-secret');
    const file = await readFile(join(dir, 'secrets', 'secrets.keychain.json'), 'utf8');
    expect(file).not.toContain('sk-app-secret');
    expect(JSON.parse(file)).toMatchObject({ cipher: 'keychain', secrets: { OPENAI: Buffer.from('enc:terces-ppa-ks').toString('base64') } });
    expect(store.get('OPENAI')).toBe('sk-app-secret');
    await openSecretStore(dir).set('HOOK', 'from-cli');
    expect(store.get('HOOK')).toBe('from-cli');
  });

  it('a locked Keychain (encryption unavailable) refuses to store, naming why', async () => {
    dir = await mkdtemp(join(tmpdir(), 'keychain-'));
    const { safeStorage } = createFakeElectron();
    safeStorage.available = false;
    await expect(openSecretStore(dir, safeStorageCipher(safeStorage)).set('OPENAI', 'x')).rejects.toThrow('cannot store secret OPENAI: keychain encryption is not available right now');
  });
});
