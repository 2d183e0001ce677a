import { describe, expect, it } from 'vitest';
import { ALICE, dm, harness, NOW, verdict, type HarnessOptions } from './decide-fixtures.js';

describe('decideInbound — direct messages (§9, §10)', () => {
  it.each<[string, HarnessOptions, Record<string, unknown>, string]>([
    ['1 missing sender', {}, { sender: '' }, 'drop: missing sender'],
    ['1 blank sender', {}, { sender: '   ' }, 'drop: missing sender'],
    ['1 absent sender', {}, { sender: undefined }, 'drop: missing sender'],
    ['4 is_from_me in a normal DM', { imessage: { dmPolicy: 'open', allowFrom: ['*'] } }, { is_from_me: true, chat_identifier: '+19998887777' }, 'drop: from me'],
    ['6 default dmPolicy (pairing), stranger', {}, {}, 'pairing: pairing required'],
    ['6 dmPolicy disabled', { imessage: { dmPolicy: 'disabled', allowFrom: [ALICE] } }, {}, 'drop: dmPolicy disabled'],
    ['6 dmPolicy open', { imessage: { dmPolicy: 'open', allowFrom: ['*'] } }, {}, 'dispatch'],
    ['6 allowlist, listed (formatted differently)', { imessage: { dmPolicy: 'allowlist', allowFrom: ['+1 (555) 000-1111'] } }, {}, 'dispatch'],
    ['6 allowlist, not listed: no reply', { imessage: { dmPolicy: 'allowlist', allowFrom: ['+19999999999'] } }, {}, 'drop: dmPolicy blocked'],
    ['6 pairing, approved in the store', { store: [ALICE] }, {}, 'dispatch'],
    ['6 allowlist ignores the store', { imessage: { dmPolicy: 'allowlist', allowFrom: ['+19999999999'] }, store: [ALICE] }, {}, 'drop: dmPolicy blocked'],
    ['§0.3 blocked stranger: silent drop with a reason', { blocked: true }, {}, 'drop: sender blocked'],
    ['6 a chat_id allowFrom entry admits the DM row of that chat', { imessage: { dmPolicy: 'allowlist', allowFrom: ['chat_id:5'] } }, {}, 'dispatch'],
    ['9 empty body', { store: [ALICE] }, { text: '   ' }, 'drop: empty body'],
    ['kept order: access runs before the body check (empty text from a stranger → pairing)', {}, { text: '' }, 'pairing: pairing required'],
    ['12 reflected assistant content', { store: [ALICE] }, { text: 'sure <think>plan</think>' }, 'drop: reflected assistant content'],
    ['12 markers inside code are fine', { store: [ALICE] }, { text: 'what does `<think>` do?' }, 'dispatch'],
    ['16 DMs never need a mention', { store: [ALICE], config: { messages: { groupChat: { mentionPatterns: ['@bot'] } } } }, {}, 'dispatch'],
  ])('%s', (_name, opts, over, expected) => {
    expect(verdict(harness(opts).decide(dm(over)))).toBe(expected);
  });

  it('pairing: replies to chat_id:<n> when the row has a chat_id, else to the handle; no session yet', () => {
    const h = harness();
    expect(h.decide(dm())).toMatchObject({ decision: 'pairing', chatType: 'direct', replyTarget: 'chat_id:5', sessionKey: null, agentId: null, senderNormalized: ALICE });
    expect(h.decide(dm({ chat_id: undefined, sender: 'imessage:+1 555 000 1111' }))).toMatchObject({ replyTarget: 'imessage:+1 555 000 1111', senderNormalized: ALICE });
    expect(h.decide(dm()).steps.at(-1)).toEqual({ step: 'dm access', outcome: 'pairing', detail: `sender ${ALICE} is not approved yet; a pairing request is needed; a new request gets a pairing code in reply (while fewer than 3 requests are pending; else it waits for a free slot)` });
    const silent = harness({ imessage: { unpairedResponse: 'silent' } }).decide(dm());
    expect(silent.steps.at(-1)?.detail).toMatch(/without a reply \(unpairedResponse "silent"\)$/);
  });

  it('dispatch: main-session key, agent, reply target imessage:<raw sender>, mentioned', () => {
    const d = harness({ store: [ALICE] }).decide(dm());
    expect(d).toMatchObject({ decision: 'dispatch', reason: null, chatType: 'direct', sessionKey: 'agent:main:main', agentId: 'main', wasMentioned: true, replyTarget: `imessage:${ALICE}`, bodyText: 'hello' });
    expect(d.steps.map((s) => `${s.outcome} ${s.step}`)).toEqual(['pass sender', 'info chat type', 'pass dm access', 'info route', 'pass content', 'pass verdict']);
  });

  it('session.dmScope and bindings route the DM', () => {
    const h = harness({
      store: [ALICE],
      config: { session: { dmScope: 'per-account-channel-peer' }, agents: { list: [{ id: 'main' }, { id: 'fam' }] }, bindings: [{ agentId: 'fam', match: { peer: { kind: 'direct', id: '15550001111' } } }] },
    });
    expect(h.decide(dm())).toMatchObject({ agentId: 'fam', sessionKey: `agent:fam:imessage:default:direct:${ALICE}` });
  });

  it('control commands in DMs pass through, authorized or not (§10 step 15)', () => {
    const authorized = harness({ store: [ALICE] }).decide(dm({ text: '/status' }));
    expect(authorized).toMatchObject({ decision: 'dispatch', isControlCommand: true, commandAuthorized: true });
    const open = harness({ imessage: { dmPolicy: 'open', allowFrom: [] } }).decide(dm({ text: '/reset' }));
    expect(open).toMatchObject({ decision: 'dispatch', isControlCommand: true, commandAuthorized: false });
    const noAccessGroups = harness({ imessage: { dmPolicy: 'open', allowFrom: [] }, config: { commands: { useAccessGroups: false } } }).decide(dm({ text: '/reset' }));
    expect(noAccessGroups.commandAuthorized).toBe(true);
    expect(harness({ store: [ALICE] }).decide(dm({ text: '/stop' })).isControlCommand).toBe(false);
  });

  it('attachments (§19): the placeholder stands in for empty text only when includeAttachments is on and the file is allowed', () => {
    const jpeg = { original_path: '/Users/pal/Library/Messages/Attachments/ab/1/IMG_1.jpeg', mime_type: 'image/jpeg', missing: false };
    const on = harness({ store: [ALICE], imessage: { includeAttachments: true } });
    expect(on.decide(dm({ text: '', attachments: [jpeg] }))).toMatchObject({ decision: 'dispatch', bodyText: '<media:image>', attachments: [jpeg] });
    expect(on.decide(dm({ text: '', attachments: [{ ...jpeg, mime_type: '' }] })).bodyText).toBe('<media:attachment>');
    expect(verdict(on.decide(dm({ text: '', attachments: [{ ...jpeg, missing: true }] })))).toBe('drop: empty body');
    expect(verdict(on.decide(dm({ text: '', attachments: [{ ...jpeg, original_path: '/tmp/x.jpeg' }] })))).toBe('drop: empty body');
    expect(verdict(on.decide(dm({ text: '', attachments: [{ ...jpeg, original_path: '/Users/pal/Library/Messages/Attachments/../../../etc/x' }] })))).toBe('drop: empty body');
    expect(on.decide(dm({ text: 'look', attachments: [jpeg] })).bodyText).toBe('look');
    expect(verdict(harness({ store: [ALICE] }).decide(dm({ text: '', attachments: [jpeg] })))).toBe('drop: empty body');
    const remote = harness({ store: [ALICE], imessage: { includeAttachments: true, remoteHost: 'bot@mac-mini', remoteAttachmentRoots: ['/Volumes/*/Attachments'] } });
    expect(remote.decide(dm({ text: '', attachments: [{ ...jpeg, original_path: '/Volumes/mini/Attachments/a.png', mime_type: 'image/png' }] })).bodyText).toBe('<media:image>');
  });

  it('DMs always keep the quoted message', () => {
    const d = harness({ store: [ALICE], imessage: { contextVisibility: 'allowlist' } }).decide(dm({ reply_to_text: ' earlier ', reply_to_id: 99, reply_to_sender: '+17770000000' }));
    expect(d.replyContext).toEqual({ body: 'earlier', id: '99', sender: '+17770000000' });
  });

  it('uses the clock it is given, not the wall clock', () => {
    const h = harness({ store: [ALICE] });
    h.caches.echo.remember(`default:imessage:${ALICE}`, { text: 'hello' }, NOW - 10_000);
    expect(verdict(h.decide(dm({ id: undefined, guid: undefined }), { now: NOW - 8_000 }))).toBe('drop: echo');
    expect(verdict(h.decide(dm({ id: undefined, guid: undefined })))).toBe('dispatch');
  });
});
