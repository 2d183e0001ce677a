// `imsg status [--json]`: what works on this (simulated) Mac; `rpc_methods` is the capability probe.
import { RPC_METHODS } from '../rpc/dispatch.js';
import { encodeJsonLine } from '../rpc/json-line.js';
import type { SimCommand } from './command.js';

const MESSAGE = 'Basic features are available. Advanced features need the imsg bridge (SIP disabled, then imsg launch).';

/** The status report of a normal Mac: basic features on, bridge features off (SIP enabled). */
export function statusReport(version: string): Record<string, unknown> {
  return {
    version,
    basic_features: true,
    advanced_features: false,
    typing_indicators: false,
    read_receipts: false,
    sip: 'enabled',
    message: MESSAGE,
    bridge_version: '',
    v2_ready: false,
    selectors: {},
    rpc_methods: [...RPC_METHODS],
  };
}

/** Check availability of imsg advanced features. */
export const statusCommand: SimCommand = {
  program: 'imsg',
  name: 'status',
  abstract: 'Check availability of imsg advanced features',
  options: [],
  examples: ['imsg status', 'imsg status --json'],
  async run(values, ctx) {
    const report = statusReport(ctx.env.version);
    if (values.json) {
      ctx.stdout.write(`${encodeJsonLine(report)}\n`);
    } else {
      ctx.stdout.write(`imsg ${ctx.env.version}\nBasic features: available\nAdvanced features: unavailable (SIP enabled)\n${MESSAGE}\n`);
    }
    return 0;
  },
};
