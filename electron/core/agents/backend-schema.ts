// `agents.list[].backend`: which program answers for an agent. Secrets never live in the file,
// only the names of the environment variables or of the secret-store entries that hold them.
import { z } from 'zod';
import { int } from '../config/imessage-schema.js';
import { SECRET_NAME, SECRET_NAME_ERROR } from '../secrets/secret-store.js';

/** The backend types, in the order config messages list them. */
export const BACKEND_TYPES = ['openai', 'webhook', 'command', 'echo'] as const;

const ENV_NAME_ERROR = 'expected an environment variable name (letters, digits and _, not starting with a digit)';
const envName = z.string({ error: ENV_NAME_ERROR }).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: ENV_NAME_ERROR });

/** True for an absolute http:// or https:// URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const URL_ERROR = 'expected an http:// or https:// URL';
/** False for a URL with `user:password@`: fetch refuses those, and secrets stay out of the file. */
function hasNoCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return true;
  }
}

const httpUrl = z
  .string({ error: URL_ERROR })
  .trim()
  .refine(isHttpUrl, { error: URL_ERROR, abort: true })
  .refine(hasNoCredentials, { error: 'expected a URL without user:password@ (secrets belong in environment variables)' });

/**
 * `{secret: "NAME"}`: a value from the secret store (`imsg-companion secret set NAME`; the Mac
 * app's Keychain). A plain string is refused with the message naming what to write instead.
 */
const secretRef = (what: string, key: string, envKey: string) =>
  z
    .object(
      { secret: z.string({ error: SECRET_NAME_ERROR }).regex(SECRET_NAME, { error: SECRET_NAME_ERROR }) },
      {
        error: (issue) =>
          typeof issue.input === 'string'
            ? `do not put the ${what} in the config file: store it with \`imsg-companion secret set NAME\` and write ${key}: {secret: "NAME"}, or set ${envKey}`
            : `expected {secret: "NAME"}`,
      },
    )
    .strict();

/**
 * Keys every backend accepts: `errorReply`, the text sent to the user instead of silence when a
 * message is not answered (a permanent failure, or still failing at `replyDeadlineMinutes`), once.
 */
const common = { errorReply: z.string().optional() };

/** Any OpenAI-compatible `/v1/chat/completions` server (OpenAI, Ollama, LM Studio). */
export const OpenAiBackendSchema = z
  .object({
    type: z.literal('openai'),
    /** Server root, e.g. `http://127.0.0.1:11434`; a trailing `/v1` is accepted too. */
    baseUrl: httpUrl,
    model: z.string().trim().min(1),
    /** Name of the env var holding the API key; unset for servers without auth (Ollama). */
    apiKeyEnv: envName.optional(),
    /** The API key from the secret store (works for the Finder-launched app, which has no shell env). */
    apiKey: secretRef('API key', 'apiKey', 'apiKeyEnv').optional(),
    systemPrompt: z.string().optional(),
    timeoutMs: int(1).optional(),
    ...common,
  })
  .strict();

/**
 * POST the envelope JSON to `url`; the reply is `{"reply": "..."}` (204, `null` or `""`: no reply).
 * With `secretEnv` set, each request carries `X-Imsg-Companion-Timestamp: <unix seconds>` and
 * `X-Imsg-Companion-Signature: sha256=<hex>`, the HMAC-SHA256 with the secret as key of the
 * string `<timestamp>.<raw body>`; receivers should recompute it and reject old timestamps.
 */
export const WebhookBackendSchema = z
  .object({
    type: z.literal('webhook'),
    url: httpUrl,
    /** Optional GET address that answers 2xx while the receiver is up (agent health). */
    healthUrl: httpUrl.optional(),
    /** Name of the env var holding the HMAC secret. */
    secretEnv: envName.optional(),
    /** The HMAC secret from the secret store. */
    secret: secretRef('webhook secret', 'secret', 'secretEnv').optional(),
    timeoutMs: int(1).optional(),
    ...common,
  })
  .strict();

/** Run `argv` (no shell) with the envelope JSON on stdin; the reply is its trimmed stdout. */
export const CommandBackendSchema = z
  .object({
    type: z.literal('command'),
    argv: z
      .array(z.string().min(1, { error: 'expected a non-empty string' }), { error: 'expected a list of strings' })
      .min(1, { error: 'expected a non-empty list: the program, then its arguments' }),
    /** Absolute or `~/…`: the app's own working directory is not meaningful to a user. */
    cwd: z
      .string()
      .refine((v) => v.startsWith('/') || v === '~' || v.startsWith('~/'), { error: 'expected an absolute path (or one starting with ~/)' })
      .optional(),
    /** Names of env vars passed through besides PATH, HOME and LANG (the rest of the environment is not). */
    env: z.array(envName).optional(),
    timeoutMs: int(1).optional(),
    ...common,
  })
  .strict();

/** Replies with the inbound text (demo and tests). */
export const EchoBackendSchema = z
  .object({ type: z.literal('echo'), prefix: z.string().optional(), ...common })
  .strict();

/** One `agents.list[].backend`, chosen by `type`. */
export const AgentBackendConfigSchema = z.discriminatedUnion('type', [OpenAiBackendSchema, WebhookBackendSchema, CommandBackendSchema, EchoBackendSchema], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    // An absent or unknown `type` matches no branch; name the key, not the union.
    const type = typeof issue.input === 'object' && issue.input !== null ? (issue.input as { type?: unknown }).type : undefined;
    return type === undefined ? 'required' : `expected one of ${BACKEND_TYPES.join('|')}`;
  },
});

/** A validated backend config. */
export type AgentBackendConfig = z.infer<typeof AgentBackendConfigSchema>;
/** A validated `openai` backend config. */
export type OpenAiBackendConfig = z.infer<typeof OpenAiBackendSchema>;
/** A validated `webhook` backend config. */
export type WebhookBackendConfig = z.infer<typeof WebhookBackendSchema>;
/** A validated `command` backend config. */
export type CommandBackendConfig = z.infer<typeof CommandBackendSchema>;
/** A validated `echo` backend config. */
export type EchoBackendConfig = z.infer<typeof EchoBackendSchema>;
