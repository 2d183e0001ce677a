// Config edits from a UI transport pass this guard: a privileged key (core/config/privileged-keys)
// changes only when `decide` allows it. The menu-bar app asks the user in a native dialog; the web
// UI has no trusted place to ask, so it refuses. The CLI's control socket (the owner's shell,
// socket mode 0600) and the config file itself are not guarded.
import type { ContractHandlers } from '../../contract/channels.js';
import { VerbError } from '../../contract/dispatch.js';
import { type PrivilegedKey, privilegedChange, privilegedKey } from '../config/privileged-keys.js';

/** A requested change of a privileged key: `value` is absent for an unset. */
export interface PrivilegedChange {
  readonly key: string;
  readonly unset: boolean;
  readonly value?: unknown;
  readonly privileged: PrivilegedKey;
}

/** Allow (true) or refuse (the message to return) a privileged change. */
export type PrivilegedDecision = (change: PrivilegedChange) => Promise<true | string>;

/**
 * `handlers` with `config:set`/`config:unset` of privileged keys gated by `decide` (refused as
 * `forbidden`). `config` gives the config the edit applies to: a parent key (`agents.list`) is then
 * gated only when a privileged leaf beneath it would change; without it every parent is gated.
 */
export function guardPrivileged(handlers: ContractHandlers, decide: PrivilegedDecision, config?: () => unknown): ContractHandlers {
  const gate = async (key: string, unset: boolean, value?: unknown): Promise<void> => {
    const privileged = config ? privilegedChange({ key, unset, value }, config()) : privilegedKey(key);
    if (!privileged) return;
    const verdict = await decide({ key, unset, privileged, ...(unset ? {} : { value }) });
    if (verdict !== true) throw new VerbError('forbidden', verdict);
  };
  return {
    ...handlers,
    'config:set': async (input) => {
      await gate(input.key, false, input.value);
      return handlers['config:set'](input);
    },
    'config:unset': async (input) => {
      await gate(input.key, true);
      return handlers['config:unset'](input);
    },
  };
}

/** The web UI's decision: never (it names the key and where to change it instead). */
export const refuseFromWeb: PrivilegedDecision = async ({ key, privileged }) =>
  `${key} cannot be changed from the web UI: it sets ${privileged.why}. Change it on the Mac with imsg-companion config set, or in the config file.`;
