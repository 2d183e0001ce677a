// The Conversations section: one row per inbound message (never our own copies), filters, search.
import { useEffect } from 'react';
import { Empty, LoadError, Loading } from '../../components/ui/section-states.js';
import { useMessagesStore } from '../../stores/messages-store.js';
import { MessageFilter } from './message-filter.js';
import { MessageRow } from './message-row.js';

/** The Conversations panel. */
export function ConversationsSection() {
  const { messages, status, error, filter, search, load } = useMessagesStore();
  useEffect(() => {
    void load();
  }, [load]);
  let body;
  if (status === 'error' && messages.length === 0) body = <LoadError what="conversations" message={error ?? ''} onRetry={() => void load()} />;
  else if ((status === 'loading' || status === 'idle') && messages.length === 0) body = <Loading what="conversations" />;
  else if (messages.length === 0)
    body =
      filter === 'all' && search.trim() === '' ? (
        <Empty title="No messages yet">Every message someone sends you shows up here with what the assistant did about it.</Empty>
      ) : (
        <Empty title="Nothing matches" />
      );
  else
    body = (
      <ul className="rows message-list" aria-label="Conversations">
        {messages.map((m) => (
          <MessageRow key={m.id} message={m} />
        ))}
      </ul>
    );
  return (
    <>
      <MessageFilter />
      {body}
    </>
  );
}
