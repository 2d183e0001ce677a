// imsg `message` notification payloads for the in-memory imsg (the fields the policy reads).

/** What a test says about an inbound message; everything else gets imsg-like defaults. */
export interface MemoryMessageInput {
  readonly from: string;
  readonly text: string;
  /** A group chat: its chat id (participants default to the sender and a second member). */
  readonly groupChatId?: number;
  readonly participants?: readonly string[];
  readonly fromMe?: boolean;
  /** imsg ≥ 0.6.0's Contacts name (`sender_name`), when the sender is a contact. */
  readonly senderName?: string;
}

/** A `message` notification payload (row id and guid always set). */
export type MemoryPayload = Record<string, unknown> & { readonly id: number; readonly guid: string };

/** The chat id a DM with `handle` gets (stable, so replies and history line up). */
export function dmChatId(handle: string): number {
  let h = 0;
  for (const ch of handle) h = (h * 31 + ch.charCodeAt(0)) % 100_000;
  return 1000 + h;
}

/** The payload imsg would write for row `id`. */
export function buildPayload(id: number, input: MemoryMessageInput): MemoryPayload {
  const group = input.groupChatId !== undefined;
  const chatId = group ? (input.groupChatId as number) : dmChatId(input.from);
  const participants = input.participants ?? (group ? [input.from, '+15550009999'] : [input.from]);
  return {
    id,
    guid: `MEM-${id}`,
    chat_id: chatId,
    sender: input.from,
    is_from_me: input.fromMe === true,
    text: input.text,
    created_at: new Date().toISOString(),
    attachments: [],
    reactions: [],
    chat_identifier: group ? `chat${chatId}` : input.from,
    chat_guid: group ? `iMessage;+;chat${chatId}` : `iMessage;-;${input.from}`,
    chat_name: group ? `Group ${chatId}` : '',
    participants: [...participants],
    is_group: group,
    ...(input.senderName !== undefined ? { sender_name: input.senderName } : {}),
  };
}
