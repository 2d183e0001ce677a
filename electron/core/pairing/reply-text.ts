// The text sent to an unknown sender with their pairing code (§9 structure, our names per §0.9).

const FENCE = '```';

/** The exact pairing reply: the sender's id, the code, and the command that approves it. */
export function pairingReplyText(senderId: string, code: string): string {
  const command = `imsg-companion pairing approve ${code}`;
  return [
    'imsg Companion: access not configured.',
    '',
    `Your iMessage sender id: ${senderId}`,
    'Pairing code:',
    FENCE,
    code,
    FENCE,
    '',
    'Ask the bot owner to approve with:',
    command,
    FENCE,
    command,
    FENCE,
  ].join('\n');
}
