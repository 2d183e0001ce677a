import { readFile } from 'node:fs/promises';
import JSON5 from 'json5';
import { afterEach, describe, expect, it } from 'vitest';
import { HELP_TEXT } from '../../../electron/core/app/chat-commands.js';
import { type AppFixture, channel, cleanup, ECHO_AGENTS, startApp, until } from './app-fixture.js';
import { startFakeOpenAi } from './fake-openai.js';

const OWNER = '+15550000001';
const STRANGER = '+15550000002';

afterEach(cleanup);

/** A DM from `from`; resolves to the text of the one reply it gets. */
async function ask(f: AppFixture, text: string, from = OWNER): Promise<string> {
  const before = f.imsg.sends.length;
  f.imsg.inject({ from, text });
  const sends = await f.imsg.waitForSends(before + 1);
  await f.app.queue.idle();
  expect(f.imsg.sends).toHaveLength(before + 1);
  return String(sends[before]?.params.text);
}

/** The owner may use commands; `extra` adds config at the top level, `ch` at channels.imessage. */
function config(ch: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { channels: { imessage: channel({ dmPolicy: 'allowlist', allowFrom: [OWNER], ...ch }) }, agents: ECHO_AGENTS, ...extra };
}

describe('chat commands', () => {
  it('/help answers the command list to the sender, and logs a command entry', async () => {
    const fx = await startApp(config());
    expect(await ask(fx, '/help')).toBe(HELP_TEXT);
    expect(fx.imsg.sends[0]?.params).toMatchObject({ text: HELP_TEXT });
    const entry = await fx.activity((e) => e.kind === 'command');
    expect(entry).toMatchObject({ sender: OWNER, preview: '/help', detail: 'imsg Companion commands:' });
  });

  it('/status answers the app summary with the account state', async () => {
    const fx = await startApp(config());
    const f = fx;
    // /status answers from the latest snapshot; make sure one exists after the account is up.
    await until(async () => (await f.app.snapshot()).overall.text === 'Watching 1 account', 'a watching snapshot');
    const text = await ask(f, '/status');
    expect(text.split('\n')[0]).toBe('imsg Companion test: Watching 1 account');
    expect(text).toContain('- default: watching, imsg 0.9.0');
  });

  it('/new clears the agent session: the next message reaches the model without the earlier turns', async () => {
    const openai = await startFakeOpenAi();
    const fx = await startApp(config({}, { agents: { list: [{ id: 'gpt', default: true, backend: { type: 'openai', baseUrl: openai.baseUrl, model: 'm' } }] } }));
    expect(await ask(fx, 'my name is Ada')).toBe('re: my name is Ada');
    expect(await ask(fx, 'what is my name?')).toBe('re: what is my name?');
    expect(openai.requests[1]?.map((m) => m.content)).toEqual(['my name is Ada', 're: my name is Ada', 'what is my name?']);
    expect(await ask(fx, '/new')).toBe('Started a new conversation. Earlier messages are forgotten.');
    expect(openai.requests).toHaveLength(2);
    expect(await ask(fx, 'who am I?')).toBe('re: who am I?');
    expect(openai.requests[2]).toEqual([{ role: 'user', content: 'who am I?' }]);
  });

  it('/config set writes the config when commands.config is true, configWrites allows it and the sender is an owner', async () => {
    const fx = await startApp(config({}, { commands: { config: true } }));
    expect(await ask(fx, '/config set channels.imessage.textChunkLimit 1234')).toBe('Set channels.imessage.textChunkLimit.');
    const file = JSON5.parse(await readFile(fx.configPath, 'utf8')) as { channels: { imessage: Record<string, unknown> } };
    expect(file.channels.imessage.textChunkLimit).toBe(1234);
    expect(fx.app.configStore.current.channels?.imessage?.textChunkLimit).toBe(1234);
    expect(await ask(fx, '/config unset channels.imessage.textChunkLimit')).toBe('Unset channels.imessage.textChunkLimit.');
    expect(fx.app.configStore.current.channels?.imessage?.textChunkLimit).toBeUndefined();
  });

  it.each([
    ['commands.config is not true', config(), '/config set channels.imessage.textChunkLimit 5', 'Config changes from chat are off (set commands.config to true to allow them).'],
    ['configWrites is false', config({ configWrites: false }, { commands: { config: true } }), '/config set channels.imessage.textChunkLimit 5', 'Refused: configWrites is false for this account.'],
    ['the key is bare channels.imessage', config({}, { commands: { config: true } }), '/config set channels.imessage {}', 'Refused: channels.imessage is too broad; name a field beneath it (e.g. channels.imessage.dmPolicy).'],
    ['the value is invalid', config({}, { commands: { config: true } }), '/config set channels.imessage.textChunkLimit -3', 'Not changed: channels.imessage.textChunkLimit: expected an integer > 0'],
    ['the key is privileged (cliPath)', config({}, { commands: { config: true } }), '/config set channels.imessage.cliPath /tmp/evil', "Refused: channels.imessage.cliPath cannot be changed from chat: it sets the imsg program the app runs with its Full Disk Access. Change it on the Mac (the app's Settings or imsg-companion config set)."],
    ['the key is privileged (a command backend argv)', config({}, { commands: { config: true } }), '/config set agents.list[0].backend.argv ["/bin/sh"]', "Refused: agents.list[0].backend.argv cannot be changed from chat: it sets the program a command agent runs. Change it on the Mac (the app's Settings or imsg-companion config set)."],
    ['an unset of a privileged key', config({}, { commands: { config: true } }), '/config unset channels.imessage.accounts.work.dbPath', "Refused: channels.imessage.accounts.work.dbPath cannot be changed from chat: it sets which Messages database is read. Change it on the Mac (the app's Settings or imsg-companion config set)."],
  ])('/config set is refused when %s, and the file is untouched', async (_why, cfg, command, reply) => {
    const fx = await startApp(cfg);
    const before = await readFile(fx.configPath, 'utf8');
    expect(await ask(fx, command)).toBe(reply);
    expect(await readFile(fx.configPath, 'utf8')).toBe(before);
  });

  it('/config set from a sender who is not an owner is dropped in a group: nothing sent, nothing written', async () => {
    const groupOpen = { groupPolicy: 'open', groups: { '*': { requireMention: false } } };
    const fx = await startApp(config(groupOpen, { commands: { config: true } }));
    const before = await readFile(fx.configPath, 'utf8');
    fx.imsg.inject({ from: STRANGER, text: '/config set channels.imessage.textChunkLimit 5', groupChatId: 77 });
    const drop = await fx.activity((e) => e.kind === 'inbound');
    expect(drop).toMatchObject({ decision: 'drop', reason: 'control command (unauthorized)', sender: STRANGER });
    await fx.app.queue.idle();
    expect(fx.imsg.sends).toEqual([]);
    expect(await readFile(fx.configPath, 'utf8')).toBe(before);
    // The owner in the same group is allowed.
    fx.imsg.inject({ from: OWNER, text: '/config set channels.imessage.textChunkLimit 5', groupChatId: 77 });
    const [sent] = await fx.imsg.waitForSends(1);
    expect(sent?.params).toMatchObject({ text: 'Set channels.imessage.textChunkLimit.', chat_id: 77 });
  });
});
