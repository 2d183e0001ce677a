// Words and badge tones for the enums the contract sends (presentation only, no policy).
import type { PermissionView } from '../../../electron/contract/permissions.js';
import type { AccountView, MessageView } from '../../../electron/contract/views.js';

/** Badge colour families; each has a light and a dark theme colour in CSS. */
export type Tone = 'ok' | 'warning' | 'error' | 'neutral' | 'info';

/** Permission status → badge text and tone. */
export const PERMISSION_STATUS: Readonly<Record<PermissionView['status'], { label: string; tone: Tone }>> = {
  granted: { label: 'Granted', tone: 'ok' },
  denied: { label: 'Denied', tone: 'error' },
  'not-determined': { label: 'Not asked yet', tone: 'warning' },
  unknown: { label: 'Unknown', tone: 'warning' },
  'not-applicable': { label: 'Not applicable here', tone: 'neutral' },
};

/** Permission row action → button text. */
export const PERMISSION_ACTION_LABEL = {
  'open-settings': 'Open Settings',
  'reveal-app': 'Reveal app',
  'reveal-imsg': 'Reveal imsg',
  'check-again': 'Check again',
  'request-access': 'Request access',
  'open-messages': 'Open Messages',
  relaunch: 'Relaunch',
} as const;

/** Account supervisor state → badge text and tone (backoff adds its countdown in the component). */
export const ACCOUNT_STATE: Readonly<Record<AccountView['health']['state'], { label: string; tone: Tone }>> = {
  watching: { label: 'Watching', tone: 'ok' },
  ready: { label: 'Ready', tone: 'ok' },
  starting: { label: 'Starting', tone: 'info' },
  backoff: { label: 'Restarting', tone: 'warning' },
  fatal: { label: 'Failed', tone: 'error' },
  stopped: { label: 'Stopped', tone: 'neutral' },
};

/** Overall level → dot tone and its spoken name. */
export const OVERALL: Readonly<Record<'ok' | 'warning' | 'error' | 'idle' | 'setup', { tone: Tone; spoken: string }>> = {
  ok: { tone: 'ok', spoken: 'OK' },
  warning: { tone: 'warning', spoken: 'Warning' },
  error: { tone: 'error', spoken: 'Error' },
  idle: { tone: 'neutral', spoken: 'Idle' },
  setup: { tone: 'warning', spoken: 'Setup needed' },
};

/** Conversation row status → badge text and tone ("Answered" only when the reply was delivered). */
export const MESSAGE_STATUS: Readonly<Record<MessageView['status'], { label: string; tone: Tone }>> = {
  received: { label: 'Received', tone: 'neutral' },
  waiting: { label: 'Waiting for agent', tone: 'warning' },
  asking: { label: 'Asking agent', tone: 'info' },
  sending: { label: 'Sending', tone: 'info' },
  sent: { label: 'Answered', tone: 'ok' },
  'not-answered': { label: 'Not answered', tone: 'error' },
  'no-reply': { label: 'No reply', tone: 'neutral' },
  dismissed: { label: 'Dismissed', tone: 'neutral' },
  dropped: { label: 'Dropped', tone: 'neutral' },
  pairing: { label: 'Pairing', tone: 'info' },
};

/** Agent health state → badge text and tone. */
export const AGENT_HEALTH: Readonly<Record<'ok' | 'failing' | 'unknown' | 'unavailable', { label: string; tone: Tone }>> = {
  ok: { label: 'OK', tone: 'ok' },
  failing: { label: 'Failing', tone: 'error' },
  unknown: { label: 'Not used yet', tone: 'neutral' },
  unavailable: { label: 'Unavailable', tone: 'error' },
};
