// Shared pieces of the Permissions rows: the context every row needs and the common wordings.
import type { PermissionView } from '../../contract/permissions.js';
import type { Grantee } from './grantee.js';

/** What every row builder gets. */
export interface RowContext {
  readonly accountId: string;
  readonly grantee: Grantee;
  readonly mode: 'app' | 'dev' | 'headless';
  /** The OS name ("macOS", "Linux"). */
  readonly os: string;
  readonly macos: boolean;
  /** Set for SSH-wrapped accounts. */
  readonly remoteHost?: string;
  /** ISO time of this check. */
  readonly checkedAt: string;
}

/** The four rows' titles. */
export const TITLES: Readonly<Record<PermissionView['id'], string>> = {
  'full-disk-access': 'Full Disk Access',
  automation: 'Automation (Messages)',
  'imsg-binary': 'imsg program',
  'chat-db': 'Messages database',
};

/** A row with the context filled in. */
export function makeRow(ctx: RowContext, id: PermissionView['id'], fields: Omit<PermissionView, 'id' | 'accountId' | 'title' | 'checkedAt'> & { checkedAt?: string }): PermissionView {
  const { checkedAt, ...rest } = fields;
  const row: PermissionView = { id, accountId: ctx.accountId, title: TITLES[id], ...rest, checkedAt: checkedAt ?? ctx.checkedAt };
  if (row.detail === undefined) delete row.detail;
  if (row.grantee === undefined) delete row.grantee;
  if (row.settingsPane === undefined) delete row.settingsPane;
  return row;
}

/** FDA and Automation off macOS: nothing to grant, nothing to click. */
export function notApplicableRow(ctx: RowContext, id: 'full-disk-access' | 'automation'): PermissionView {
  return makeRow(ctx, id, {
    status: 'not-applicable',
    summary: `This computer runs ${ctx.os}; macOS privacy permissions only exist on a Mac. The demo uses the imsg simulator, which needs none.`,
    steps: [],
    actions: [],
  });
}

/** The last step after changing Full Disk Access: it only takes effect in a new process. */
export function reopenStep(ctx: RowContext): string {
  const g = ctx.grantee;
  if (g.kind === 'app') return `Quit and reopen ${g.name}.`;
  if (g.kind === 'launcher') return `Quit and reopen ${g.name}, then start imsg Companion again.`;
  return 'Restart imsg Companion.';
}

/** The Remote Login switch that gives SSH sessions Full Disk Access, as steps on `where`. */
export function remoteLoginSteps(where: string): string[] {
  return [`${where}, open System Settings → General → Sharing.`, 'Click ⓘ next to Remote Login.', 'Turn on "Allow full disk access for remote users".'];
}

/** Show a Finder button only when the grantee is a file on this Mac (our app or executable). */
export function revealAction(ctx: RowContext): Array<'reveal-app'> {
  return ctx.grantee.kind === 'app' || ctx.grantee.kind === 'executable' ? ['reveal-app'] : [];
}
