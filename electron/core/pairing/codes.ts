// Pairing codes (spec §9): 8 characters from an alphabet without look-alikes (no 0, O, 1, I).
import { randomInt } from 'node:crypto';

/** The characters a pairing code is drawn from. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Length of a pairing code. */
export const CODE_LENGTH = 8;
/** How many draws before giving up on finding a code not already pending. */
export const MAX_CODE_TRIES = 500;

/** A source of uniform integers in `[0, max)`; crypto-strong by default. */
export type RandomInt = (max: number) => number;

/** Draw a code not in `taken`; throws `failed to generate unique pairing code` after 500 tries. */
export function generateCode(taken: ReadonlySet<string>, random: RandomInt = randomInt): string {
  for (let attempt = 0; attempt < MAX_CODE_TRIES; attempt++) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET.charAt(random(CODE_ALPHABET.length));
    if (!taken.has(code)) return code;
  }
  throw new Error('failed to generate unique pairing code');
}

/** The form codes are compared in: trimmed, upper-case (users type them by hand). */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
