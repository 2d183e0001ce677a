// The simulator's stand-in for the Contacts lookup imsg ≥ 0.6.0 does (rpc spec §8 "0.6.0: Contacts
// names (`contact_name`, `sender_name`)"): `IMSG_SIM_CONTACTS` names a JSON file `{handle: name}`.
// Older versions impersonated by `IMSG_VERSION` never resolve names, like the real ones.
import { readFileSync } from 'node:fs';
import { versionAtLeast } from '../sim-env.js';

/** The first imsg release that resolves Contacts names. */
const CONTACTS_SINCE = [0, 6, 0] as const;

/** The lookup key of a handle: emails are matched case-insensitively, phone numbers by their digits and `+`. */
export function contactKey(handle: string): string {
  const h = handle.trim();
  return h.includes('@') ? h.toLowerCase() : h.replace(/[^\d+]/g, '');
}

/** Handle → name from `file` for `version`, or undefined (no file, a version without Contacts names). */
export function loadContacts(file: string | undefined, version: string): ReadonlyMap<string, string> | undefined {
  if (!file || !versionAtLeast(version, CONTACTS_SINCE)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`IMSG_SIM_CONTACTS ${file}: expected an object of handle → name`);
  const map = new Map<string, string>();
  for (const [handle, name] of Object.entries(raw)) if (typeof name === 'string' && name !== '') map.set(contactKey(handle), name);
  return map;
}

/** The Contacts name of `handle` in `contacts`, when it resolves. */
export function contactName(contacts: ReadonlyMap<string, string> | undefined, handle: string): string | undefined {
  return handle === '' ? undefined : contacts?.get(contactKey(handle));
}
