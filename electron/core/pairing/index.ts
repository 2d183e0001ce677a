// The pairing store's public surface (spec §9 and §0.3).
export type { ApprovalNote } from './approval-notes.js';
export { CODE_ALPHABET, CODE_LENGTH } from './codes.js';
export { PairingStoreError } from './files.js';
export { DEFAULT_ACCOUNT_ID, InvalidAccountIdError, isValidAccountId } from './paths.js';
export { APPROVED_NOTE_TEXT, pairingReplyText } from './reply-text.js';
export { PairingStore } from './store.js';
export { MAX_PENDING_PER_ACCOUNT, PAIRING_TTL_MS, type PairingRequest, type PairingStoreOptions, type UpsertResult } from './types.js';
export type { WaitingSender } from './waiting.js';
