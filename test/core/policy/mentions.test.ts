import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { isControlCommand, matchControlCommand } from '../../../electron/core/policy/commands.js';
import {
  buildMentionMatcher,
  deriveNamePatterns,
  findMention,
  normalizeMentionText,
  resolveMentionPatterns,
} from '../../../electron/core/policy/mentions.js';

describe('mention pattern source (§17)', () => {
  it('agent patterns win, even an empty array', () => {
    const config: AppConfig = { agents: { list: [{ id: 'Main', name: 'Clawd', groupChat: { mentionPatterns: [] } }] }, messages: { groupChat: { mentionPatterns: ['bot'] } } };
    expect(resolveMentionPatterns(config, 'main')).toEqual({ patterns: [], source: 'agent' });
  });
  it('then messages.groupChat.mentionPatterns', () => {
    const config: AppConfig = { agents: { list: [{ id: 'main', name: 'Clawd' }] }, messages: { groupChat: { mentionPatterns: ['bot'] } } };
    expect(resolveMentionPatterns(config, 'main')).toEqual({ patterns: ['bot'], source: 'messages' });
  });
  it('then the agent name', () => {
    const config: AppConfig = { agents: { list: [{ id: 'main', name: 'Helpful  Bot' }] } };
    expect(resolveMentionPatterns(config, 'main')).toEqual({ patterns: ['\\b@?Helpful\\s+Bot\\b'], source: 'agent name' });
  });
  it('none at all', () => {
    expect(resolveMentionPatterns({}, 'main')).toEqual({ patterns: [], source: 'none' });
  });
  it('name patterns escape regex characters', () => {
    expect(deriveNamePatterns('C++ (bot)')).toEqual(['\\b@?C\\+\\+\\s+\\(bot\\)\\b']);
  });
});

describe('mention matching', () => {
  it('matches case-insensitively, with @ optional, across zero-width characters', () => {
    const { regexes } = buildMentionMatcher(deriveNamePatterns('Clawd Bot'));
    expect(findMention('hey @clawd   bot, hi', regexes)).toBeDefined();
    expect(findMention('HEY CLAWD\u200B BOT', regexes)).toBeDefined();
    expect(findMention('clawdbot', regexes)).toBeUndefined();
    expect(findMention('hello all', regexes)).toBeUndefined();
  });
  it('text preparation lower-cases and strips U+200B–200F, U+202A–202E, U+2060–206F', () => {
    expect(normalizeMentionText('A\u200Bb\u200Fc\u202Ad\u202Ee\u2060f\u206Fg')).toBe('abcdefg');
  });
  it('invalid and ReDoS-prone patterns are skipped with a reason, never thrown', () => {
    const m = buildMentionMatcher(['(unclosed', '(a+)+$', '(\\w*)*x', '(x{2,})+', '(a)\\1', 'x'.repeat(300), 'ok', '   ']);
    expect(m.regexes.map((r) => r.source)).toEqual(['ok']);
    expect(m.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^invalid regex/),
      'nested quantifier (ReDoS-prone)',
      'nested quantifier (ReDoS-prone)',
      'nested quantifier (ReDoS-prone)',
      'backreference (ReDoS-prone)',
      'longer than 256 characters',
    ]);
  });
  it('a backspace character from JSON "\\b" is read as a word boundary', () => {
    const { regexes } = buildMentionMatcher(['\u0008bot\u0008']);
    expect(findMention('hi bot!', regexes)).toBeDefined();
    expect(findMention('robotic', regexes)).toBeUndefined();
  });
});

describe('control commands (§0.10)', () => {
  it.each([
    ['/status', '/status'],
    ['  /HELP ', '/help'],
    ['/new', '/new'],
    ['/reset', '/reset'],
    ['/config set channels.imessage.historyLimit 5', '/config set'],
    ['/config: unset agents', '/config unset'],
    ['/config   set', '/config set'],
    ['/status: ', '/status'],
  ])('%j is %j', (text, cmd) => {
    expect(matchControlCommand(text)).toBe(cmd);
  });
  it.each(['hello /status', '/status now', '/config', '/config get x', '/stop', '/model gpt', '/think', '/approve', '/allowlist', '/statusx', 'status'])('%j is ordinary text', (text) => {
    expect(isControlCommand(text)).toBe(false);
  });
});
