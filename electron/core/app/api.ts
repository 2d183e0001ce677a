// The contract's verbs implemented over a Companion: what every transport calls.
import type { ContractHandlers } from '../../contract/channels.js';
import { VerbError } from '../../contract/dispatch.js';
import { planSend } from '../delivery/send-plan.js';
import { acpHandlers } from '../acp/api-handlers.js';
import { probeImsg } from '../imsg/probe.js';
import { resolveAccount } from '../config/accounts.js';
import type { Companion } from './companion.js';
import { platformHandlers } from './api-platform.js';
import { uiHandlers } from './api-ui.js';
import { secretHandlers } from './api-secrets.js';
import { performSends } from '../replies/outbound.js';
import { dismissReply, listMessages, ReplyControlError, retryReply } from '../replies/reply-control.js';

/** Build the verb handlers for `app`. */
export function companionHandlers(app: Companion): ContractHandlers {
  const account = (accountId?: string) => {
    try {
      return resolveAccount(app.configStore.current, accountId);
    } catch (err) {
      throw new VerbError('not-found', (err as Error).message);
    }
  };
  return {
    ...acpHandlers(app.acp, () => app.configStore.current),
    ...uiHandlers(app),
    ...secretHandlers(app.secrets, () => app.changed()),
    ...platformHandlers({ permissions: app.permissions, platform: app.platform, configPath: app.configPath, stateDir: app.stateDir, accounts: () => app.accounts(), config: () => app.configStore.current, env: app.env }),
    'status:get': () => app.snapshot(),
    'pairing:approve': async ({ code, accountId }) => {
      const approved = await app.pairing.approve(code, accountId);
      if (!approved) throw new VerbError('not-found', `No pending pairing request found for code: ${code}`);
      await app.activity.append({ accountId: approved.accountId, kind: 'pairing', sender: approved.meta.sender ?? approved.id, detail: `approved ${approved.id} (code ${approved.code})` });
      app.changed();
      return { approved };
    },
    'pairing:deny': async ({ code, block }) => {
      const denied = await app.pairing.deny(code, { block });
      if (!denied) throw new VerbError('not-found', `No pending pairing request found for code: ${code}`);
      await app.activity.append({ accountId: denied.accountId, kind: 'pairing', sender: denied.meta.sender ?? denied.id, detail: `${block ? 'denied and blocked' : 'denied'} ${denied.id}` });
      app.changed();
      return { denied };
    },
    'pairing:revoke': async ({ handle, accountId }) => {
      const revoked = await app.pairing.revoke(handle, accountId);
      if (revoked) await app.activity.append({ accountId: accountId ?? '-', kind: 'pairing', sender: handle, detail: `revoked ${handle}` });
      app.changed();
      return { revoked };
    },
    'pairing:approved': async () => ({ approved: await app.pairing.listApproved() }),
    'pairing:approve-all': async ({ accountId }) => {
      const approved = [];
      for (const request of await app.pairing.listPending(accountId)) {
        const done = await app.pairing.approve(request.code, request.accountId);
        if (!done) continue; // expired or handled elsewhere in the meantime
        approved.push(done);
        await app.activity.append({ accountId: done.accountId, kind: 'pairing', sender: done.meta.sender ?? done.id, detail: `approved ${done.id} (code ${done.code}, approve all)` });
      }
      app.changed();
      return { approved };
    },
    'account:restart': async ({ accountId }) => {
      const runtime = app.runtime(accountId);
      if (!runtime) throw new VerbError('not-found', `account ${accountId} is not running (disabled, paused or unknown)`);
      runtime.supervisor.retry();
      return { ok: true as const };
    },
    'account:probe': async ({ accountId }) => {
      const a = account(accountId);
      const probe = await probeImsg({ cliPath: a.cliPath, dbPath: a.dbPath, timeoutMs: a.probeTimeoutMs });
      return { ok: probe.ok, fatal: probe.fatal, binaryPath: probe.binaryPath, version: probe.version, rpcSupported: probe.rpcSupported, error: probe.error, durationMs: probe.durationMs };
    },
    'activity:list': async (filter) => ({ entries: app.activity.list(filter) }),
    send: async ({ to, accountId, text, file }) => {
      const a = account(accountId);
      const runtime = app.runtime(a.accountId);
      if (!runtime) throw new VerbError('unavailable', app.setup().needed ? `not set up (${app.setup().reason}): nothing is sent; run imsg-companion init` : `account ${a.accountId} is not running`);
      let requests;
      try {
        requests = planSend({ target: to, text, file, account: a });
      } catch (err) {
        throw new VerbError('invalid-input', (err as Error).message);
      }
      const sent = await performSends({ supervisor: runtime.supervisor, account: a, requests: requests.map((r) => r.params), waitMs: 30_000 });
      await app.activity.append({ accountId: a.accountId, kind: 'send', detail: `${sent.length} message(s) sent to ${to}`, preview: text?.slice(0, 160) });
      return { accountId: a.accountId, sent };
    },
    'config:set': async ({ key, value }) => {
      const result = await app.configStore.set(key, value);
      if (result.ok) await app.reload();
      return { ok: result.ok, issues: result.ok ? [] : result.issues };
    },
    'config:unset': async ({ key }) => {
      const result = await app.configStore.unset(key);
      if (result.ok) await app.reload();
      return { ok: result.ok, issues: result.ok ? [] : result.issues };
    },
    'messages:list': async (filter) => ({ messages: listMessages(app.replyDeps(), filter) }),
    'replies:retry': async ({ id }) => ({ message: await replyVerb(() => retryReply(app.replyDeps(), id)) }),
    'replies:dismiss': async ({ id }) => ({ dismissed: await replyVerb(() => dismissReply(app.replyDeps(), id)) }),
    'app:pause': async ({ paused }) => {
      await app.setPaused(paused);
      return { paused: app.paused };
    },
  };
}

/** Run a reply verb, its refusals as transport errors with their code. */
async function replyVerb<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ReplyControlError) throw new VerbError(err.code, err.message);
    throw err;
  }
}
