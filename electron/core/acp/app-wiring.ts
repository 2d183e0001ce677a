// The ACP runtime inside the companion: interim chat lines go out through the account's normal
// send path (sanitizer, chunker, echo cache), runtime events land in the activity log.
import type { ActivityLog } from '../app/activity-log.js';
import type { AccountRuntime } from '../app/account-runtime.js';
import { prepareReply } from '../delivery/prepare-reply.js';
import { AcpManager } from './acp-manager.js';
import type { AcpTiming } from './session-host.js';

/** What the companion hands the ACP runtime. */
export interface AcpAppPorts {
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly activity: ActivityLog;
  runtime(accountId: string): AccountRuntime | undefined;
  changed(): void;
}

/** The companion's ACP manager. */
export function createAcpManager(app: AcpAppPorts, timing?: Partial<AcpTiming>): AcpManager {
  return new AcpManager({
    stateDir: app.stateDir,
    env: app.env,
    timing,
    changed: () => app.changed(),
    log: (accountId, detail, kind = 'system') => void app.activity.append({ accountId, kind, detail }).catch(() => undefined),
    chat: {
      send: async (target, text) => {
        const rt = app.runtime(target.accountId);
        if (!rt) throw new Error(`account ${target.accountId} is not running`);
        const chunks = prepareReply(text, { account: rt.account });
        if (chunks.length > 0) await rt.send(target.to, chunks, { isGroup: target.isGroup, chatId: target.chatId, sender: target.sender });
      },
    },
  });
}
