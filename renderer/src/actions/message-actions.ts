// Conversations verbs: Retry and Dismiss of a not-answered message.
import { api } from '../api/current-api.js';
import { useMessagesStore } from '../stores/messages-store.js';
import { useUiStore } from '../stores/ui-store.js';
import { replyKey } from './keys.js';

const ui = () => useUiStore.getState();

/** Ask the agent again (or say why that is not possible), then refresh the rows. */
export async function retryReply(id: string, kind: 'retry' | 'dismiss' = 'retry'): Promise<void> {
  const key = replyKey(kind, id);
  ui().setNotice(key, null);
  const data = await ui().track(key, () => api().call(kind === 'retry' ? 'replies:retry' : 'replies:dismiss', { id }));
  if (data && !data.ok) ui().setNotice(key, { tone: 'error', text: data.reason ?? 'Not possible right now.' });
  if (data?.ok) ui().setNotice(key, { tone: 'ok', text: kind === 'retry' ? 'Asking the agent again…' : 'Dismissed.' });
  await useMessagesStore.getState().load();
}
