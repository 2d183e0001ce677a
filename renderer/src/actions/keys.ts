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
