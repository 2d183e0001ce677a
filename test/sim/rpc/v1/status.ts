// Protocol v1 `initialize` / `status`: a readiness snapshot that works even without the database (spec §10).
import type { SimEnv } from '../../sim-env.js';
import type { Store } from '../../store/open-store.js';
import { RPC_METHODS } from '../dispatch.js';
import { invalidParams } from '../errors.js';
import type { Params } from '../params.js';

/** Methods that work without the IMCore bridge. */
const WORKING = ['initialize', 'status', 'chats.list', 'messages.history', 'watch.subscribe', 'watch.unsubscribe', 'send'];

/** The `status` result. */
export function v1Status(env: SimEnv, dbPath: string, store: Store | undefined): Record<string, unknown> {
  const s = store?.schema;
  return {
    version: env.version,
    protocol_version: 1,
    database: {
      path: dbPath,
      ready: store !== undefined,
      features: s ? { attributed_body: s.attributedBody, reactions: s.reactions, thread_originator: s.threadOriginator, audio: s.audio } : {},
    },
    bridge: { ready: false },
    contacts: { available: store?.contacts !== undefined },
    methods: ['initialize', 'status', ...RPC_METHODS],
    supported_methods: WORKING,
    capabilities: { watch: true, send: true, bridge: false },
  };
}

/** The `initialize` result: only protocol_version 1 is offered. */
export function v1Initialize(params: Params, env: SimEnv, dbPath: string, store: Store | undefined): Record<string, unknown> {
  const requested = params.protocol_version;
  if (requested !== undefined && requested !== null && requested !== 1) throw invalidParams('unsupported protocol_version');
  return v1Status(env, dbPath, store);
}
