// App-wide verbs: pausing and resuming all answering from the header.
import { api } from '../api/current-api.js';
import { useUiStore } from '../stores/ui-store.js';
import { PAUSE_KEY } from './keys.js';

/** Pause (stop every account's imsg; nothing is answered) or resume answering. */
export async function setPaused(paused: boolean): Promise<void> {
  await useUiStore.getState().track(PAUSE_KEY, () => api().call('app:pause', { paused }));
}
