// Per-group settings (channel spec §11): requireMention and tool policy, from the chat's own
// `groups` entry, else the `*` entry.
import { ownEntry, starEntry, type GroupsMap } from './group-policy.js';

/** requireMention, first match wins (§11): override, the chat's entry, `*`, else true. */
export function resolveRequireMention(input: { readonly override?: boolean; readonly groups: GroupsMap | undefined; readonly chatId: number | undefined }): { readonly requireMention: boolean; readonly source: string } {
  if (input.override !== undefined) return { requireMention: input.override, source: 'monitor option' };
  const own = ownEntry(input.groups, input.chatId)?.requireMention;
  if (own !== undefined) return { requireMention: own, source: `groups["${input.chatId}"]` };
  const star = starEntry(input.groups)?.requireMention;
  if (star !== undefined) return { requireMention: star, source: 'groups["*"]' };
  return { requireMention: true, source: 'default' };
}

/** Tool policy of a chat (§11): its own `tools`/`toolsBySender`, else the `*` entry's. */
export function resolveGroupTools(groups: GroupsMap | undefined, chatId: number | undefined): { readonly tools?: unknown; readonly toolsBySender?: unknown } {
  const own = ownEntry(groups, chatId);
  if (own && (own.tools !== undefined || own.toolsBySender !== undefined)) return { tools: own.tools, toolsBySender: own.toolsBySender };
  const star = starEntry(groups);
  return { tools: star?.tools, toolsBySender: star?.toolsBySender };
}

