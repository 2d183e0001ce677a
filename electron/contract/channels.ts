// The one IPC contract: every verb (request → result) and event (pushed) with its schemas.
// Electron IPC, the CLI's control socket and the web transport all derive from these maps.
import { z } from 'zod';
import { LoginItemViewSchema, PermissionViewSchema, SettingsPaneSchema } from './permissions.js';
import { ActivityEntrySchema, ApprovedSenderSchema, ConfigIssueSchema, MessageFilterSchema, MessageViewSchema, PairingRequestViewSchema, SettingsViewSchema, SnapshotSchema } from './views.js';

const AccountRef = z.object({ accountId: z.string().min(1) }).strict();

/** Request/response verbs: name → input and output schemas. */
export const VERBS = {
  'status:get': { input: z.object({}).strict(), output: SnapshotSchema },
  'pairing:approve': { input: z.object({ code: z.string().min(1).max(64), accountId: z.string().optional() }).strict(), output: z.object({ approved: PairingRequestViewSchema }) },
  'pairing:deny': { input: z.object({ code: z.string().min(1).max(64), block: z.boolean().optional() }).strict(), output: z.object({ denied: PairingRequestViewSchema }) },
  'pairing:revoke': { input: z.object({ handle: z.string().min(1).max(320), accountId: z.string().optional() }).strict(), output: z.object({ revoked: z.boolean() }) },
  'pairing:approved': { input: z.object({}).strict(), output: z.object({ approved: z.array(ApprovedSenderSchema) }) },
  'account:restart': { input: AccountRef, output: z.object({ ok: z.literal(true) }) },
  'account:probe': { input: AccountRef, output: z.object({ ok: z.boolean(), fatal: z.boolean(), binaryPath: z.string().optional(), version: z.string().optional(), rpcSupported: z.boolean().optional(), error: z.string().optional(), durationMs: z.number() }) },
  'activity:list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).optional(), accountId: z.string().optional(), decision: z.enum(['dispatch', 'drop', 'pairing']).optional() }).strict(),
    output: z.object({ entries: z.array(ActivityEntrySchema) }),
  },
  send: {
    input: z.object({ to: z.string().min(1).max(512), accountId: z.string().optional(), text: z.string().max(100_000).optional(), file: z.string().max(4096).optional() }).strict(),
    output: z.object({ accountId: z.string(), sent: z.array(z.object({ messageId: z.string(), params: z.record(z.string(), z.unknown()) })) }),
  },
  'config:set': { input: z.object({ key: z.string().min(1).max(512), value: z.unknown() }).strict(), output: z.object({ ok: z.boolean(), issues: z.array(ConfigIssueSchema) }) },
  'config:unset': { input: z.object({ key: z.string().min(1).max(512) }).strict(), output: z.object({ ok: z.boolean(), issues: z.array(ConfigIssueSchema) }) },
  'app:pause': { input: z.object({ paused: z.boolean() }).strict(), output: z.object({ paused: z.boolean() }) },
  /** Quit (gracefully) and start again: macOS applies a new Full Disk Access grant only to a new process. */
  'app:relaunch': { input: z.object({}).strict(), output: z.object({ relaunching: z.boolean(), reason: z.string().optional() }) },
  'pairing:approve-all': { input: z.object({ accountId: z.string().optional() }).strict(), output: z.object({ approved: z.array(PairingRequestViewSchema) }) },
  /** Re-run the permission checks now (never prompts: Automation is only probed on request). */
  'permissions:check': { input: z.object({ accountId: z.string().optional() }).strict(), output: z.object({ permissions: z.array(PermissionViewSchema) }) },
  /** The user clicked "Request access": run the harmless Apple event to Messages (may prompt). */
  'permissions:request-automation': { input: AccountRef, output: z.object({ permission: PermissionViewSchema }) },
  'shell:open-settings': { input: z.object({ pane: SettingsPaneSchema }).strict(), output: z.object({ opened: z.boolean(), url: z.string(), reason: z.string().optional() }) },
  'shell:reveal': { input: z.object({ target: z.enum(['app', 'imsg', 'config', 'state-dir']), accountId: z.string().optional() }).strict(), output: z.object({ opened: z.boolean(), path: z.string(), reason: z.string().optional() }) },
  'shell:open-messages': { input: z.object({}).strict(), output: z.object({ opened: z.boolean(), reason: z.string().optional() }) },
  'settings:get': { input: z.object({}).strict(), output: SettingsViewSchema },
  /** One row per inbound message with its reply lifecycle, newest first. */
  'messages:list': { input: MessageFilterSchema, output: z.object({ messages: z.array(MessageViewSchema) }) },
  /** Ask again for a message that was not answered (its deadline starts over). */
  'replies:retry': { input: z.object({ id: z.string().min(1).max(1024) }).strict(), output: z.object({ message: MessageViewSchema }) },
  /** Forget a message that was not answered. */
  'replies:dismiss': { input: z.object({ id: z.string().min(1).max(1024) }).strict(), output: z.object({ dismissed: z.boolean() }) },
  'app:login-item': { input: z.object({ enabled: z.boolean().optional() }).strict(), output: LoginItemViewSchema },
  /** Close an ACP binding's session (its agent process ends); a binding made in chat is removed, a config one stays. */
  'bindings:close': { input: z.object({ id: z.string().min(1).max(600) }).strict(), output: z.object({ id: z.string(), source: z.enum(['config', 'chat']), removed: z.boolean() }) },
  /** Show the process log file in Finder (app: ~/Library/Logs/imsg Companion/main.log; serve: <state dir>/logs/serve.log). */
  'app:reveal-logs': { input: z.object({}).strict(), output: z.object({ opened: z.boolean(), path: z.string(), reason: z.string().optional() }) },
  /** Lift a block (Deny & block's Undo, the Blocked list's Unblock). */
  'pairing:unblock': { input: z.object({ sender: z.string().min(1).max(320), accountId: z.string().optional() }).strict(), output: z.object({ unblocked: z.boolean() }) },
  /** Ask an agent a short test question and show its answer (first-run guide, Settings). */
  'agents:test': { input: z.object({ agentId: z.string().max(128).optional() }).strict(), output: z.object({ ok: z.boolean(), reply: z.string().optional(), error: z.string().optional(), durationMs: z.number() }) },
  /** Store an API key or webhook secret by name (the value is never returned, logged or in a snapshot). */
  'secret:set': { input: z.object({ name: z.string().min(1).max(64), value: z.string().min(1).max(16_384) }).strict(), output: z.object({ name: z.string() }) },
  /** The names in the secret store (never values). */
  'secret:list': { input: z.object({}).strict(), output: z.object({ names: z.array(z.string()) }) },
  /** Choose an account's imsg program in a native file dialog and write its cliPath (the Mac app only: elsewhere `unavailable`, saying how to change it). */
  'account:pick-cli-path': { input: AccountRef, output: z.object({ canceled: z.boolean(), cliPath: z.string().optional(), ok: z.boolean(), issues: z.array(ConfigIssueSchema) }) },
} as const;

