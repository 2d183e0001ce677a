// One inbound message: who (and which chat), when, what became of it; expands to the full texts and "Why?".
import { useId } from 'react';
import type { MessageView } from '../../../../electron/contract/views.js';
import { replyKey } from '../../actions/keys.js';
import { retryReply } from '../../actions/message-actions.js';
import { Handle } from '../../components/handle.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { Badge } from '../../components/ui/badge.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { MESSAGE_STATUS } from '../../format/labels.js';
import { formatWhen } from '../../format/time.js';
import { useNow } from '../../hooks/use-now.js';
import { useUiStore } from '../../stores/ui-store.js';
import { DecisionTrace } from '../activity/decision-trace.js';

/** "Family chat", the participants, or "Group chat" when imsg gave neither. */
export function chatLabel(m: MessageView): string | null {
  if (m.chatType !== 'group') return null;
  if (m.chatName) return m.chatName;
  if (m.participants && m.participants.length > 0) return m.participants.join(', ');
  return 'Group chat';
}

/** The badge words, with the reason or cause when it explains the state. */
function badgeText(m: MessageView): string {
  const base = MESSAGE_STATUS[m.status].label;
  const why = m.status === 'dropped' ? m.reason : undefined;
  return why ? `${base} · ${why}` : base;
}

/** A Conversations row; the expanded part holds the full texts and the decision trace. */
export function MessageRow({ message: m }: { readonly message: MessageView }) {
  const now = useNow();
  const id = useId();
  const open = useUiStore((s) => s.expanded[`msg:${m.id}`] ?? false);
  const whyOpen = useUiStore((s) => s.expanded[`why:${m.id}`] ?? false);
  const toggle = useUiStore((s) => s.toggle);
  const status = MESSAGE_STATUS[m.status];
  const chat = chatLabel(m);
  return (
    <li className={`row message message-${m.status}`}>
      <button type="button" className="message-head" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => toggle(`msg:${m.id}`)}>
        <span className="message-who">
          <Handle value={m.sender || 'unknown sender'} className="sender" />
          {chat ? <span className="chat-name"> in {chat}</span> : null}
        </span>
        <span className="message-when">{formatWhen(m.at, now)}</span>
        <Badge tone={status.tone}>{badgeText(m)}</Badge>
        {/* Expanded, the full text is below under "Message": never twice. */}
        {open ? null : <span className="message-text clamp">{m.text || '(no text)'}</span>}
      </button>
      {open ? (
        <div id={`${id}-body`} className="message-body">
          <h3 className="sub-title">Message</h3>
          <p className="full-text message-text">{m.text || '(no text)'}</p>
          {m.replies.length > 0 ? (
            <>
              <h3 className="sub-title">{m.status === 'sent' ? 'Reply sent' : 'Reply (not sent yet)'}</h3>
              {m.replies.map((r, i) => (
                <p key={i} className="full-text reply-text">
                  {r}
                </p>
              ))}
            </>
          ) : null}
          {m.cause && m.status === 'not-answered' ? <p className="callout callout-error">Not answered: {m.cause}</p> : null}
          {m.cause && m.status === 'waiting' ? (
            <p className="callout callout-warning">
              Waiting: {m.cause}
              {m.nextRetryAt ? ` · next try at ${formatWhen(m.nextRetryAt, now)}` : ''}
            </p>
          ) : null}
          {m.status === 'no-reply' && m.reason ? <p className="muted">{m.reason}</p> : null}
          <div className="actions">
            {m.status === 'not-answered' ? (
              <ActionButton pendingKey={replyKey('retry', m.id)} label={`Retry the reply to ${m.sender}`} variant="primary" onClick={() => void retryReply(m.id)}>
                Retry
              </ActionButton>
            ) : null}
            {m.status === 'not-answered' ? (
              <ActionButton pendingKey={replyKey('dismiss', m.id)} label={`Dismiss the message from ${m.sender}`} onClick={() => void retryReply(m.id, 'dismiss')}>
                Dismiss
              </ActionButton>
            ) : null}
            {m.steps && m.steps.length > 0 ? (
              <button type="button" className="btn btn-plain" aria-expanded={whyOpen} aria-controls={`${id}-why`} onClick={() => toggle(`why:${m.id}`)}>
                Why?
              </button>
            ) : null}
          </div>
          <InlineStatus keys={[replyKey('retry', m.id), replyKey('dismiss', m.id)]} />
          {whyOpen ? <DecisionTrace id={`${id}-why`} entry={{ id: m.id, at: m.at, accountId: m.accountId, kind: 'inbound', steps: m.steps }} /> : null}
        </div>
      ) : null}
    </li>
  );
}
