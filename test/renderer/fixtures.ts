// Contract-valid data for renderer tests; every builder parses its result with the contract schema.
import { PermissionViewSchema, type PermissionView } from '../../electron/contract/permissions.js';
import {
  AccountViewSchema,
  ActivityEntrySchema,
  MessageViewSchema,
  PairingRequestViewSchema,
  SettingsViewSchema,
  SnapshotSchema,
  type AccountView,
  type ActivityEntry,
  type MessageView,
  type PairingRequestView,
  type SettingsView,
  type Snapshot,
} from '../../electron/contract/views.js';

/** An ISO time `ms` from now (negative: in the past). */
export const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** One permission row (FDA denied by default). */
export function permission(over: Partial<PermissionView> = {}): PermissionView {
  return PermissionViewSchema.parse({
    id: 'full-disk-access',
    accountId: 'default',
    status: 'denied',
    title: 'Full Disk Access',
    summary: 'imsg cannot read chat.db: Full Disk Access is off.',
    grantee: 'imsg Companion.app',
    steps: ['Open System Settings → Privacy & Security → Full Disk Access.', 'Turn on imsg Companion.', 'Come back and press Check again.'],
    actions: ['open-settings', 'reveal-app', 'check-again'],
    settingsPane: 'full-disk-access',
    checkedAt: isoIn(0),
    ...over,
  });
}

/** One account (watching by default). */
export function account(over: Partial<Omit<AccountView, 'health'>> & { health?: Partial<AccountView['health']> } = {}): AccountView {
  const { health, ...rest } = over;
  const accountId = rest.accountId ?? 'default';
  return AccountViewSchema.parse({
    accountId,
    enabled: true,
    paused: false,
    cliPath: 'imsg',
    pendingPairings: 0,
    ...rest,
    health: { accountId, state: 'watching', healthy: true, imsgVersion: '0.5.1', protocol: 'v1', restarts: 0, attempt: 0, cursor: 10, queued: 0, ...health },
  });
}

/** One pending pairing request, created 2 min ago, expiring in 58 min. */
export function pending(over: Partial<PairingRequestView> = {}): PairingRequestView {
  return PairingRequestViewSchema.parse({
    id: '+15551230000',
    code: 'K7QX2M9P',
    accountId: 'default',
    createdAt: isoIn(-120_000),
    lastSeenAt: isoIn(-120_000),
    expiresAt: isoIn(58 * 60_000),
    meta: { sender: '+15551230000' },
    ...over,
  });
}

/** A whole snapshot: one watching account, FDA denied, nothing pending. */
export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return SnapshotSchema.parse({
    version: '0.1.0',
    startedAt: isoIn(-3_600_000),
    paused: false,
    overall: { level: 'ok', text: 'Watching default' },
    accounts: [account()],
    pairing: { pending: [], approved: [] },
    agents: { list: [{ agentId: 'main', type: 'openai', default: true }] },
    config: { path: '/Users/me/.imsg-companion/config.json5', ok: true, issues: [] },
    permissions: [permission()],
    platform: { os: 'darwin', macos: true, mode: 'app', launchContext: 'imsg Companion.app', canOpenSettings: true, canReveal: true, loginItems: true },
    ...over,
  });
}

/** One activity entry (a dropped group message by default). */
export function entry(over: Partial<ActivityEntry> = {}): ActivityEntry {
  return ActivityEntrySchema.parse({
    id: 'a1',
    at: isoIn(-60_000),
    accountId: 'default',
    kind: 'inbound',
    decision: 'drop',
    reason: 'no mention',
    sender: '+15550001111',
    preview: 'lunch at noon?',
    steps: [
      { step: 'from me', outcome: 'pass', detail: 'not sent by this Mac' },
      { step: 'mention', outcome: 'drop', detail: 'group message without @bot' },
    ],
    ...over,
  });
}

/** The Settings section data. */
export function settingsView(over: Partial<SettingsView> = {}): SettingsView {
  return SettingsViewSchema.parse({
    configPath: '/Users/me/.imsg-companion/config.json5',
    exists: true,
    accountId: 'default',
    dmPolicy: 'pairing',
    groupPolicy: 'allowlist',
    unpairedResponse: 'code',
    allowFrom: [],
    agent: { id: 'main', name: 'Assistant', backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' } },
    accounts: [{ accountId: 'default', keyBase: 'channels.imessage', enabled: true, cliPath: 'imsg' }],
    groupAllowFrom: [],
    groups: [{ id: '*', requireMention: true }],
    mentionPatterns: ['@bot'],
    agents: [{ index: 0, id: 'main', name: 'Assistant', default: true, backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' } }],
    ...over,
  });
}

/** One Conversations row (an answered direct message by default). */
export function message(over: Partial<MessageView> = {}): MessageView {
  return MessageViewSchema.parse({
    id: 'm1',
    accountId: 'default',
    messageId: 101,
    at: isoIn(-60_000),
    chatType: 'direct',
    sender: '+15551230000',
    text: 'What time is the dentist tomorrow?',
    status: 'sent',
    replies: ['Your dentist appointment is at 9:30.'],
    steps: [{ step: 'dmPolicy', outcome: 'pass', detail: 'sender is approved' }],
    ...over,
  });
}
