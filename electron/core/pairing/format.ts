// Plain-text views of pairing state for the CLI (and anything else that prints to a terminal).
import { safeField } from '../text/terminal-safe.js';
import type { PairingRequest } from './types.js';

/** A short human duration: `45s`, `12m`, `1h 3m`. Negative values count as zero. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
}

/** Left-aligned columns separated by two spaces; the first row is the header. */
export function formatTable(unsafeRows: ReadonlyArray<readonly string[]>): string {
  // Cells come from senders and files: escaped, so one row stays one line and drives no terminal.
  const rows = unsafeRows.map((row) => row.map(safeField));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n') + '\n';
}

/** The `pairing list` table: code, sender (with their contact name when imsg gave one), account, age and time left, or a friendly line when empty. */
export function formatPendingTable(requests: readonly PairingRequest[], now: number, accountId?: string): string {
  if (requests.length === 0) return `No pending pairing requests${accountId === undefined ? '' : ` for account ${accountId}`}.\n`;
  const rows = requests.map((r) => [r.code, r.contactName ? `${r.id} (${r.contactName})` : r.id, r.accountId, `${formatDuration(now - Date.parse(r.createdAt))} ago`, `in ${formatDuration(Date.parse(r.expiresAt) - now)}`]);
  const hint = 'Approve with: imsg-companion pairing approve <CODE>   Refuse with: imsg-companion pairing deny <CODE> [--block]';
  return `${formatTable([['CODE', 'SENDER', 'ACCOUNT', 'REQUESTED', 'EXPIRES'], ...rows])}\n${hint}\n`;
}
