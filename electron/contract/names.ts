// The contract's verb and event names as plain arrays (no zod at run time), so the sandboxed
// preload bundle stays tiny. Checked against channels.ts at compile time: add a verb there and
// this file stops compiling until the name is listed here too.
import type { EventName, EventPayload, VerbName } from './channels.js';

/** Every verb name of the contract (same set as `keyof VERBS`). */
export const VERB_NAMES = [
  'status:get',
  'pairing:approve',
  'pairing:deny',
  'pairing:revoke',
  'pairing:approved',
  'account:restart',
  'account:probe',
  'activity:list',
  'send',
  'config:set',
  'config:unset',
  'app:pause',
  'app:relaunch',
  'pairing:approve-all',
  'permissions:check',
  'permissions:request-automation',
  'shell:open-settings',
  'shell:reveal',
  'shell:open-messages',
  'settings:get',
  'app:login-item',
  'bindings:close',
  'app:reveal-logs',
  'messages:list',
  'replies:retry',
  'replies:dismiss',
  'pairing:unblock',
  'agents:test',
  'secret:set',
  'secret:list',
  'account:pick-cli-path',
] as const satisfies readonly VerbName[];

/** Every pushed event name of the contract (same set as `keyof EVENTS`). */
export const EVENT_NAMES = ['snapshot', 'activity', 'pairing:new', 'ui:navigate'] as const satisfies readonly EventName[];

/** The popover sections main may ask the renderer to show (`ui:navigate`). */
export const UI_SECTIONS = ['permissions', 'pairing', 'accounts', 'activity', 'settings'] as const satisfies readonly EventPayload<'ui:navigate'>['section'][];

/** The Electron IPC channel of a verb (namespaced so it never meets Electron's own channels). */
export const verbChannel = (verb: VerbName): string => `imsg:verb:${verb}`;

/** The Electron IPC channel of a pushed event. */
export const eventChannel = (event: EventName): string => `imsg:event:${event}`;

/** True when `name` is a listed verb (renderer input is untrusted). */
export const isVerbNameListed = (name: unknown): name is VerbName => typeof name === 'string' && (VERB_NAMES as readonly string[]).includes(name);

/** True when `name` is a listed event. */
export const isEventNameListed = (name: unknown): name is EventName => typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

// Both directions: `satisfies` above catches a stale name; these catch a missing one.
type Missing<All, Listed> = Exclude<All, Listed>;
const verbsComplete: [Missing<VerbName, (typeof VERB_NAMES)[number]>] extends [never] ? true : Missing<VerbName, (typeof VERB_NAMES)[number]> = true;
const eventsComplete: [Missing<EventName, (typeof EVENT_NAMES)[number]>] extends [never] ? true : Missing<EventName, (typeof EVENT_NAMES)[number]> = true;
type Section = EventPayload<'ui:navigate'>['section'];
const sectionsComplete: [Missing<Section, (typeof UI_SECTIONS)[number]>] extends [never] ? true : Missing<Section, (typeof UI_SECTIONS)[number]> = true;
void verbsComplete;
void eventsComplete;
void sectionsComplete;
