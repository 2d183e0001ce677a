// responsePrefix (channel spec §16): an optional tag put in front of every agent reply, e.g.
// `[Clawd]` or `[{model}]`. The account value already falls back channel → messages.responsePrefix.

/** What the prefix template can refer to. */
export interface PrefixContext {
  /** The agent's identity name (`auto` and `{identity.name}`). */
  readonly agentName?: string;
  /** Model id as the backend reports it, possibly `provider/model-YYYYMMDD`. */
  readonly model?: string;
  readonly provider?: string;
  readonly thinkingLevel?: string;
}

const TEMPLATE_VAR = /\{([a-zA-Z][a-zA-Z0-9.]*)\}/g;

/** `openai/gpt-5.2-latest` → `gpt-5.2`; `claude-opus-4-5-20251101` → `claude-opus-4-5`. */
export function shortModelName(model: string): string {
  const name = model.slice(model.lastIndexOf('/') + 1);
  return name.replace(/-\d{8}$/, '').replace(/-latest$/, '');
}

const clean = (value: string | undefined): string => value?.trim() ?? '';

/** The value of one template variable (names case-insensitive); unknown names and values are ''. */
function variable(name: string, ctx: PrefixContext): string {
  const model = clean(ctx.model);
  switch (name.toLowerCase()) {
    case 'model':
      return model ? shortModelName(model) : '';
    case 'modelfull':
      return model;
    case 'provider':
      return clean(ctx.provider);
    case 'thinkinglevel':
    case 'think':
      return clean(ctx.thinkingLevel);
    case 'identity.name':
    case 'identityname':
      return clean(ctx.agentName);
    default:
      return '';
  }
}

/**
 * The prefix to use, or undefined for none: `auto` → `[<agent name>]` (none without a name),
 * blank → none, else the template with its variables filled in. Unlike the reference, an unknown
 * variable becomes empty instead of staying as literal `{model}` text in a user's chat.
 */
export function resolveResponsePrefix(template: string | undefined, ctx: PrefixContext = {}): string | undefined {
  const raw = clean(template);
  if (!raw) return undefined;
  if (raw === 'auto') {
    const name = clean(ctx.agentName);
    return name ? `[${name}]` : undefined;
  }
  const filled = raw.replace(TEMPLATE_VAR, (_match, name: string) => variable(name, ctx)).trim();
  return filled || undefined;
}

/** `<prefix> <text>`, unless there is no prefix or the text already starts with it (§16). */
export function applyResponsePrefix(text: string, prefix: string | undefined): string {
  if (!prefix || text.startsWith(prefix)) return text;
  return `${prefix} ${text}`;
}
