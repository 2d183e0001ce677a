// Agent backends: the orchestrator's entry points.
export { AgentError, type AgentErrorKind } from './agent-error.js';
export { AgentBackendConfigSchema, BACKEND_TYPES, type AgentBackendConfig } from './backend-schema.js';
export { createAgentBackend } from './create-backend.js';
export { DEFAULT_TRANSCRIPT_TURNS, transcriptTurnLimit } from './history-limit.js';
export { AgentRegistry, type AgentResolution, type AgentSummary } from './registry.js';
export type { AgentBackend, AgentDeps, AgentEntry, AgentReply, AgentRequest, BackendCheck } from './types.js';
export { buildEnvelope } from './types.js';
export { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER, verifyWebhookSignature } from './webhook-sign.js';
