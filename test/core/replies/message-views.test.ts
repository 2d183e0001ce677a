// One row per inbound message: full text, full replies, where the reply stands; the Messages copy
// of our own reply (in a group it has no sender) is linked to its message, not a dropped row.
import { afterEach, describe, expect, it } from 'vitest';
import { buildMessageViews } from '../../../electron/core/replies/message-views.js';
import { listMessages } from '../../../electron/core/replies/reply-control.js';
import type { ActivityEntry } from '../../../electron/contract/views.js';
import { channel, cleanup, ECHO_AGENTS, startApp, until } from '../app/app-fixture.js';

afterEach(cleanup);

const entry = (e: Partial<ActivityEntry> & Pick<ActivityEntry, 'kind'>, n: number): ActivityEntry => ({ id: `e${n}`, at: new Date(1_000 + n).toISOString(), accountId: 'default', ...e });

describe('message rows', () => {
  it('fold a message and its reply lifecycle into one row; only a sent reply reads sent', () => {
    const entries = [
      entry({ kind: 'inbound', decision: 'dispatch', guid: 'G1', sender: '+1', preview: 'hi…', text: 'hi there, a long text' }, 1),
      entry({ kind: 'reply', outcome: 'waiting', guid: 'G1', cause: 'cannot reach x', nextRetryAt: 'T1', deadlineAt: 'T2', agentId: 'main' }, 2),
      entry({ kind: 'inbound', decision: 'drop', reason: 'not allowed', guid: 'G2', sender: '+2', preview: 'spam' }, 3),
      entry({ kind: 'inbound', decision: 'dispatch', guid: 'G3', sender: '+3', preview: 'q' }, 4),
      entry({ kind: 'reply', outcome: 'no-reply', guid: 'G3' }, 5),
    ];
    const rows = buildMessageViews({ entries, jobs: [], live: () => undefined });
    expect(rows.map((r) => [r.id, r.status, r.text])).toEqual([
      ['default:G3', 'no-reply', 'q'],
      ['default:G2', 'dropped', 'spam'],
      ['default:G1', 'waiting', 'hi there, a long text'],
    ]);
    expect(rows[2]).toMatchObject({ cause: 'cannot reach x', nextRetryAt: 'T1', deadlineAt: 'T2', agentId: 'main', replies: [] });
    const sent = buildMessageViews({ entries: [...entries, entry({ kind: 'reply', outcome: 'sent', guid: 'G1', replies: ['one', 'two'] }, 6)], jobs: [], live: () => undefined });
    expect(sent.find((r) => r.id === 'default:G1')).toMatchObject({ status: 'sent', replies: ['one', 'two'], cause: undefined });
    expect(buildMessageViews({ entries, jobs: [], live: () => undefined }, { group: 'attention' }).map((r) => r.id)).toEqual(['default:G1']);
    expect(buildMessageViews({ entries, jobs: [], live: () => undefined }, { search: 'LONG' }).map((r) => r.id)).toEqual(['default:G1']);
  });

  it("a stranger's message (logged as a pairing entry with its decision) is a pairing row; other pairing entries are not rows", () => {
    const entries = [
      entry({ kind: 'pairing', decision: 'pairing', reason: 'unknown sender', guid: 'S1', sender: '+19', preview: 'who is this', detail: 'pairing code sent' }, 1),
      entry({ kind: 'pairing', sender: '+19', detail: 'approved +19' }, 2),
    ];
    const rows = buildMessageViews({ entries, jobs: [], live: () => undefined });
    expect(rows.map((r) => [r.id, r.status, r.text, r.sender])).toEqual([['default:S1', 'pairing', 'who is this', '+19']]);
    expect(buildMessageViews({ entries, jobs: [], live: () => undefined }, { group: 'skipped' })).toHaveLength(1);
  });

  it("a group reply's Messages copy (no sender) joins its message instead of a 'missing sender' row", async () => {
    const fx = await startApp({ channels: { imessage: channel({ dmPolicy: 'open', allowFrom: ['*'], groupPolicy: 'open', groups: { '*': { requireMention: false } } }) }, agents: ECHO_AGENTS });
    const m = fx.imsg.inject({ from: '+15550000021', text: 'hello group', groupChatId: 77 });
    await until(() => fx.imsg.sends.length === 1, 'the reply');
    // The copy Messages writes has the guid the send returned (and, in a group, no sender).
    const copy = { ...fx.imsg.payload({ from: '', fromMe: true, text: String(fx.imsg.sends[0]?.params.text), groupChatId: 77 }), guid: 'sent-1' };
    fx.imsg.deliver(copy);
    const logged = await fx.activity((e) => e.guid === copy.guid);
    expect(logged).toMatchObject({ decision: 'drop', reason: 'missing sender', ownReplyCopy: true });
    const rows = listMessages(fx.app.replyDeps());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: `default:${m.guid}`, status: 'sent', text: 'hello group', replies: ['hello group'], ownCopies: 1, chatType: 'group', chatName: 'Group 77', participants: ['+15550000021', '+15550009999'] });
  });
});
