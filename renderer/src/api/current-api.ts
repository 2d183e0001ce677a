// The API the stores' actions use, set once at bootstrap (and by each test).
import type { CompanionApi } from './types.js';

let current: CompanionApi | null = null;

/** Install the transport the actions will call. */
export function setApi(api: CompanionApi | null): void {
  current = api;
}

/** The installed transport; calling a verb before bootstrap is a programming error. */
export function api(): CompanionApi {
  if (!current) throw new Error('imsg Companion API is not installed yet');
  return current;
}
