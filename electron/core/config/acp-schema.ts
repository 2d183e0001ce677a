// `agents.list[].runtime` and the `acp` part of `bindings[]` (ACP conversation bindings, acp-bindings.md).
import { z } from 'zod';
import { int } from './imessage-schema.js';

/** The ACP client backends we accept: `acpx` names OpenClaw's ACP harness; ours is built in. */
export const ACP_BACKENDS = ['acpx'] as const;

/** `runtime.acp`: which ACP agent process runs for this agent, and how. */
export const AcpRuntimeOptionsSchema = z
  .object({
    agent: z.string().trim().min(1),
    // `acpx` is OpenClaw's ACP client harness; here the ACP client is built in, so it means "the built-in client".
    backend: z.enum(ACP_BACKENDS).optional(),
    mode: z.enum(['persistent', 'oneshot']).optional(),
    command: z.array(z.string().min(1)).min(1).optional(),
    cwd: z.string().trim().min(1).optional(),
    progress: z.enum(['off', 'tools']).optional(),
    workingNoticeSeconds: int(0).optional(),
    permissionTimeoutSeconds: int(1).optional(),
    allowFsWrite: z.boolean().optional(),
    // Names of variables passed to the agent process besides PATH, HOME, LANG and the known agent's keys.
    env: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')).optional(),
  })
  .strict();

/** `agents.list[].runtime`: an agent answered by an ACP agent process instead of a `backend`. */
export const AgentRuntimeSchema = z.object({ type: z.literal('acp'), acp: AcpRuntimeOptionsSchema }).strict();

/** `bindings[].acp`: options of a persistent ACP binding. */
export const BindingAcpSchema = z.object({ label: z.string().trim().min(1).optional() }).strict();

/** A validated `agents.list[].runtime`. */
export type AgentRuntimeConfig = z.infer<typeof AgentRuntimeSchema>;
