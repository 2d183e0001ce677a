// agents.list[].backend validation: every backend type's keys, with plain key-path messages.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../electron/core/config/issues.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

/** The issue lines of a config whose single agent has `backend`, or [] when it is valid. */
function problems(backend: unknown): string[] {
  const result = validateConfig({ agents: { list: [{ id: 'main', backend }] } }, { home: '/home/u' });
  return result.ok ? [] : result.issues.map(formatIssue);
}

const P = 'agents.list[0].backend';
const URL_MSG = 'expected an http:// or https:// URL';
const ENV_MSG = 'expected an environment variable name (letters, digits and _, not starting with a digit)';
const INT_GT0 = 'expected an integer > 0';

describe('valid backends', () => {
  it.each([
    { type: 'openai', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' },
    { type: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyEnv: 'OPENAI_API_KEY', systemPrompt: 'Be brief.', timeoutMs: 5000, errorReply: 'Sorry, try later.' },
    { type: 'webhook', url: 'https://example.com/hook' },
    { type: 'webhook', url: 'http://localhost:8080/agent?x=1', secretEnv: 'HOOK_SECRET', timeoutMs: 1000, errorReply: 'oops' },
    { type: 'command', argv: ['my-agent'] },
    { type: 'command', argv: ['/usr/bin/env', 'python3', 'bot.py'], cwd: '~/bots', env: ['OPENAI_API_KEY', '_X1'], timeoutMs: 100, errorReply: '' },
    { type: 'echo' },
    { type: 'echo', prefix: 'echo: ', errorReply: 'x' },
  ])('%j', (backend) => {
    expect(problems(backend)).toEqual([]);
  });

  it('keeps the validated backend in the config', () => {
    const result = validateConfig({ agents: { list: [{ id: 'main', backend: { type: 'echo', prefix: '> ' } }] } });
    expect(result.ok && result.config.agents?.list?.[0]?.backend).toEqual({ type: 'echo', prefix: '> ' });
  });
});

describe('invalid backends', () => {
  it.each([
    ['cli', `${P}: expected an object`],
    [[], `${P}: expected an object`],
    [{}, `${P}.type: required`],
    [{ type: 'grpc' }, `${P}.type: expected one of openai|webhook|command|echo`],
    [{ type: 'OpenAI', baseUrl: 'http://x', model: 'm' }, `${P}.type: expected one of openai|webhook|command|echo`],
    [{ type: 'openai', model: 'm' }, `${P}.baseUrl: ${URL_MSG}`],
    [{ type: 'openai', baseUrl: 'ftp://host/x', model: 'm' }, `${P}.baseUrl: ${URL_MSG}`],
    [{ type: 'openai', baseUrl: 'localhost:11434', model: 'm' }, `${P}.baseUrl: ${URL_MSG}`],
    [{ type: 'openai', baseUrl: 'http://x' }, `${P}.model: required`],
    [{ type: 'openai', baseUrl: 'http://x', model: ' ' }, `${P}.model: expected a non-empty string`],
    [{ type: 'openai', baseUrl: 'http://x', model: 'm', apiKeyEnv: 'OPENAI-KEY' }, `${P}.apiKeyEnv: ${ENV_MSG}`],
    [{ type: 'openai', baseUrl: 'http://x', model: 'm', apiKeyEnv: '1KEY' }, `${P}.apiKeyEnv: ${ENV_MSG}`],
    [{ type: 'openai', baseUrl: 'http://x', model: 'm', timeoutMs: 0 }, `${P}.timeoutMs: ${INT_GT0}`],
    [{ type: 'openai', baseUrl: 'http://x', model: 'm', systemPrompt: 3 }, `${P}.systemPrompt: expected a string`],
    [{ type: 'openai', baseUrl: 'http://x', model: 'm', temperature: 0.2 }, `${P}.temperature: unknown key`],
    [{ type: 'webhook' }, `${P}.url: ${URL_MSG}`],
    [{ type: 'webhook', url: 'file:///etc/passwd' }, `${P}.url: ${URL_MSG}`],
    [{ type: 'webhook', url: 'javascript:alert(1)' }, `${P}.url: ${URL_MSG}`],
    [{ type: 'webhook', url: 'https://bot:hunter2@example.com/h' }, `${P}.url: expected a URL without user:password@ (secrets belong in environment variables)`],
    [{ type: 'openai', baseUrl: 'http://user@127.0.0.1:1', model: 'm' }, `${P}.baseUrl: expected a URL without user:password@ (secrets belong in environment variables)`],
    [{ type: 'webhook', url: 'https://x', secretEnv: 'a b' }, `${P}.secretEnv: ${ENV_MSG}`],
    [{ type: 'webhook', url: 'https://x', timeoutMs: 1.5 }, `${P}.timeoutMs: ${INT_GT0}`],
    [{ type: 'webhook', url: 'https://x', argv: ['a'] }, `${P}.argv: unknown key`],
    [{ type: 'command' }, `${P}.argv: expected a list of strings`],
    [{ type: 'command', argv: 'node bot.js' }, `${P}.argv: expected a list of strings`],
    [{ type: 'command', argv: [] }, `${P}.argv: expected a non-empty list: the program, then its arguments`],
    [{ type: 'command', argv: [''] }, `${P}.argv[0]: expected a non-empty string`],
    [{ type: 'command', argv: ['node', 7] }, `${P}.argv[1]: expected a string`],
    [{ type: 'command', argv: ['x'], env: { A: '1' } }, `${P}.env: expected a list`],
    [{ type: 'command', argv: ['x'], env: ['PATH=/evil'] }, `${P}.env[0]: ${ENV_MSG}`],
    [{ type: 'command', argv: ['x'], cwd: '' }, `${P}.cwd: expected an absolute path (or one starting with ~/)`],
    [{ type: 'command', argv: ['x'], cwd: 'bots' }, `${P}.cwd: expected an absolute path (or one starting with ~/)`],
    [{ type: 'command', argv: ['x'], cwd: 3 }, `${P}.cwd: expected a string`],
    [{ type: 'command', argv: ['x'], shell: true }, `${P}.shell: unknown key`],
    [{ type: 'echo', prefix: 1 }, `${P}.prefix: expected a string`],
    [{ type: 'echo', errorReply: false }, `${P}.errorReply: expected a string`],
    [{ type: 'echo', url: 'https://x' }, `${P}.url: unknown key`],
  ])('%j → %s', (backend, line) => {
    expect(problems(backend)).toEqual([line]);
  });

  it('refuses an API key in the file, points to the secret store and apiKeyEnv, and never repeats the key', () => {
    const lines = problems({ type: 'openai', baseUrl: 'https://api.openai.com', model: 'm', apiKey: 'sk-live-SECRET123' });
    expect(lines).toEqual([`${P}.apiKey: do not put the API key in the config file: store it with \`imsg-companion secret set NAME\` and write apiKey: {secret: "NAME"}, or set apiKeyEnv`]);
    expect(lines.join('\n')).not.toContain('SECRET123');
  });

  it('refuses a webhook secret in the file and points to the secret store and secretEnv', () => {
    expect(problems({ type: 'webhook', url: 'https://x', secret: 'hunter2hunter2' })).toEqual([
      `${P}.secret: do not put the webhook secret in the config file: store it with \`imsg-companion secret set NAME\` and write secret: {secret: "NAME"}, or set secretEnv`,
    ]);
  });

  it('lists every problem of one backend at once', () => {
    expect(problems({ type: 'openai', baseUrl: 'nope', apiKey: 'k', extra: 1 }).sort()).toEqual(
      [`${P}.baseUrl: ${URL_MSG}`, `${P}.model: required`, `${P}.apiKey: do not put the API key in the config file: store it with \`imsg-companion secret set NAME\` and write apiKey: {secret: "NAME"}, or set apiKeyEnv`, `${P}.extra: unknown key`].sort(),
    );
  });

  it('accepts {secret: NAME} references and refuses a bad name or extra keys', () => {
    expect(problems({ type: 'openai', baseUrl: 'https://api.openai.com', model: 'm', apiKey: { secret: 'OPENAI' } })).toEqual([]);
    expect(problems({ type: 'webhook', url: 'https://x', secret: { secret: 'HOOK_1' } })).toEqual([]);
    expect(problems({ type: 'openai', baseUrl: 'https://x', model: 'm', apiKey: { secret: '../etc/passwd' } })).toEqual([
      `${P}.apiKey.secret: expected a secret name (letters, digits, _ . -, starting with a letter or _, at most 64)`,
    ]);
    expect(problems({ type: 'openai', baseUrl: 'https://x', model: 'm', apiKey: { secret: 'A', value: 'sk' } })).toEqual([`${P}.apiKey.value: unknown key`]);
  });

  it('names the agent index in the path', () => {
    const result = validateConfig({ agents: { list: [{ id: 'a', backend: { type: 'echo' } }, { id: 'b', backend: { type: 'command', argv: [] } }] } });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(['agents.list[1].backend.argv: expected a non-empty list: the program, then its arguments']);
  });
});
