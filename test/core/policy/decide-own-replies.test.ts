// Our decision on top of §10: the is_from_me copies of our own replies are not an echo loop.
import { describe, expect, it } from 'vitest';
import { ALICE, dm, harness, NOW, verdict } from './decide-fixtures.js';

describe('loop limiter and our own replies', () => {
  it('a lively chat keeps being answered: copies of replies we sent are not counted', () => {
    const h = harness({ imessage: { dmPolicy: 'open', allowFrom: ['*'] } });
    for (let i = 0; i < 8; i++) {
      h.caches.echo.remember(`default:imessage:${ALICE}`, { text: `reply ${i}`, messageId: `OUT-${i}` }, NOW + i);
      const copy = h.decide(dm({ is_from_me: true, id: 100 + i, guid: `OUT-${i}`, text: `reply ${i}` }), { now: NOW + i });
      expect(verdict(copy)).toBe('drop: from me');
      expect(copy.steps.at(-1)).toMatchObject({ step: 'loop limiter', outcome: 'info' });
      expect(copy.ownReplyCopy).toBe(true);
    }
    expect(verdict(h.decide(dm({ id: 200, text: 'and one more question' }), { now: NOW + 20 }))).toBe('dispatch');
  });

  it('is_from_me rows that are not our sends still count (the reference loop guard stays)', () => {
    const h = harness({ imessage: { dmPolicy: 'open', allowFrom: ['*'] } });
    h.caches.echo.remember(`default:imessage:${ALICE}`, { text: 'something else', messageId: 'OUT-X' }, NOW);
    for (let i = 0; i < 5; i++) {
      const typed = h.decide(dm({ is_from_me: true, id: i, guid: `USER-${i}`, text: `typed ${i}` }), { now: NOW + i });
      expect(verdict(typed)).toBe('drop: from me');
      expect(typed.ownReplyCopy).toBeUndefined();
    }
    expect(verdict(h.decide(dm({ id: 10, text: 'new question' }), { now: NOW + 10 }))).toBe('drop: rate-limited (echo loop detected)');
  });
});
