// The sender's name in the owner's Contacts, from imsg's optional `sender_name` (imsg ≥ 0.6.0, rpc
// spec §3.8 "Contacts name for inbound messages"). Older imsg, a missing Contacts permission or an
// unknown handle simply omit it: the handle is shown instead. The value is untrusted text (a contact
// card can hold anything), so it is flattened to one short line without control or bidi characters.

/** Longest name kept; longer ones are cut with an ellipsis. */
export const MAX_CONTACT_NAME = 80;

// C0/C1 controls, DEL, line/paragraph separators, bidi overrides/isolates and zero-width marks.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The contact name of an inbound message, or undefined when imsg gave none usable: absent, not a
 * string, blank after cleaning, from the owner (`is_from_me`), or just the handle repeated.
 */
export function contactNameOf(message: { sender_name?: unknown; sender?: unknown; is_from_me?: unknown }): string | undefined {
  if (message.is_from_me === true || typeof message.sender_name !== 'string') return undefined;
  const name = message.sender_name.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (name === '' || name === message.sender) return undefined;
  const chars = [...name];
  return chars.length > MAX_CONTACT_NAME ? `${chars.slice(0, MAX_CONTACT_NAME - 1).join('')}…` : name;
}
