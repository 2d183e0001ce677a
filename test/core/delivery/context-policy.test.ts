// The context built from real policy decisions: the §15 pending-history contract end to end.
import { describe, expect, it } from 'vitest';
import { pendingHistoryLimit, resolveAccount } from '../../../electron/core/config/accounts.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { buildInboundContext } from '../../../electron/core/delivery/context.js';
import { parseImsgMessage, type ImsgMessage } from '../../../electron/core/imsg/message.js';
import { decideInbound } from '../../../electron/core/policy/decide.js';
import { SentMessageCache } from '../../../electron/core/policy/echo-cache.js';
import { GroupHistory } from '../../../electron/core/policy/history.js';
import { LoopLimiter } from '../../../electron/core/policy/loop-limiter.js';
import { SelfChatCache } from '../../../electron/core/policy/self-chat-cache.js';

const NOW = Date.parse('2026-01-07T14:10:00.000Z');
const config: AppConfig = {
  agents: { list: [{ id: 'main', name: 'Clawd', groupChat: { mentionPatterns: ['@clawd'] } }] },
  channels: { imessage: { dmPolicy: 'open', allowFrom: ['*'], groupPolicy: 'open' } },
};

function groupPayload(id: number, sender: string, text: string, minute: number): ImsgMessage {
  const r = parseImsgMessage({ id, guid: `G-${id}`, chat_id: 42, sender, is_from_me: false, text, created_at: `2026-01-07T14:0${minute}:00.000Z`, chat_name: 'Friends', participants: ['+15550001111', '+15550002222'], is_group: true });
  if (!r.ok) throw new Error(r.error);
  return r.message;
}

describe('decideInbound → buildInboundContext', () => {
  it('a mention dispatches with the earlier unmentioned messages as pending history', () => {
    const account = resolveAccount(config);
    const caches = { echo: new SentMessageCache(), selfChat: new SelfChatCache(), loop: new LoopLimiter(), history: new GroupHistory() };
    const decide = (m: ImsgMessage) => decideInbound(m, { account, config, storeAllowFrom: [], caches, now: NOW });

    expect(decide(groupPayload(1, '+15550001111', 'anyone up?', 1)).reason).toBe('no mention');
    const message = groupPayload(2, '+15550002222', '@clawd what time is it', 2);
    const decision = decide(message);
    expect(decision.decision).toBe('dispatch');

    const historyLimit = pendingHistoryLimit(config, account);
    const history = caches.history.entries(decision.historyKey ?? '', historyLimit);
    const ctx = buildInboundContext({ message, decision, accountId: account.accountId, history, historyLimit, envelope: { timeZone: 'UTC' } });
    expect(ctx.Body).toBe([
      '[Chat messages since your last reply - for context]',
      '[iMessage Friends id:42 Wed 2026-01-07T14:01Z] +15550001111: anyone up? [id:1]',
      '',
      '[Current message - respond to this]',
      '[iMessage Friends id:42 Wed 2026-01-07T14:02Z] +15550002222: @clawd what time is it',
    ].join('\n'));
    expect(ctx).toMatchObject({ To: 'chat_id:42', WasMentioned: true, SessionKey: 'agent:main:imessage:group:42', AgentId: 'main', InboundHistory: [{ sender: '+15550001111', body: 'anyone up?', messageId: '1' }] });
  });
});