/** Pushed events: name → payload schema. */
export const EVENTS = {
  snapshot: SnapshotSchema,
  activity: ActivityEntrySchema,
  'pairing:new': PairingRequestViewSchema,
  /** Main asks the UI to show a section (a notification or menu item was clicked). */
  'ui:navigate': z.object({ section: z.enum(['permissions', 'pairing', 'accounts', 'activity', 'settings']) }),
} as const;

/** A verb name. */
export type VerbName = keyof typeof VERBS;
/** A verb's input type. */
export type VerbInput<V extends VerbName> = z.infer<(typeof VERBS)[V]['input']>;
/** A verb's result type. */
export type VerbOutput<V extends VerbName> = z.infer<(typeof VERBS)[V]['output']>;
/** An event name. */
export type EventName = keyof typeof EVENTS;
/** An event's payload type. */
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;

/** Results never throw across a transport: errors carry a code and a message (Electron drops custom error fields). */
export type VerbResult<T> = { ok: true; data: T } | { ok: false; error: { code: VerbErrorCode; message: string } };

/** Error codes a transport can return. */
export type VerbErrorCode = 'invalid-input' | 'not-found' | 'unavailable' | 'failed' | 'unknown-verb' | 'forbidden';

/** The server side of the contract: one async function per verb. */
export type ContractHandlers = { [V in VerbName]: (input: VerbInput<V>) => Promise<VerbOutput<V>> };

/** True when `name` is a verb of the contract (transport input is untrusted). */
export function isVerbName(name: unknown): name is VerbName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(VERBS, name);
}
