// Loading the JSON5 file: missing file = defaults, syntax errors with line/column, `~` expansion,
// and no input ever makes loading throw.
import { promises as fs } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfigText, readConfigRaw } from '../../../electron/core/config/load.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

const NO_AGENT = { path: 'agents.list', message: 'no agent configured: messages are received but never answered (add one under agents.list)' };
const NO_CHANNEL = { path: 'channels.imessage', message: 'missing; defaulting groupPolicy to "allowlist" (group messages blocked until explicitly configured)' };

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'config-load-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('treats a missing file as the defaults', async () => {
    const path = join(dir, 'nope', 'config.json5');
    expect(await loadConfig(path)).toEqual({ ok: true, config: {}, path, exists: false, warnings: [] });
    expect(await readConfigRaw(path)).toEqual({ ok: true, raw: {}, exists: false });
  });

  it('reads JSON5 with comments, unquoted keys and trailing commas', async () => {
    const path = join(dir, 'config.json5');
    await fs.writeFile(path, '// mine\n{\n  channels: { imessage: { dmPolicy: "disabled", /* no DMs */ }, },\n}\n');
    expect(await loadConfig(path)).toEqual({ ok: true, config: { channels: { imessage: { dmPolicy: 'disabled' } } }, path, exists: true, warnings: [NO_AGENT] });
  });

  it('reports a file it cannot read instead of throwing', async () => {
    const result = await loadConfig(dir);
    expect(result).toEqual({ ok: false, path: dir, issues: [{ path: '', message: `cannot read ${dir}: EISDIR` }] });
  });

  it('reports schema problems with their key paths', async () => {
    const path = join(dir, 'config.json5');
    await fs.writeFile(path, '{ channels: { imessage: { accounts: { work: { bogus: 1 } } } } }');
    expect(await loadConfig(path)).toEqual({ ok: false, path, issues: [{ path: 'channels.imessage.accounts.work.bogus', message: 'unknown key' }] });
  });
});

describe('parseConfigText', () => {
  it.each([
    ['{\n  a: 1,\n  b: x\n}', "JSON5 syntax error at line 3, column 6: invalid character 'x'"],
    ['{\n  channels: {\n', 'JSON5 syntax error at line 3, column 1: invalid end of input'],
    ['{ "a": 1 }}', "JSON5 syntax error at line 1, column 11: invalid character '}'"],
  ])('names line and column of a syntax error in %j', (text, message) => {
    expect(parseConfigText(text, '/x/config.json5')).toEqual({ ok: false, path: '/x/config.json5', issues: [{ path: '', message }] });
  });

  it('reads an empty file as an empty config', () => {
    expect(parseConfigText(' \n', '/c')).toEqual({ ok: true, config: {}, path: '/c', exists: true, warnings: [NO_CHANNEL, NO_AGENT] });
  });

  it('rejects a file whose top level is not an object', () => {
    expect(parseConfigText('[1]', '/c')).toEqual({ ok: false, path: '/c', issues: [{ path: '', message: 'expected an object at the top level of the file' }] });
  });

  it('expands ~ in cliPath and dbPath at channel and account level, and nowhere else', () => {
    const text = `{ channels: { imessage: {
      cliPath: "~/bin/imsg", dbPath: "~/Library/Messages/chat.db", defaultTo: "~/x",
      accounts: { work: { cliPath: "~", dbPath: "~other/chat.db" }, home: { cliPath: "imsg" } },
    } } }`;
    const result = parseConfigText(text, '/c');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const im = result.config.channels?.imessage;
    expect([im?.cliPath, im?.dbPath, im?.defaultTo]).toEqual([join(homedir(), 'bin/imsg'), join(homedir(), 'Library/Messages/chat.db'), '~/x']);
    expect(im?.accounts?.work).toEqual({ cliPath: homedir(), dbPath: '~other/chat.db' });
    expect(im?.accounts?.home).toEqual({ cliPath: 'imsg' });
  });

  it('expands ~ against a chosen home directory', () => {
    const result = validateConfig({ channels: { imessage: { cliPath: ' ~/bin/imsg ' } } }, { home: '/Users/me' });
    expect(result.ok && result.config.channels?.imessage?.cliPath).toBe('/Users/me/bin/imsg');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ channels: { imessage: v } }))), (text) => {
        const result = parseConfigText(text, '/c');
        expect(result.ok ? [] : result.issues.map((i) => i.message)).not.toContainEqual(expect.stringContaining('internal validation error'));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any value shape in any section', () => {
    const section = fc.constantFrom('channels', 'agents', 'messages', 'session', 'commands', 'bindings');
    fc.assert(
      fc.property(section, fc.anything(), fc.anything(), (key, value, inner) => {
        for (const raw of [{ [key]: value }, { channels: { imessage: { accounts: { a: inner }, groups: inner, dmPolicy: 'open', allowFrom: inner } } }]) {
          const result = validateConfig(raw);
          // The internal-error fallback exists for safety; no input may actually reach it.
          expect(result.ok ? [] : result.issues.map((i) => i.message)).not.toContainEqual(expect.stringContaining('internal validation error'));
        }
      }),
      { numRuns: 300 },
    );
  });
});
