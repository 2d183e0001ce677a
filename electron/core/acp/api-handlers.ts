// The `bindings:close` verb: close an ACP binding's session (and remove it when made in chat).
import type { ContractHandlers } from '../../contract/channels.js';
import { VerbError } from '../../contract/dispatch.js';
import type { AppConfig } from '../config/schema.js';
import type { AcpManager } from './acp-manager.js';
import { acpSessionViews } from './session-views.js';

/** Handlers of the ACP verbs over the app's manager and config. */
export function acpHandlers(acp: AcpManager, config: () => AppConfig): Pick<ContractHandlers, 'bindings:close'> {
  return {
    'bindings:close': async ({ id }) => {
      const view = acpSessionViews(acp, config()).find((v) => v.id === id);
      if (!view) throw new VerbError('not-found', `no ACP binding or session with id ${id} (see imsg-companion bindings list)`);
      const { removed } = await acp.close(id);
      return { id, source: view.source, removed };
    },
  };
}
