// The `channels.imessage` block (§6): the same strict keys at channel level and per account.
import { z } from 'zod';
import { imessageCrossFieldIssues } from './cross-field.js';
import { isSafeExecutableValue, isSafeRemoteHost, isValidRootPattern } from './validators.js';

/** An integer field (>= 0 or > 0) with one plain message for every way it can be wrong. */
export function int(min: 0 | 1): z.ZodNumber {
  const error = min === 0 ? 'expected an integer >= 0' : 'expected an integer > 0';
  return z.number({ error }).int({ error }).min(min, { error });
}

const AllowListSchema = z.array(z.union([z.string(), z.number()]));
const RootListSchema = z.array(z.string().refine(isValidRootPattern, 'expected absolute path root'));

/** Tool allow/deny lists for a group or a sender in it (kept for compatibility; §11). */
const ToolPolicySchema = z
  .object({ allow: z.array(z.string()).optional(), alsoAllow: z.array(z.string()).optional(), deny: z.array(z.string()).optional() })
  .strict()
  .refine((v) => !(v.allow?.length && v.alsoAllow?.length), 'tools policy cannot set both allow and alsoAllow in the same scope');

/** One `groups["<chat_id>"|"*"]` entry. */
export const GroupEntrySchema = z
  .object({
    requireMention: z.boolean().optional(),
    // Who may trigger the bot in this chat; replaces groupAllowFrom for it (OpenClaw docs).
    allowFrom: AllowListSchema.optional(),
    tools: ToolPolicySchema.optional(),
    toolsBySender: z.record(z.string(), ToolPolicySchema).optional(),
  })
  .strict();

const accountShape = {
  name: z.string().optional(),
  enabled: z.boolean().optional(),
  capabilities: z.array(z.string()).optional(),
  markdown: z.object({ tables: z.enum(['off', 'bullets', 'code']).optional() }).strict().optional(),
  heartbeat: z
    .object({ showOk: z.boolean().optional(), showAlerts: z.boolean().optional(), useIndicator: z.boolean().optional() })
    .strict()
    .optional(),
  healthMonitor: z.object({ enabled: z.boolean().optional() }).strict().optional(),
  configWrites: z.boolean().optional(),
  cliPath: z.string().refine(isSafeExecutableValue, 'expected a safe executable name or path (no shell metacharacters or quotes)').optional(),
  dbPath: z.string().min(1).optional(),
  remoteHost: z.string().refine(isSafeRemoteHost, 'expected SSH host or user@host (no spaces/options)').optional(),
  service: z.enum(['imessage', 'sms', 'auto']).optional(),
  region: z.string().min(1).optional(),
  dmPolicy: z.enum(['pairing', 'allowlist', 'open', 'disabled']).optional(),
  allowFrom: AllowListSchema.optional(),
  defaultTo: z.string().min(1).optional(),
  groupAllowFrom: AllowListSchema.optional(),
  groupPolicy: z.enum(['open', 'allowlist', 'disabled']).optional(),
  groups: z.record(z.string(), GroupEntrySchema).optional(),
  contextVisibility: z.enum(['all', 'allowlist', 'allowlist_quote']).optional(),
  historyLimit: int(0).optional(),
  dmHistoryLimit: int(0).optional(),
  dms: z.record(z.string(), z.object({ historyLimit: int(0).optional() }).strict()).optional(),
  includeAttachments: z.boolean().optional(),
  attachmentRoots: RootListSchema.optional(),
  remoteAttachmentRoots: RootListSchema.optional(),
  mediaMaxMb: int(1).optional(),
  textChunkLimit: int(1).optional(),
  chunkMode: z.enum(['length', 'newline']).optional(),
  blockStreaming: z.boolean().optional(),
  blockStreamingCoalesce: z.object({ minChars: int(1).optional(), maxChars: int(1).optional(), idleMs: int(0).optional() }).strict().optional(),
  responsePrefix: z.string().optional(),
  probeTimeoutMs: int(1).optional(),
  unpairedResponse: z.enum(['code', 'silent']).optional(),
};

/**
 * One `channels.imessage.accounts.<id>` entry. No defaults are injected here: unset fields
 * inherit from the channel level at resolution time (§0.1).
 */
export const IMessageAccountSchema = z.object(accountShape).strict();

/** The whole `channels.imessage` block: flat keys, `accounts`, `defaultAccount`, cross-field rules. */
export const IMessageChannelSchema = z
  .object({ ...accountShape, accounts: z.record(z.string(), IMessageAccountSchema).optional(), defaultAccount: z.string().optional() })
  .strict()
  .superRefine(
    (value, ctx) => {
      for (const issue of imessageCrossFieldIssues(value)) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
    },
    // Run even when other keys are invalid, so one validation pass lists every problem.
    { when: () => true },
  );

/** A validated `channels.imessage.accounts.<id>` entry. */
export type IMessageAccountConfig = z.infer<typeof IMessageAccountSchema>;
/** A validated `channels.imessage` block. */
export type IMessageChannelConfig = z.infer<typeof IMessageChannelSchema>;
