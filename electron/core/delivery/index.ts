// Outbound delivery and the inbound envelope (channel spec §13, §15, §16, §18): pure functions the
// orchestrator and the CLI call; only checkOutboundMedia touches the file system.
export { chunkByLength, safeHardBreak } from './chunk-length.js';
export { chunkByParagraph, chunkText, DEFAULT_CHUNK_LIMIT, resolveChunkLimit, type ChunkMode, type ChunkOptions } from './chunk.js';
export { buildInboundContext, type ContextDecision, type InboundContext, type InboundContextInput, type InboundHistoryEntry, type InboundMedia } from './context.js';
export { DEFAULT_MEDIA_TYPE } from './context-media.js';
export { stripDirectiveTags } from './directives.js';
export { buildEnvelope, formatEnvelopeLine, formatFromLabel, formatHistoryLine, formatReplySuffix, formatSenderLabel, type BuildEnvelopeInput, type EnvelopeDecision, type EnvelopeMessage, type EnvelopeOptions } from './envelope.js';
export { formatElapsed, formatEnvelopeTimestamp, resolveEnvelopeZone } from './envelope-time.js';
export { checkOutboundMedia, mediaKindFromMime, mimeFromPath, outboundMediaPlaceholder, type CheckedMedia, type MediaKind } from './media.js';
export { applyResponsePrefix, resolveResponsePrefix, shortModelName, type PrefixContext } from './prefix.js';
export { prepareReply, type PrepareReplyOptions } from './prepare-reply.js';
export { buildSendParams, MAX_REPLY_TO_LENGTH, resolveSendTarget, sanitizeReplyTo, type SendAccount, type SendParamsInput, type SendRequest } from './send-params.js';
export { planSend, sendPlanDocument, type SendPlanDocument, type SendPlanInput } from './send-plan.js';
export { messageIdFromResult } from './send-result.js';
