// The secret store: 0600 file in a 0700 dir, names only in list(), a cipher's values unreadable
// as text, layered reads (the app's encrypted store, then the CLI's file), clear errors.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentErrorFactory } from '../../../electron/core/agents/agent-error.js';
import { backendSecret } from '../../../electron/core/agents/env-secret.js';
import { FileSecretStore, openSecretStore, type SecretCipher, secretsFile } from '../../../electron/core/secrets/index.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});
const tempDir = async (): Promise<string> => (dir = await mkdtemp(join(tmpdir(), 'secrets-')));

/** A reversible stand-in for safeStorage (base64 of the reversed text). */
const FAKE_CIPHER: SecretCipher = {
  id: 'fake',
  available: () => true,
  encrypt: (v) => Buffer.from([...v].reverse().join('')).toString('base64'),
  decrypt: (v) => [...Buffer.from(v, 'base64').toString()].reverse().join(''),
};

describe('FileSecretStore', () => {
  it('stores, lists names only, removes; file 0600 in a 0700 dir', async () => {
    const state = await tempDir();
    const store = new FileSecretStore(secretsFile(state));
    expect(store.get('A')).toBeUndefined();
    expect(store.list()).toEqual([]);
    await store.set('OPENAI', 'sk-1');
    await store.set('HOOK', 'h-2');
    expect(store.get('OPENAI')).toBe('sk-1');
    expect(store.list()).toEqual(['HOOK', 'OPENAI']);
    expect((await stat(secretsFile(state))).mode & 0o777).toBe(0o600);
    expect((await stat(join(state, 'secrets'))).mode & 0o777).toBe(0o700);
    expect(await store.remove('HOOK')).toBe(true);
    expect(await store.remove('HOOK')).toBe(false);
    expect(store.list()).toEqual(['OPENAI']);
  });

  it('refuses bad names and empty values; a damaged file is an error naming it, never "not set"', async () => {
    const state = await tempDir();
    const store = new FileSecretStore(secretsFile(state));
    await expect(store.set('../x', 'v')).rejects.toThrow(/invalid secret name "..\/x"/);
    await expect(store.set('OK', '')).rejects.toThrow(/empty/);
    await store.set('OK', 'v');
    await writeFile(secretsFile(state), '{ nope');
    expect(() => store.get('OK')).toThrow(`the secret store ${secretsFile(state)} is not valid JSON`);
  });

  it('with a cipher the value is not in the file as text; the app reads the CLI file as a fallback', async () => {
    const state = await tempDir();
    const app = openSecretStore(state, FAKE_CIPHER);
    await app.set('APP_KEY', 'plain-value-123');
    const encrypted = await readFile(join(state, 'secrets', 'secrets.fake.json'), 'utf8');
    expect(encrypted).not.toContain('plain-value-123');
    expect(app.get('APP_KEY')).toBe('plain-value-123');
    await openSecretStore(state).set('CLI_KEY', 'from-cli');
    expect(app.get('CLI_KEY')).toBe('from-cli');
    expect(app.list()).toEqual(['APP_KEY', 'CLI_KEY']);
    // A file written by another cipher is refused, not misread.
    expect(() => new FileSecretStore(join(state, 'secrets', 'secrets.fake.json')).get('APP_KEY')).toThrow(/written with fake, not plain/);
  });
});

describe('backendSecret', () => {
  const fail = agentErrorFactory('gpt', 'openai');
  it('reads {secret} from the store; missing, unreadable or doubly configured is a config error that names the fix', async () => {
    const state = await tempDir();
    const secrets = openSecretStore(state);
    const source = { envKey: 'apiKeyEnv', ref: { secret: 'OPENAI' }, refKey: 'apiKey' };
    expect(() => backendSecret(source, { env: {}, secrets }, fail)).toThrow('secret OPENAI (apiKey) is not set; store it with: imsg-companion secret set OPENAI');
    await secrets.set('OPENAI', 'sk-9');
    expect(backendSecret(source, { env: {}, secrets }, fail)).toBe('sk-9');
    expect(() => backendSecret({ ...source, envName: 'KEY' }, { env: { KEY: 'x' }, secrets }, fail)).toThrow('set either apiKeyEnv or apiKey, not both');
    expect(backendSecret({ envKey: 'apiKeyEnv', envName: 'KEY', refKey: 'apiKey' }, { env: { KEY: 'x' } }, fail)).toBe('x');
    expect(backendSecret({ envKey: 'apiKeyEnv', refKey: 'apiKey' }, { env: {} }, fail)).toBeUndefined();
  });
});
