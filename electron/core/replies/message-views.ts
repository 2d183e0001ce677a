// One row per inbound message, folded from the activity log (its decision, then what happened to
// its reply), the journal (not answered ones outlive the log's memory) and the live tracker
// (asking, sending, waiting now). The Messages copy of our own reply joins its message's row.
import type { ActivityEntry, MessageFilter, MessageStatus, MessageView } from '../../contract/views.js';
import type { PendingJob } from './pending-journal-types.js';
import type { LiveReply } from './reply-tracker.js';

/** What the rows are folded from. */
export interface MessageSources {
  /** Activity entries, oldest first. */
  readonly entries: readonly ActivityEntry[];
  /** Jobs in the journal (pending and not answered). */
  readonly jobs: readonly PendingJob[];
  readonly live: (id: string) => LiveReply | undefined;
}

const OUTCOME_STATUS: Record<NonNullable<ActivityEntry['outcome']>, MessageStatus> = {
  waiting: 'waiting',
  sent: 'sent',
  'not-answered': 'not-answered',
  'no-reply': 'no-reply',
  retrying: 'received',
  dismissed: 'dismissed',
};

const GROUPS: Record<NonNullable<MessageFilter['group']>, readonly MessageStatus[] | undefined> = {
  all: undefined,
  'in-progress': ['received', 'waiting', 'asking', 'sending'],
  attention: ['waiting', 'not-answered'],
  sent: ['sent'],
  'not-answered': ['not-answered'],
  'no-reply': ['no-reply'],
  skipped: ['dropped', 'pairing', 'dismissed'],
};

/** The job id of the message an entry is about (`<accountId>:<guid or rowid>`), if it names one. */
export function messageKey(e: { accountId: string; guid?: string; messageId?: number }): string | undefined {
  const ref = e.guid || (e.messageId === undefined ? undefined : String(e.messageId));
  return ref ? `${e.accountId}:${ref}` : undefined;
}

/** The rows, newest first, filtered. */
export function buildMessageViews(src: MessageSources, filter: MessageFilter = {}): MessageView[] {
  const rows = new Map<string, MessageView>();
  for (const e of src.entries) fold(rows, e);
  for (const job of src.jobs) {
    const row = rows.get(job.id) ?? fromJob(rows, job);
    if (job.failed) Object.assign(row, { status: 'not-answered', cause: job.failed.cause });
    else if (row.status !== 'not-answered') {
      const live = src.live(job.id);
      if (live) Object.assign(row, { status: live.stage, ...(live.cause && { cause: live.cause }), ...(live.nextRetryAt && { nextRetryAt: iso(live.nextRetryAt) }), ...(live.deadlineAt && { deadlineAt: iso(live.deadlineAt) }), ...(live.agentId && { agentId: live.agentId }) });
    }
  }
  const wanted = GROUPS[filter.group ?? 'all'];
  const needle = filter.search?.trim().toLowerCase();
  const out: MessageView[] = [];
  for (const row of [...rows.values()].sort((a, b) => b.at.localeCompare(a.at))) {
    if (out.length >= (filter.limit ?? 200)) break;
    if (filter.accountId && row.accountId !== filter.accountId) continue;
    if (wanted && !wanted.includes(row.status)) continue;
    if (needle && ![row.text, row.sender, row.cause, row.chatName, ...row.replies].some((f) => f?.toLowerCase().includes(needle))) continue;
    out.push(row);
  }
  return out;
}

function fold(rows: Map<string, MessageView>, e: ActivityEntry): void {
  if (e.kind === 'inbound' && e.ownReplyCopy) return linkCopy(rows, e);
  const id = messageKey(e);
  if (!id) return;
  let row = rows.get(id);
  // A stranger's message is logged as a `pairing` entry that carries the decision: still a row.
  if (e.kind === 'inbound' || (e.kind === 'pairing' && e.decision === 'pairing')) {
    if (row) return void row.events?.push({ at: e.at, text: e.detail ?? `${e.decision ?? 'received'} again` });
    const status: MessageStatus = e.decision === 'drop' ? 'dropped' : e.decision === 'pairing' ? 'pairing' : 'received';
    row = { id, accountId: e.accountId, messageId: e.messageId, guid: e.guid, at: e.at, chatId: e.chatId, chatType: e.chatType, ...(e.chatName && { chatName: e.chatName }), ...(e.participants && { participants: e.participants }), sender: e.sender ?? '', text: e.text ?? e.preview ?? '', status, reason: e.reason, replies: [], agentId: e.agentId, steps: e.steps, events: [{ at: e.at, text: decided(e) }] };
    rows.set(id, row);
    return;
  }
  if (!row) return;
  if (e.detail) row.events?.push({ at: e.at, text: e.detail });
  const status = e.outcome ? OUTCOME_STATUS[e.outcome] : e.kind === 'reply' || e.kind === 'command' ? 'sent' : e.kind === 'agent-error' ? 'not-answered' : undefined;
  if (!status) return;
  row.status = status;
  if (e.agentId) row.agentId = e.agentId;
  if (status === 'sent' && e.replies) row.replies = [...e.replies];
  if (status === 'waiting' || status === 'not-answered') Object.assign(row, { cause: e.cause ?? e.detail, nextRetryAt: e.nextRetryAt, deadlineAt: e.deadlineAt });
  if (status === 'received' || status === 'sent') Object.assign(row, { cause: undefined, nextRetryAt: undefined, deadlineAt: undefined });
}

/** The copy of a reply we sent: counted on the newest message of that chat whose reply has this text. */
function linkCopy(rows: Map<string, MessageView>, e: ActivityEntry): void {
  const text = e.text ?? e.preview ?? '';
  const all = [...rows.values()];
  for (let i = all.length - 1; i >= 0; i--) {
    const row = all[i] as MessageView;
    if (row.accountId !== e.accountId || (e.chatId !== undefined && row.chatId !== e.chatId)) continue;
    if (!row.replies.some((r) => r === text || r.replace(/\s+/g, ' ').trim().startsWith(text.replace(/…$/, '')))) continue;
    row.ownCopies = (row.ownCopies ?? 0) + 1;
    row.events?.push({ at: e.at, text: 'the Messages copy of this reply was seen' });
    return;
  }
}

function fromJob(rows: Map<string, MessageView>, job: PendingJob): MessageView {
  const m = job.message;
  const d = job.decision;
  const row: MessageView = {
    id: job.id,
    accountId: job.accountId,
    ...(typeof m.id === 'number' && { messageId: m.id }),
    ...(typeof m.guid === 'string' && m.guid !== '' && { guid: m.guid }),
    at: job.acceptedAt,
    chatId: d.chatId,
    chatType: d.chatType,
    ...(d.chatType === 'group' && typeof m.chat_name === 'string' && m.chat_name !== '' && { chatName: m.chat_name }),
    sender: d.senderId,
    text: typeof m.text === 'string' ? m.text : d.bodyText,
    status: 'received',
    reason: d.reason,
    replies: [],
    agentId: d.agentId,
    steps: d.steps,
    events: [{ at: job.acceptedAt, text: 'accepted for a reply' }],
  };
  rows.set(job.id, row);
  return row;
}

function decided(e: ActivityEntry): string {
  if (e.decision === 'dispatch') return 'received; to be answered';
  return `received; ${e.decision === 'pairing' ? 'pairing' : 'dropped'}${e.reason ? `: ${e.reason}` : ''}`;
}

const iso = (ms: number): string => new Date(ms).toISOString();
