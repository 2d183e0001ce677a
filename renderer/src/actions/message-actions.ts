// Conversations verbs: Retry and Dismiss of a not-answered message (the reply engine's replies:retry/dismiss).
import { api } from '../api/current-api.js';
import { useMessagesStore } from '../stores/messages-store.js';
import { useUiStore } from '../stores/ui-store.js';
import { replyKey } from './keys.js';

const ui = () => useUiStore.getState();

/** Ask the agent again, or dismiss the message; a refusal shows the engine's reason. Then refresh the rows. */
export async function retryReply(id: string, kind: 'retry' | 'dismiss' = 'retry'): Promise<void> {
  const key = replyKey(kind, id);
  ui().setNotice(key, null);
  if (kind === 'retry') {
    const data = await ui().track(key, () => api().call('replies:retry', { id }));
    if (data) ui().setNotice(key, { tone: 'ok', text: 'Asking the agent again…' });
  } else {
    const data = await ui().track(key, () => api().call('replies:dismiss', { id }));
    if (data) ui().setNotice(key, data.dismissed ? { tone: 'ok', text: 'Dismissed.' } : { tone: 'error', text: 'Nothing to dismiss: it was answered or dismissed already.' });
  }
  await useMessagesStore.getState().load();
}
