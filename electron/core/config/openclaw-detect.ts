// Recognize a whole OpenClaw/Clawdbot config given where ours is expected, so the error can point
// to `config import --openclaw` instead of listing dozens of "unknown key" lines.

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Top-level sections only an OpenClaw/Clawdbot gateway config has. */
export const OPENCLAW_ONLY_SECTIONS = [
  'gateway', 'models', 'auth', 'wizard', 'plugins', 'skills', 'tools', 'hooks', 'cron', 'browser', 'ui', 'logging', 'update', 'meta',
  'env', 'diagnostics', 'talk', 'web', 'discovery', 'canvasHost', 'broadcast', 'audio', 'media', 'approvals', 'memory', 'nodeHost',
  'secrets', 'acp', 'identity',
] as const;

/** The channel sections we read; any other `channels.<name>` belongs to another messenger. */
const OUR_CHANNEL_KEYS = new Set(['imessage', 'defaults']);

/** The OpenClaw-only keys found in `raw` (e.g. `gateway`, `channels.telegram`). */
export function openClawMarkers(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  const found: string[] = OPENCLAW_ONLY_SECTIONS.filter((k) => Object.hasOwn(raw, k));
  if (isRecord(raw.channels)) found.push(...Object.keys(raw.channels).filter((k) => !OUR_CHANNEL_KEYS.has(k)).map((k) => `channels.${k}`));
  return found;
}

/** The one error for a whole OpenClaw file, or undefined when `raw` does not look like one. */
export function openClawFileIssue(raw: unknown): { path: string; message: string } | undefined {
  const markers = openClawMarkers(raw);
  if (markers.length === 0) return undefined;
  const shown = markers.length > 4 ? `${markers.slice(0, 4).join(', ')}, …` : markers.join(', ');
  return {
    path: '',
    message: `this looks like a whole OpenClaw/Clawdbot config (it has ${shown}); imsg Companion reads only the iMessage part: convert it with \`imsg-companion config import --openclaw <file>\``,
  };
}
