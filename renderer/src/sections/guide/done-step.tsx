// Guide step 6: "Text this Mac from your phone", with the latest message and what became of it, live.
import { useEffect } from 'react';
import { Badge } from '../../components/ui/badge.js';
import { Handle } from '../../components/handle.js';
import { MESSAGE_STATUS } from '../../format/labels.js';
import { useMessagesStore } from '../../stores/messages-store.js';
import { GuideStep } from './guide-step.js';

/** Step 6: the newest conversation row, refreshed as activity arrives. */
export function DoneStep({ ready }: { readonly ready: boolean }) {
  const latest = useMessagesStore((s) => s.messages[0]);
  const load = useMessagesStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  const answered = latest?.status === 'sent';
  return (
    <GuideStep n={6} title="Text this Mac from your phone" state={answered ? 'done' : 'todo'}>
      <p className="row-summary">
        {ready ? 'Send any message to this Mac’s iMessage address from another phone. The result shows here as soon as it arrives.' : 'Finish the steps above first.'}
      </p>
      <div aria-live="polite" className="live-result">
        {latest ? (
          <div className="row">
            <p>
              Latest: <Handle value={latest.sender || 'unknown'} /> wrote “{latest.text}”
            </p>
            <Badge tone={MESSAGE_STATUS[latest.status].tone}>{MESSAGE_STATUS[latest.status].label}</Badge>
            {latest.replies.length > 0 ? <p className="reply-text">Reply: “{latest.replies.join(' ')}”</p> : null}
            {answered ? <p className="saved">✓ It works. You can close this guide.</p> : null}
          </div>
        ) : (
          <p className="muted">Waiting for a message…</p>
        )}
      </div>
    </GuideStep>
  );
}
