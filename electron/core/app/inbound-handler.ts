// One inbound message: validate → decide (policy) → act (pairing / dispatch / drop) → record durably.
// Resolves once decided; the returned `durable` settles when the record is on disk, and only
// then may the watch cursor move past the message (the inbound queue waits for it in order).
import { acpBeforeDispatch } from '../acp/inbound-hook.js';
import { parseImsgMessage } from '../imsg/message.js';
import type { HandledMessage, QueuedMessage } from '../imsg/inbound-queue.js';
import { decideInbound } from '../policy/decide.js';
import type { InboundDecision } from '../policy/decide-types.js';
import { normalizeHandle } from '../policy/normalize.js';
import type { AccountRuntime } from './account-runtime.js';
import { activityFromDecision } from './activity-shape.js';
import { handlePairing } from './pairing-flow.js';

/** Decide and act on one watch notification payload for `rt`'s account. */
export async function handleInbound(rt: AccountRuntime, payload: QueuedMessage): Promise<HandledMessage | undefined> {
  const { deps, account } = rt;
  const parsed = parseImsgMessage(payload);
  if (!parsed.ok) {
    return durably(deps.activity.append({ accountId: account.accountId, kind: 'inbound', decision: 'drop', reason: 'malformed payload', messageId: payload.id, guid: typeof payload.guid === 'string' ? payload.guid : undefined, detail: parsed.error }));
  }
  const message = parsed.message;
  const sender = typeof message.sender === 'string' ? message.sender : '';
  const store = await readStore(rt, sender);
  const decision = decideInbound(message, {
    account,
    config: deps.configStore.current,
    chatBindings: deps.acp?.chatBindings(),
    storeAllowFrom: store.approved,
    blocked: store.blocked,
    caches: rt.caches,
    now: deps.now(),
  });
  if (store.problem) decision.steps.push({ step: 'pairing store', outcome: 'info', detail: store.problem });

  if (decision.decision === 'drop') return durably(deps.activity.append(activityFromDecision(account.accountId, message, decision)));
  if (decision.decision === 'pairing' && store.problem) {
    // Fail closed: with the approved list unreadable this may be an approved sender; a fresh
    // code would be wrong, so no reply at all, and the owner is told (status shows the file too).
    const entry = activityFromDecision(account.accountId, message, decision);
    return durably(deps.activity.append({ ...entry, kind: 'inbound', decision: 'drop', reason: 'pairing store unreadable', detail: `${store.problem}; no pairing code sent until the file is fixed` }));
  }
  if (decision.decision === 'pairing') {
    await handlePairing(rt, message, decision);
    return undefined;
  }
  const answered = acpBeforeDispatch(rt, decision, message);
  if (answered) return durably(deps.activity.append({ ...activityFromDecision(account.accountId, message, decision), detail: answered }));
  return accept(rt, payload, decision);
}

/** Wrapped, because an async function returning a bare promise would wait for it. */
const durably = (write: Promise<unknown>): HandledMessage => ({ durable: write });

/** Queue a dispatch behind earlier replies to the same chat; it is durable once journaled and logged. */
async function accept(rt: AccountRuntime, payload: QueuedMessage, decision: InboundDecision): Promise<HandledMessage> {
  const { deps, account } = rt;
  const job = { id: `${account.accountId}:${payload.guid || payload.id}`, accountId: account.accountId, acceptedAt: new Date(deps.now()).toISOString(), message: { ...payload }, decision };
  const entry = activityFromDecision(account.accountId, payload, decision);
  // A crash after the job was journaled but before the cursor moved replays the message: its
  // reply was resumed from the journal (or already sent), so it must not be queued a second time.
  await deps.journal.load();
  if (deps.journal.has(job.id)) {
    return durably(deps.activity.append({ ...entry, detail: 'already taken from the pending replies of the last run; answered once' }));
  }
  // A burst waits here for the reply lanes (later messages wait behind it, in order); only a
  // full queue that stopped finishing work refuses the message. Other accounts share the lanes,
  // so room seen is not room kept: the enqueue itself is retried.
  let queued = !rt.stopping && rt.enqueueDispatch(job);
  while (!queued && !rt.stopping && (await deps.queue.whenRoom())) queued = !rt.stopping && rt.enqueueDispatch(job);
  if (!queued && rt.stopping) {
    return durably(Promise.all([deps.journal.park(job), deps.activity.append({ ...entry, detail: 'the account is stopping; answered when it starts again' })]));
  }
  if (!queued) {
    return durably(deps.activity.append({ ...entry, decision: 'drop', reason: 'overloaded', detail: `reply queue full (${deps.queue.size} waiting); message not answered` }));
  }
  // Same tick as the enqueue: the job cannot have finished (and tried to leave the journal) yet.
  // The job is queued now: a failing journal write must reject `durable`, never throw here, or
  // the handler's retry would queue (and answer) the message again.
  let added: Promise<void>;
  try {
    added = deps.journal.add(job);
  } catch (err) {
    added = Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  return durably(Promise.all([added, deps.activity.append(entry)]));
}

async function readStore(rt: AccountRuntime, sender: string): Promise<{ approved: string[]; blocked: boolean; problem?: string }> {
  const { pairing } = rt.deps;
  const id = rt.account.accountId;
  try {
    const [approved, blocked] = await Promise.all([pairing.readApproved(id), sender ? pairing.isBlocked(id, normalizeHandle(sender)) : Promise.resolve(false)]);
    return { approved, blocked };
  } catch (err) {
    // §10: read errors count as an empty list — but we say so in the trace instead of hiding it.
    return { approved: [], blocked: false, problem: `could not read approved senders: ${(err as Error).message}` };
  }
}
