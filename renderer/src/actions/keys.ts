// The keys under which each control's call is tracked, shared by the actions and the components.

/** Approve/Deny/Deny & block of one pending request. */
export const pairingKey = (kind: 'approve' | 'deny' | 'block', accountId: string, code: string) => `${kind}:${accountId}:${code}`;
/** Revoke (and its confirm step) of one approved sender. */
export const revokeKey = (accountId: string, sender: string) => `revoke:${accountId}:${sender}`;
/** Approve all (and its confirm step). */
export const APPROVE_ALL_KEY = 'approve-all';
/** Restart or Probe of one account. */
export const accountKey = (kind: 'restart' | 'probe', accountId: string) => `${kind}:${accountId}`;
/** One action button of one permission row. */
export const permissionKey = (accountId: string, id: string, action: string) => `perm:${accountId}:${id}:${action}`;
/** One config edit, by key path. */
export const configKey = (path: string) => `config:${path}`;
/** The start-at-login toggle. */
export const LOGIN_ITEM_KEY = 'login-item';
/** The Open config file button. */
export const REVEAL_CONFIG_KEY = 'reveal-config';
/** The header's Pause/Resume call. */
export const PAUSE_KEY = 'app-pause';
/** Retry (or dismiss) of one not-answered message. */
export const replyKey = (kind: 'retry' | 'dismiss', id: string) => `reply-${kind}:${id}`;
/** Unblock of one blocked sender (also the Undo of a Deny & block). */
export const unblockKey = (accountId: string, sender: string) => `unblock:${accountId}:${sender}`;
/** The guide's "Send a test message to myself". */
export const TEST_SEND_KEY = 'guide-test-send';
/** "Test agent" of one agent (the default one in the guide). */
export const agentTestKey = (agentId: string) => `agent-test:${agentId}`;
/** A guide choice that writes config (agent preset, who may talk). */
export const guideKey = (what: string) => `guide:${what}`;
