// Texts sent to a stranger (§9 content, §0.9 our names, §0.13 plain text: iMessage shows no
// Markdown, so no code fences; the code appears exactly once).

/** The pairing reply: who they are to the bot, and the one command the owner runs (holding the code). */
export function pairingReplyText(senderId: string, code: string): string {
  return ['imsg Companion: access not configured.', '', `Your iMessage sender id: ${senderId}`, `Ask the bot owner to approve you with: imsg-companion pairing approve ${code}`].join('\n');
}

/** The note an approved sender gets (unless `pairing.notifyApproved` is false). */
export const APPROVED_NOTE_TEXT = "You're approved — send a message to start.";
