// Deprecated spellings from older OpenClaw/Clawdbot docs, read as their new keys with a warning
// that names the new key: top-level `imessage:` and `routing.groupChat.mentionPatterns`.
import type { ConfigIssue } from './issues.js';

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The raw config with deprecated keys moved to their new place, plus warnings and conflicts. */
export interface LegacyKeysResult {
  readonly raw: Rec;
  readonly warnings: ConfigIssue[];
  readonly issues: ConfigIssue[];
}

/** Move deprecated keys of `input` (not mutated) to their new keys; both spellings at once is an issue. */
export function applyLegacyKeys(input: Rec): LegacyKeysResult {
  const raw: Rec = { ...input };
  const warnings: ConfigIssue[] = [];
  const issues: ConfigIssue[] = [];
  if (Object.hasOwn(raw, 'imessage')) {
    const channels = isRecord(raw.channels) ? raw.channels : undefined;
    if (channels && Object.hasOwn(channels, 'imessage')) {
      issues.push({ path: 'imessage', message: 'both imessage (deprecated) and channels.imessage are set; keep only channels.imessage' });
    } else {
      raw.channels = { ...(channels ?? {}), imessage: raw.imessage };
      warnings.push({ path: 'imessage', message: 'deprecated top-level key; read as channels.imessage (move it there)' });
    }
    delete raw.imessage;
  }
  const routing = isRecord(raw.routing) ? raw.routing : undefined;
  const groupChat = routing && isRecord(routing.groupChat) ? routing.groupChat : undefined;
  if (groupChat && Object.hasOwn(groupChat, 'mentionPatterns')) {
    const messages = isRecord(raw.messages) ? raw.messages : {};
    const target = isRecord(messages.groupChat) ? messages.groupChat : {};
    if (Object.hasOwn(target, 'mentionPatterns')) {
      issues.push({ path: 'routing.groupChat.mentionPatterns', message: 'both routing.groupChat.mentionPatterns (deprecated) and messages.groupChat.mentionPatterns are set; keep only messages.groupChat.mentionPatterns' });
    } else {
      raw.messages = { ...messages, groupChat: { ...target, mentionPatterns: groupChat.mentionPatterns } };
      warnings.push({ path: 'routing.groupChat.mentionPatterns', message: 'deprecated key; read as messages.groupChat.mentionPatterns (move it there)' });
    }
    const { mentionPatterns: _moved, ...restGroupChat } = groupChat;
    // What is left under `routing` is validated by the schema, so a typo there still gets its error.
    raw.routing = { ...routing, groupChat: restGroupChat };
  }
  return { raw, warnings, issues };
}
