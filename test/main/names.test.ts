// @vitest-environment node
// The zod-free name lists match the contract exactly (the compile-time check's run-time twin).
import { describe, expect, it } from 'vitest';
import { EVENTS, VERBS } from '../../electron/contract/channels.js';
import { EVENT_NAMES, isEventNameListed, isVerbNameListed, UI_SECTIONS, VERB_NAMES } from '../../electron/contract/names.js';

describe('contract names', () => {
  it('lists every verb and event of channels.ts, nothing more', () => {
    expect([...VERB_NAMES].sort()).toEqual(Object.keys(VERBS).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(EVENTS).sort());
    expect(new Set(VERB_NAMES).size).toBe(VERB_NAMES.length);
  });

  it('the ui:navigate schema accepts exactly the listed sections', () => {
    const schema = EVENTS['ui:navigate'];
    for (const section of UI_SECTIONS) expect(schema.safeParse({ section }).success).toBe(true);
    expect(schema.safeParse({ section: 'admin' }).success).toBe(false);
  });

  it('guards reject look-alikes and inherited names', () => {
    expect(isVerbNameListed('status:get')).toBe(true);
    for (const name of ['toString', '__proto__', 'status:get ', 'STATUS:GET', 42, null]) expect(isVerbNameListed(name)).toBe(false);
    expect(isEventNameListed('snapshot')).toBe(true);
    expect(isEventNameListed('constructor')).toBe(false);
  });
});
