import { describe, expect, it } from 'vitest';
import { formatDecisionText } from '../../../electron/core/policy/trace-text.js';
import { ALICE, dm, harness } from './decide-fixtures.js';

describe('formatDecisionText', () => {
  it('dispatch: the steps, then who answers where', () => {
    const text = formatDecisionText(harness({ store: [ALICE] }).decide(dm()));
    expect(text.split('\n')).toEqual([
      `✓ sender: from ${ALICE}`,
      '· chat type: direct message',
      `✓ dm access: sender ${ALICE} is allowed by entry "${ALICE}"`,
      '· route: agent "main" (default agent), session agent:main:main',
      '✓ content: not an echo of the agent’s own output',
      `✓ verdict: answer ${ALICE}`,
      `=> DISPATCH: the agent "main" answers in session agent:main:main (reply to imessage:${ALICE})`,
      '',
    ]);
  });

  it('pairing: a ? line and where the code would go', () => {
    const lines = formatDecisionText(harness().decide(dm())).trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^\? dm access: sender \+15550001111 is not approved yet/);
    expect(lines.at(-1)).toBe('=> PAIRING: pairing required (a code would go to chat_id:5)');
  });

  it('drop: a ✗ line and the reason', () => {
    const lines = formatDecisionText(harness().decide(dm({ is_from_me: true, chat_identifier: '+17770000000' }))).trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual(['✗ from me: the message was sent from this Mac’s own account (is_from_me)', '=> DROP: from me']);
  });
});
