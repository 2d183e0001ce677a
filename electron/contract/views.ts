// Data shapes that cross a transport (Electron IPC, control socket, web): zod schemas + types.
import { z } from 'zod';
import { PermissionViewSchema, PlatformViewSchema } from './permissions.js';

/** A classified imsg failure, in words the UI can show. */
export const CauseSchema = z.object({
  kind: z.string(),
  summary: z.string(),
  fix: z.string().optional(),
  detail: z.string().optional(),
});

/** Measured health of one account (see electron/core/imsg/health.ts). */
export const AccountHealthSchema = z.object({
  accountId: z.string(),
  state: z.enum(['stopped', 'starting', 'ready', 'watching', 'backoff', 'fatal']),
  healthy: z.boolean(),
  pid: z.number().int().optional(),
  imsgVersion: z.string().optional(),
  protocol: z.enum(['legacy', 'v1']).optional(),
  restarts: z.number().int(),
  attempt: z.number().int(),
  nextRestartAt: z.string().optional(),
  runStartedAt: z.string().optional(),
  lastError: z.object({ message: z.string(), cause: CauseSchema, at: z.string() }).optional(),
  lastRequestOkAt: z.string().optional(),
  lastMessageAt: z.string().optional(),
  cursor: z.number().int().nullable(),
  subscription: z.number().int().optional(),
  queued: z.number().int(),
  /** Inbound payloads that could not be used (no or a bad id, wrong-typed fields, too deep). */
  invalidPayloads: z.number().int().optional(),
  /** Lines from imsg that were not valid protocol (not JSON, too long, unknown response ids). */
  protocolErrors: z.number().int().optional(),
  /** The last error once the account was watching again ("last problem, recovered at …"). */
  lastProblem: z.object({ message: z.string(), at: z.string(), recoveredAt: z.string().optional() }).optional(),
});

/** One configured account as the UI and `status` show it. */
export const AccountViewSchema = z.object({
  accountId: z.string(),
  enabled: z.boolean(),
  paused: z.boolean(),
  cliPath: z.string(),
  dbPath: z.string().optional(),
  remoteHost: z.string().optional(),
  health: AccountHealthSchema,
  pendingPairings: z.number().int(),
});

/** A pending pairing request. */
export const PairingRequestViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  accountId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastSeenAt: z.string(),
  meta: z.record(z.string(), z.string()),
  firstText: z.string().optional(),
  chatType: z.string().optional(),
  chatName: z.string().optional(),
  contactName: z.string().optional(),
});

/** A stranger who wrote while the pending cap was reached: gets a code when a slot frees. */
export const WaitingSenderViewSchema = z.object({ accountId: z.string(), sender: z.string(), firstSeenAt: z.string(), lastSeenAt: z.string(), count: z.number().int(), text: z.string().optional() });

/** A sender approved through pairing. */
export const ApprovedSenderSchema = z.object({ accountId: z.string(), sender: z.string() });

/** One step of a decision trace. */
export const TraceStepSchema = z.object({
  step: z.string(),
  outcome: z.enum(['pass', 'drop', 'pairing', 'info']),
  detail: z.string(),
});

/** One line of the activity log: every decision, reply, error and system event. */
export const ActivityEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  accountId: z.string(),
  kind: z.enum(['inbound', 'reply', 'pairing', 'agent-error', 'command', 'send', 'system']),
  decision: z.enum(['dispatch', 'drop', 'pairing']).optional(),
  reason: z.string().nullable().optional(),
  messageId: z.number().int().optional(),
  guid: z.string().optional(),
  chatId: z.number().int().optional(),
  chatType: z.enum(['direct', 'group']).optional(),
  sender: z.string().optional(),
  preview: z.string().optional(),
  sessionKey: z.string().nullable().optional(),
  agentId: z.string().nullable().optional(),
  steps: z.array(TraceStepSchema).optional(),
  detail: z.string().optional(),
  /** A `from me` drop that is only the Messages copy of a reply the assistant sent. */
  ownReplyCopy: z.boolean().optional(),
  /** Where the reply to an inbound message stands (kind `reply`/`agent-error`): only `sent` means delivered. */
  outcome: z.enum(['waiting', 'sent', 'not-answered', 'no-reply', 'retrying', 'dismissed']).optional(),
  /** The full texts sent (outcome `sent`). */
  replies: z.array(z.string()).optional(),
  /** The full inbound text (kind `inbound`; `preview` is cut). */
  text: z.string().optional(),
  /** A group's name and members (kind `inbound`, groups only). */
  chatName: z.string().optional(),
  participants: z.array(z.string()).optional(),
  /** Why the reply waits or was not answered. */
  cause: z.string().optional(),
  nextRetryAt: z.string().optional(),
  deadlineAt: z.string().optional(),
});

