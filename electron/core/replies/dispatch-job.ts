// A dispatch: attachments → envelope/context (§13, §15) → agent → sanitize/prefix/chunk → send → echo cache.
import { resolveInboundAttachments } from '../attachments/index.js';
import { buildInboundContext } from '../delivery/context.js';
import { prepareReply } from '../delivery/prepare-reply.js';
import type { ImsgMessage } from '../imsg/message.js';
import { conversationPeer } from '../policy/route.js';
import type { AccountRuntime } from '../app/account-runtime.js';
import { preview } from '../app/activity-shape.js';
import { echoTarget } from '../app/echo-target.js';
import { resendUnsent } from './resend-check.js';
import type { PendingJob } from './pending-journal.js';

/**
 * Run one journaled dispatch to completion; it leaves the journal unless the account stopped
 * before the reply could go out (then the next start resumes it: nothing is lost).
 */
export async function runDispatch(rt: AccountRuntime, job: PendingJob): Promise<void> {
  let outcome: 'done' | 'interrupted' = 'done';
  try {
    outcome = await answer(rt, job);
  } finally {
    if (outcome === 'done') {
      rt.deps.intents.forget(job.id);
      await rt.deps.journal.remove(job.id);
    } else await rt.deps.journal.park(job);
    rt.deps.changed();
  }
}

async function answer(rt: AccountRuntime, job: PendingJob): Promise<'done' | 'interrupted'> {
  const { deps, account } = rt;
  const d = job.decision;
  const message = job.message as ImsgMessage;
  const base = { accountId: account.accountId, messageId: typeof message.id === 'number' ? message.id : undefined, guid: typeof message.guid === 'string' ? message.guid : undefined, chatId: d.chatId, chatType: d.chatType, sender: d.senderId, sessionKey: d.sessionKey, agentId: d.agentId };
  const target = d.replyTarget;
  if (!target || !d.sessionKey) {
    await deps.activity.append({ ...base, kind: 'agent-error', detail: 'no reply target for this message (imessage: missing delivery target)' });
    return 'done';
  }
  // A send was under way for this job when the last run (or this account) stopped: check the chat.
  const intent = deps.intents.get(job.id);
  if (intent) return resendUnsent(rt, job, intent, base);
  const peer = conversationPeer(d, message);
  const route = deps.agents().resolve({ accountId: account.accountId, peer });
  if (route.agentId === null) {
    // A binding to a missing agent names the binding: it is that conversation's error, not "no agent".
    const detail = route.reason === 'no agent configured' && !route.detail.includes('(binding ') ? 'add an agent under agents.list in the config to answer messages' : route.detail;
    await deps.activity.append({ ...base, kind: 'agent-error', reason: route.reason, detail });
    return 'done';
  }
  const history = d.historyKey ? rt.caches.history?.entries(d.historyKey) ?? [] : [];
  if (d.historyKey) rt.caches.history?.clear(d.historyKey);
  const media = account.includeAttachments ? await resolveInboundAttachments(message, { account, remoteHost: rt.remoteHost, stateDir: deps.stateDir, sessionKey: d.sessionKey }) : undefined;
  if (media && media.dropped.length > 0) {
    await deps.activity.append({ ...base, kind: 'system', detail: `attachments dropped: ${media.dropped.map((x) => `${x.originalPath} (${x.reason})`).join('; ')}` });
  }
  // Remote attachments were copied here by scp, so every media path in the context is local.
  const context = { ...buildInboundContext({ accountId: account.accountId, message, decision: d, history, media: media?.valid.map((m) => ({ path: m.path, mimeType: m.mimeType })) }) };
  let replyText: string | null;
  let model: string | undefined;
  let provider: string | undefined;
  try {
    const reply = await route.backend.reply({ agentId: route.agentId, accountId: account.accountId, sessionKey: d.sessionKey, text: String(context.BodyForAgent ?? d.bodyText), context });
    replyText = reply.text;
    model = reply.model;
    provider = reply.provider;
    for (const warning of reply.warnings ?? []) await deps.activity.append({ ...base, kind: 'system', detail: warning });
  } catch (err) {
    await deps.activity.append({ ...base, kind: 'agent-error', detail: (err as Error).message });
    const fallback = route.backend.errorReply;
    if (typeof fallback === 'string' && fallback.trim() !== '') await rt.send(target, [fallback], echoTarget(d));
    return 'done';
  }
  if (replyText === null || replyText.trim() === '') {
    await deps.activity.append({ ...base, kind: 'reply', detail: 'the agent chose not to reply' });
    return 'done';
  }
  const chunks = prepareReply(replyText, { account, agentName: route.agent.name, model, provider });
  if (chunks.length === 0) {
    await deps.activity.append({ ...base, kind: 'reply', detail: 'the reply was empty after sanitizing; nothing sent' });
    return 'done';
  }
  const unrecorded = deps.intents.record(job.id, chunks, new Date(deps.now()).toISOString());
  if (unrecorded) await deps.activity.append({ ...base, kind: 'system', detail: unrecorded });
  try {
    await rt.send(target, chunks, echoTarget(d));
    await deps.activity.append({ ...base, kind: 'reply', preview: preview(chunks.join(' ')), detail: `${chunks.length} message${chunks.length === 1 ? '' : 's'} sent to ${target}` });
  } catch (err) {
    if (rt.stopping) {
      await deps.activity.append({ ...base, kind: 'system', detail: `reply to ${target} interrupted by the shutdown (${(err as Error).message}); it is sent after the next start` });
      return 'interrupted';
    }
    await deps.activity.append({ ...base, kind: 'agent-error', detail: `reply not delivered to ${target}: ${(err as Error).message}` });
  }
  return 'done';
}
