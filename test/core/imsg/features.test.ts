import { describe, expect, it } from 'vitest';
import { detectFeatures } from '../../../electron/core/imsg/features.js';
import { ImsgRpcError, ImsgTimeoutError } from '../../../electron/core/imsg/rpc-errors.js';

type Answer = unknown | Error;

function fakeClient(answers: Record<string, Answer>): { request: (method: string, params?: Record<string, unknown>) => Promise<unknown>; calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    request: async (method, params) => {
      calls.push([method, params]);
      const answer = answers[method];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('detectFeatures', () => {
  it('is legacy when initialize is an unknown method', async () => {
    const client = fakeClient({ initialize: new ImsgRpcError('initialize', -32601, 'Method not found', 'initialize') });
    expect(await detectFeatures(client)).toEqual({ protocol: 'legacy' });
    expect(client.calls).toEqual([['initialize', { protocol_version: 1 }]]);
  });

  it('is v1 with version and methods from initialize', async () => {
    const client = fakeClient({ initialize: { protocol_version: 1, version: '0.14.2', methods: ['chats.list', 'status'] } });
    expect(await detectFeatures(client)).toEqual({ protocol: 'v1', version: '0.14.2', methods: ['chats.list', 'status'] });
    expect(client.calls).toHaveLength(1);
  });

  it('fills what initialize left out from status (supported_methods)', async () => {
    const client = fakeClient({ initialize: { protocol_version: 1 }, status: { version: '0.15.0', supported_methods: ['send'] } });
    expect(await detectFeatures(client)).toEqual({ protocol: 'v1', version: '0.15.0', methods: ['send'] });
  });

  it('stays v1 when status fails with an rpc error', async () => {
    const client = fakeClient({ initialize: {}, status: new ImsgRpcError('status', -32603, 'Internal error', 'x') });
    expect(await detectFeatures(client)).toEqual({ protocol: 'v1' });
  });

  it('rethrows anything that is not "method not found" (permission banner, timeouts)', async () => {
    await expect(detectFeatures(fakeClient({ initialize: new ImsgRpcError('initialize', -32603, 'Internal error', 'unable to open database file (code: 14)') }))).rejects.toMatchObject({ code: -32603 });
    await expect(detectFeatures(fakeClient({ initialize: new ImsgTimeoutError('initialize', 10, true) }))).rejects.toBeInstanceOf(ImsgTimeoutError);
  });
});
