// Rules that span several keys of `channels.imessage` (§6), checked on possibly invalid input.
import { isValidAccountId, isValidGroupKey } from './validators.js';

/** One cross-field problem, with its path relative to `channels.imessage`. */
export interface CrossFieldIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** allowFrom entries as the policy sees them (§8): stringified, trimmed, blanks dropped. */
export function normalizeAllowEntries(list: readonly (string | number)[] | undefined): string[] {
  return (list ?? []).map((v) => String(v).trim()).filter((v) => v !== '');
}

function allowList(value: unknown): (string | number)[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
}

/** The dmPolicy/allowFrom rules for one scope; `account` is set for `accounts.<id>` entries. */
function policyIssues(policy: unknown, allowFrom: unknown, account?: string): CrossFieldIssue[] {
  const entries = normalizeAllowEntries(allowList(allowFrom));
  const path = account === undefined ? ['allowFrom'] : ['accounts', account, 'allowFrom'];
  const scope = account === undefined ? 'channels.imessage' : 'channels.imessage.accounts.*';
  const fallback = account === undefined ? '' : ' (or channels.imessage.allowFrom)';
  if (policy === 'open' && !entries.includes('*')) {
    return [{ path, message: `${scope}.dmPolicy="open" requires ${scope}.allowFrom${fallback} to include "*"` }];
  }
  if (policy === 'allowlist' && entries.length === 0) {
    return [{ path, message: `${scope}.dmPolicy="allowlist" requires ${scope}.allowFrom${fallback} to contain at least one sender ID` }];
  }
  return [];
}

function groupKeyIssues(groups: unknown, prefix: readonly string[]): CrossFieldIssue[] {
  if (!isRecord(groups)) return [];
  return Object.keys(groups)
    .filter((key) => !isValidGroupKey(key))
    .map((key) => ({ path: [...prefix, 'groups', key], message: 'expected a numeric chat_id or "*" as the group key' }));
}

/** Every cross-field problem of a `channels.imessage` value (ignores parts that fail their own schema). */
export function imessageCrossFieldIssues(channel: unknown): CrossFieldIssue[] {
  if (!isRecord(channel)) return [];
  // The schema's dmPolicy default is "pairing", which has no allowFrom requirement.
  const issues = [...policyIssues(channel.dmPolicy, channel.allowFrom), ...groupKeyIssues(channel.groups, [])];
  const accounts = isRecord(channel.accounts) ? channel.accounts : {};
  const seen = new Map<string, string>();
  for (const [id, account] of Object.entries(accounts)) {
    if (!isValidAccountId(id)) {
      issues.push({ path: ['accounts', id], message: 'expected an account id of letters, digits, "-" or "_" (at most 64)' });
    }
    const lower = id.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) issues.push({ path: ['accounts', id], message: `duplicate account id: "${first}" differs only in case` });
    else seen.set(lower, id);
    if (!isRecord(account)) continue;
    const policy = account.dmPolicy ?? channel.dmPolicy;
    issues.push(...policyIssues(policy, account.allowFrom ?? channel.allowFrom, id), ...groupKeyIssues(account.groups, ['accounts', id]));
  }
  const def = channel.defaultAccount;
  if (typeof def === 'string' && seen.size > 0 && !seen.has(def.trim().toLowerCase())) {
    issues.push({ path: ['defaultAccount'], message: `no account "${def}" in channels.imessage.accounts (have: ${[...seen.values()].join(', ')})` });
  }
  return issues;
}