/** Measured health of one agent (`unknown`: never used nor probed; `unavailable`: cannot run here). */
export const AgentHealthViewSchema = z.object({
  state: z.enum(['ok', 'failing', 'unknown', 'unavailable']),
  cause: z.string().optional(),
  since: z.string().optional(),
  nextRetryAt: z.string().optional(),
  /** Replies waiting for this agent. */
  waiting: z.number().int(),
  checkedAt: z.string().optional(),
});

/** Where the reply to one inbound message stands; only `sent` is "answered". */
export const MessageStatusSchema = z.enum(['received', 'waiting', 'asking', 'sending', 'sent', 'not-answered', 'no-reply', 'dismissed', 'dropped', 'pairing']);

/** One inbound message and everything that happened to it (the conversations/activity row). */
export const MessageViewSchema = z.object({
  /** The reply job id (`<accountId>:<guid or rowid>`): what `replies:retry` and `replies:dismiss` take. */
  id: z.string(),
  accountId: z.string(),
  messageId: z.number().int().optional(),
  guid: z.string().optional(),
  at: z.string(),
  chatId: z.number().int().optional(),
  chatType: z.enum(['direct', 'group']).optional(),
  chatName: z.string().optional(),
  participants: z.array(z.string()).optional(),
  sender: z.string(),
  text: z.string(),
  status: MessageStatusSchema,
  /** The decision's reason (dropped, pairing). */
  reason: z.string().nullable().optional(),
  /** Why it waits or was not answered. */
  cause: z.string().optional(),
  /** Full texts of the reply sent (or recorded before the send). */
  replies: z.array(z.string()),
  nextRetryAt: z.string().optional(),
  deadlineAt: z.string().optional(),
  agentId: z.string().nullable().optional(),
  steps: z.array(TraceStepSchema).optional(),
  /** The Messages copies of our reply seen by the watch (linked here, not shown as rows). */
  ownCopies: z.number().int().optional(),
  /** What happened, oldest first: one line per lifecycle event. */
  events: z.array(z.object({ at: z.string(), text: z.string() })).optional(),
});

/** Filters of `messages:list`: a status group, a text search, a limit. */
export const MessageFilterSchema = z
  .object({
    group: z.enum(['all', 'in-progress', 'attention', 'sent', 'not-answered', 'no-reply', 'skipped']).optional(),
    search: z.string().max(200).optional(),
    accountId: z.string().optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** A config problem with its key path. */
export const ConfigIssueSchema = z.object({ path: z.string(), message: z.string() });

/** One ACP conversation binding and its session (config `bindings[]` of type "acp" or made with `/acp spawn`). */
export const AcpSessionViewSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  /** The bound conversation: a handle, or `chat_id:`/`chat_guid:`/`chat_identifier:`. */
  conversation: z.string(),
  chatName: z.string().optional(),
  agentId: z.string(),
  label: z.string().optional(),
  source: z.enum(['config', 'chat']),
  state: z.enum(['idle', 'running', 'starting', 'error', 'closed']),
  sessionId: z.string().optional(),
  since: z.string(),
  lastActivityAt: z.string().optional(),
  error: z.string().optional(),
});

