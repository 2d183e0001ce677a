// Inbound attachments (§19): the public surface.
export { resolveInboundAttachments, UNKNOWN_MIME, type ResolveAttachmentOptions } from './resolve.js';
export { remoteCacheDir, safeSessionDir } from './session-dir.js';
export { BYTES_PER_MB, maxBytesFor, tooLargeReason } from './size-text.js';
export type { AttachmentResult, DroppedAttachment, InboundAttachment, MediaKind } from './types.js';
