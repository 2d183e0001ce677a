import { describe, expect, it } from 'vitest';
import { stripDirectiveTags } from '../../../electron/core/delivery/directives.js';
import { applyResponsePrefix, resolveResponsePrefix, shortModelName, type PrefixContext } from '../../../electron/core/delivery/prefix.js';
import { prepareReply, type PrepareReplyOptions } from '../../../electron/core/delivery/prepare-reply.js';

const FULL: PrefixContext = { agentName: 'Clawd', model: 'anthropic/claude-opus-4-5-20251101', provider: 'anthropic', thinkingLevel: 'high' };

describe('responsePrefix (§16)', () => {
  it.each<[string, string | undefined, PrefixContext, string | undefined]>([
    ['unset', undefined, FULL, undefined],
    ['empty string means none', '', FULL, undefined],
    ['blank means none', '   ', FULL, undefined],
    ['auto → [agent name]', 'auto', FULL, '[Clawd]'],
    ['auto without a name → none', 'auto', {}, undefined],
    ['auto with a blank name → none', 'auto', { agentName: '  ' }, undefined],
    ['literal text', '🤖', FULL, '🤖'],
    ['{model} is the short name', '[{model}]', FULL, '[claude-opus-4-5]'],
    ['{modelFull}', '{modelFull}', FULL, 'anthropic/claude-opus-4-5-20251101'],
    ['{provider}', '[{provider}]', FULL, '[anthropic]'],
    ['{thinkingLevel}', 'think:{thinkingLevel}', FULL, 'think:high'],
    ['{think}', 'think:{think}', FULL, 'think:high'],
    ['{identity.name}', '[{identity.name}]', FULL, '[Clawd]'],
    ['{identityName}', '[{identityName}]', FULL, '[Clawd]'],
    ['variable names are case-insensitive', '{MODEL}|{Provider}', FULL, 'claude-opus-4-5|anthropic'],
    ['unknown variable → empty', '{nope} bot', FULL, 'bot'],
    ['known variable without a value → empty', '[{model}]', {}, '[]'],
    ['a template that fills to nothing → none', '{model}', {}, undefined],
    ['braces that are not variables stay', '{1} {}', FULL, '{1} {}'],
  ])('%s', (_name, template, ctx, expected) => {
    expect(resolveResponsePrefix(template, ctx)).toBe(expected);
  });

  it.each([
    ['openai/gpt-5.2', 'gpt-5.2'],
    ['gpt-5.2-latest', 'gpt-5.2'],
    ['claude-opus-4-5-20251101', 'claude-opus-4-5'],
    ['a/b/c-model', 'c-model'],
  ])('shortModelName(%s) = %s', (model, short) => {
    expect(shortModelName(model)).toBe(short);
  });

  it.each([
    ['hello', '[Bot]', '[Bot] hello'],
    ['[Bot] hello', '[Bot]', '[Bot] hello'],
    ['[Bot]hello', '[Bot]', '[Bot]hello'],
    ['hello', undefined, 'hello'],
    ['hello', '', 'hello'],
  ])('applyResponsePrefix(%j, %j) = %j', (text, prefix, expected) => {
    expect(applyResponsePrefix(text, prefix)).toBe(expected);
  });
});

describe('inline directive tags (§18)', () => {
  it.each([
    ['no tags', 'plain text', 'plain text'],
    ['leading reply_to', '[[reply_to:123]] Hello', 'Hello'],
    ['reply_to with spaces', '[[ reply_to : p:0/ABC-1 ]]Hi', 'Hi'],
    ['reply_to_current between words', 'Hi [[reply_to_current]] there', 'Hi there'],
    ['glued to a word', 'Hi[[audio_as_voice]]there', 'Hi there'],
    ['trailing', 'Done [[audio_as_voice]]', 'Done'],
    ['case-insensitive', '[[REPLY_TO_CURRENT]] ok', 'ok'],
    ['a tag alone on its line takes the line', 'a\n[[reply_to_current]]\nb', 'a\nb'],
    ['paragraphs survive', 'Hello\n\n[[reply_to_current]]\n\nWorld', 'Hello\n\nWorld'],
    ['CRLF line', 'a\r\n[[audio_as_voice]]\r\nb', 'a\r\nb'],
    ['several tags', '[[reply_to_current]][[audio_as_voice]] hi', 'hi'],
    ['only tags', '[[reply_to:1]] [[audio_as_voice]]', ''],
    ['inside inline code stays', 'use `[[reply_to_current]]` here', 'use `[[reply_to_current]]` here'],
    ['inside a fence stays', '```\n[[audio_as_voice]]\n```', '```\n[[audio_as_voice]]\n```'],
    ['other [[wiki]] links stay', 'see [[Home]]', 'see [[Home]]'],
    ['an unterminated tag stays', '[[reply_to:12', '[[reply_to:12'],
  ])('%s', (_name, input, expected) => {
    expect(stripDirectiveTags(input)).toBe(expected);
  });
});

const account = (over: Partial<PrepareReplyOptions['account']> = {}): PrepareReplyOptions['account'] => ({ responsePrefix: undefined, textChunkLimit: 4000, chunkMode: 'length', ...over });

describe('prepareReply: sanitize → strip tags → prefix → chunk', () => {
  it.each<[string, string, Partial<PrepareReplyOptions['account']>, string[]]>([
    ['plain', 'Hello!', {}, ['Hello!']],
    ['thinking removed, tag stripped, prefix applied', '<think>plan it</think>Hello [[reply_to_current]]', { responsePrefix: 'auto' }, ['[Clawd] Hello']],
    ['nothing left after sanitizing → no send', '<thinking>only thoughts</thinking>', { responsePrefix: 'auto' }, []],
    ['only directive tags → no send', '[[audio_as_voice]]', { responsePrefix: '[bot]' }, []],
    ['empty → no send', '', {}, []],
    ['role lines and separators removed', 'Answer\nassistant:\n#+#+#+', {}, ['Answer']],
    ['prefix not doubled', '[Clawd] already', { responsePrefix: 'auto' }, ['[Clawd] already']],
    ['newline mode from the account', 'one\n\ntwo', { chunkMode: 'newline' }, ['one', 'two']],
    ['prefix goes on the first chunk only', 'aaaa bbbb cccc', { responsePrefix: '[B]', textChunkLimit: 10 }, ['[B] aaaa', 'bbbb cccc']],
    ['a non-positive limit falls back to 4000', 'x '.repeat(2500).trim(), { textChunkLimit: 0 }, ['x '.repeat(2000).trim(), 'x '.repeat(500).trim()]],
  ])('%s', (_name, raw, over, expected) => {
    expect(prepareReply(raw, { account: account(over), agentName: 'Clawd' })).toEqual(expected);
  });

  it('a 9,000-character answer becomes exactly 3 sends at the default limit, one per paragraph', () => {
    const paragraph = (n: number, length: number): string => `Paragraph ${n}. ${'lorem ipsum '.repeat(300)}`.slice(0, length);
    const paragraphs = [paragraph(1, 3000), paragraph(2, 3000), paragraph(3, 2998)];
    const raw = paragraphs.join('\n');
    expect(raw).toHaveLength(9000);
    expect(prepareReply(`<final>${raw}</final>`, { account: account() })).toEqual(paragraphs);
  });
});
