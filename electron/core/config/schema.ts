// The whole config file: `channels.imessage` plus the agent, message, session and routing keys we read.
import { z } from 'zod';
import { AgentBackendConfigSchema } from '../agents/backend-schema.js';
import { AgentRuntimeSchema, BindingAcpSchema } from './acp-schema.js';
import { acpBindingIssues } from './agent-rules.js';
import { IMessageChannelSchema, int } from './imessage-schema.js';
import { QuietHoursSchema } from '../notifications/quiet-hours.js';

const MentionPatternsSchema = z.array(z.string());

/** How long replies wait out a failing agent; per agent, or for all under `agents.defaults`. */
const ReplyTimingKeys = {
  /** Minutes after the message arrived before a reply that could not be made is "not answered" (default 30; fractions allowed). */
  replyDeadlineMinutes: z.number().min(0).max(7 * 24 * 60).optional(),
  /** The longest wait between two tries of a failing agent, in seconds (default 120). */
  replyRetryMaxSeconds: z.number().min(0.1).max(3600).optional(),
};

/** One `agents.list[]` entry; `backend` is validated by the agent backends' own schema; `runtime` (ACP) needs no backend. */
const AgentEntrySchema = z
  .object({
    id: z.string().trim().min(1),
    name: z.string().optional(),
    default: z.boolean().optional(),
    groupChat: z.object({ mentionPatterns: MentionPatternsSchema.optional() }).strict().optional(),
    backend: AgentBackendConfigSchema.optional(),
    runtime: AgentRuntimeSchema.optional(),
    ...ReplyTimingKeys,
  })
  .strict()
  .refine((a) => !(a.backend && a.runtime), { path: ['runtime'], error: 'set either backend or runtime, not both (runtime: {type: "acp"} needs no backend)' });

/** One `bindings[]` route (§14): the peer or account it matches and the agent that answers; `type: "acp"` binds an ACP session. */
const BindingSchema = z
  .object({
    type: z.enum(['route', 'acp']).optional(),
    agentId: z.string().trim().min(1),
    comment: z.string().optional(),
    match: z
      .object({
        channel: z.literal('imessage').optional(),
        accountId: z.string().trim().min(1).optional(),
        peer: z.object({ kind: z.enum(['direct', 'group']), id: z.string().trim().min(1) }).strict().optional(),
      })
      .strict(),
    acp: BindingAcpSchema.optional(),
  })
  .strict();

/** `duplicate agent id` issues; runs on possibly invalid input, so it checks every shape. */
function duplicateAgentIds(value: unknown): { path: (string | number)[]; message: string }[] {
  const list = typeof value === 'object' && value !== null ? (value as { list?: unknown }).list : undefined;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  list.forEach((agent: unknown, i) => {
    const raw = typeof agent === 'object' && agent !== null ? (agent as { id?: unknown }).id : undefined;
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const id = raw.trim().toLowerCase();
    if (seen.has(id)) issues.push({ path: ['list', i, 'id'], message: `duplicate agent id "${raw.trim()}"` });
    seen.add(id);
  });
  return issues;
}

const AgentsSchema = z
  .object({ defaults: z.object(ReplyTimingKeys).strict().optional(), list: z.array(AgentEntrySchema).optional() })
  .strict()
  .superRefine(
    (value, ctx) => {
      for (const issue of duplicateAgentIds(value)) ctx.addIssue({ code: 'custom', ...issue });
    },
    // Run even when other keys are invalid, so one validation pass lists every problem.
    { when: () => true },
  );

/** The config file's root object. Strict at every level: an unknown key is an error. */
export const AppConfigSchema = z
  .object({
    channels: z
      .object({
        imessage: IMessageChannelSchema.optional(),
        // The fallback for a channel that sets no groupPolicy (`channels.imessage` present only, §6).
        defaults: z.object({ groupPolicy: z.enum(['open', 'allowlist', 'disabled']).optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    agents: AgentsSchema.optional(),
    messages: z
      .object({
        groupChat: z.object({ mentionPatterns: MentionPatternsSchema.optional(), historyLimit: int(0).optional() }).strict().optional(),
        responsePrefix: z.string().optional(),
      })
      .strict()
      .optional(),
    session: z.object({ dmScope: z.enum(['main', 'per-peer', 'per-channel-peer', 'per-account-channel-peer']).optional() }).strict().optional(),
    commands: z.object({ config: z.boolean().optional(), useAccessGroups: z.boolean().optional() }).strict().optional(),
    // Pairing texts: `notifyApproved: false` sends no "You're approved" note on approval.
    pairing: z.object({ notifyApproved: z.boolean().optional() }).strict().optional(),
    // The app's own notifications (macOS / browser): `quietHours` holds them back during a daily window.
    notifications: z.object({ quietHours: QuietHoursSchema.optional() }).strict().optional(),
    bindings: z.array(BindingSchema).optional(),
    // Deprecated (older docs): `routing.groupChat.mentionPatterns` is moved to `messages.groupChat`
    // before validation (legacy-keys.ts); what is left here is only checked, then dropped.
    routing: z.object({ groupChat: z.object({}).strict().optional() }).strict().optional(),
  })
  .strict()
  .superRefine(
    (value, ctx) => {
      for (const issue of acpBindingIssues(value)) ctx.addIssue({ code: 'custom', ...issue });
    },
    { when: () => true },
  );

/** A validated config (no defaults injected; see accounts.ts for resolution). */
export type AppConfig = z.infer<typeof AppConfigSchema>;
/** One `groups` entry of `channels.imessage` or of an account. */
export type GroupEntry = { requireMention?: boolean; allowFrom?: (string | number)[]; tools?: unknown; toolsBySender?: unknown };
/** One `bindings[]` entry. */
export type BindingConfig = NonNullable<AppConfig['bindings']>[number];
/** One `agents.list[]` entry. */
export type AgentConfig = NonNullable<NonNullable<AppConfig['agents']>['list']>[number];