/** The whole state the UI renders, pushed on every change. */
export const SnapshotSchema = z.object({
  version: z.string(),
  startedAt: z.string(),
  paused: z.boolean(),
  overall: z.object({ level: z.enum(['ok', 'warning', 'error', 'idle', 'setup']), text: z.string() }),
  accounts: z.array(AccountViewSchema),
  pairing: z.object({
    pending: z.array(PairingRequestViewSchema),
    approved: z.array(ApprovedSenderSchema),
    problem: z.string().optional(),
    waiting: z.array(WaitingSenderViewSchema).optional(),
    blocked: z.array(ApprovedSenderSchema).optional(),
  }),
  agents: z.object({
    list: z.array(z.object({ agentId: z.string(), name: z.string().optional(), type: z.string(), default: z.boolean(), health: AgentHealthViewSchema.optional() })),
    problem: z.string().optional(),
  }),
  /** Replies waiting (agent failing, imsg restarting) and messages not answered (Retry or dismiss them). */
  replies: z.object({ waiting: z.number().int(), notAnswered: z.number().int() }).optional(),
  config: z.object({ path: z.string(), ok: z.boolean(), issues: z.array(ConfigIssueSchema), warnings: z.array(ConfigIssueSchema).optional() }),
  permissions: z.array(PermissionViewSchema),
  platform: PlatformViewSchema,
  /** ACP bindings and their sessions. */
  acp: z.object({ sessions: z.array(AcpSessionViewSchema) }).optional(),
  /** Setup mode (no config, or none valid yet): no account runs; the tray shows its first-run screen. */
  setup: z.object({ needed: z.boolean(), reason: z.string(), configPath: z.string() }).optional(),
  /** State files that cannot be read or written right now (full disk, corrupt pairing file, …). */
  storage: z.object({ problems: z.array(z.object({ file: z.string(), message: z.string(), since: z.string() })) }).optional(),
  /** Quiet hours (`notifications.quietHours`, the core's local time): while `quiet`, no macOS or browser notification is shown. */
  // quietSince: when the current (or the last) window began, on the core's clock: the summary at its
  // end counts the requests created since, even those a restarted app or a reloaded page never saw.
  notifications: z.object({ quiet: z.boolean(), quietHours: z.object({ start: z.string(), end: z.string() }).optional(), quietSince: z.string().optional() }).optional(),
});

/** The editable settings the Settings section shows (effective values of the default account). */
export const SettingsViewSchema = z.object({
  configPath: z.string(),
  exists: z.boolean(),
  accountId: z.string(),
  dmPolicy: z.enum(['pairing', 'allowlist', 'open', 'disabled']),
  groupPolicy: z.enum(['open', 'allowlist', 'disabled']),
  unpairedResponse: z.enum(['code', 'silent']),
  allowFrom: z.array(z.string()),
  agent: z.object({ id: z.string(), name: z.string().optional(), backend: z.record(z.string(), z.unknown()).optional() }).nullable(),
  /** Each account as written, with the key path its fields are set under (issue 13's Settings). */
  accounts: z.array(z.object({ accountId: z.string(), keyBase: z.string(), enabled: z.boolean(), cliPath: z.string(), dbPath: z.string().optional() })).optional(),
  groupAllowFrom: z.array(z.string()).optional(),
  /** `groups` entries of the channel level ("*" = every group). */
  groups: z.array(z.object({ id: z.string(), requireMention: z.boolean().optional() })).optional(),
  /** `messages.groupChat.mentionPatterns`. */
  mentionPatterns: z.array(z.string()).optional(),
  /** Every agent (backends masked), with its index in `agents.list` for edits. */
  agents: z.array(z.object({ index: z.number().int(), id: z.string(), name: z.string().optional(), default: z.boolean(), backend: z.record(z.string(), z.unknown()).optional() })).optional(),
  /** `notifications.quietHours` as written (absent when not set). */
  quietHours: z.object({ enabled: z.boolean(), start: z.string(), end: z.string() }).optional(),
});

/** The Settings section data. */
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/** An agent's measured health (the renderer's name for it). */
export type AgentHealth = AgentHealthViewData;

/** TS types derived from the schemas. */
export type AccountHealthView = z.infer<typeof AccountHealthSchema>;
/** An account as shown. */
export type AccountView = z.infer<typeof AccountViewSchema>;
/** A pending pairing request as shown. */
export type PairingRequestView = z.infer<typeof PairingRequestViewSchema>;
/** One activity log line. */
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;
/** One ACP binding as shown. */
export type AcpSessionView = z.infer<typeof AcpSessionViewSchema>;
/** The pushed app state. */
export type Snapshot = z.infer<typeof SnapshotSchema>;
/** One agent's measured health. */
export type AgentHealthViewData = z.infer<typeof AgentHealthViewSchema>;
/** One inbound message with its reply lifecycle. */
export type MessageView = z.infer<typeof MessageViewSchema>;
/** Where a message's reply stands. */
export type MessageStatus = z.infer<typeof MessageStatusSchema>;
/** `messages:list` filters. */
export type MessageFilter = z.infer<typeof MessageFilterSchema>;
