import { describe, expect, it } from 'vitest';
import { normalizeErrorData, routeLine } from '../../../electron/core/imsg/route-line.js';

describe('routeLine', () => {
  it('routes a response by String(id) whatever the key order and with \\/ escapes', () => {
    const routed = routeLine('{"id":1,"result":{"path":"a\\/b"},"jsonrpc":"2.0"}');
    expect(routed).toMatchObject({ type: 'response', key: '1', hasResult: true, result: { path: 'a/b' } });
  });

  it('normalises an error response with string and object data', () => {
    expect(routeLine('{"jsonrpc":"2.0","id":"7","error":{"code":-32603,"message":"Internal error","data":"boom"}}')).toMatchObject({
      type: 'response',
      key: '7',
      error: { code: -32603, message: 'Internal error', data: 'boom' },
    });
    const obj = routeLine('{"id":2,"error":{"code":-32001,"message":"Delivery outcome unknown","data":{"retry_safe":false}}}');
    expect(obj).toMatchObject({ error: { code: -32001, data: { retry_safe: false } } });
  });

  it('routes id-less method lines as notifications', () => {
    expect(routeLine('{"method":"message","params":{"subscription":1}}')).toEqual({ type: 'notification', method: 'message', params: { subscription: 1 } });
    expect(routeLine('{"id":null,"method":"message","params":{}}')).toMatchObject({ type: 'notification' });
  });

  it('reports id:null errors, non-objects, non-JSON and shapeless lines as protocol problems', () => {
    expect(routeLine('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}')).toMatchObject({ type: 'protocol', json: true });
    expect(routeLine('{"jsonrpc":"2.0","error":{"code":-32603,"message":"write failed"}}')).toMatchObject({ type: 'protocol', reason: expect.stringContaining('write failed') });
    expect(routeLine('[1,2]')).toMatchObject({ type: 'protocol', reason: 'JSON line is not an object' });
    expect(routeLine('failed to parse permissionDenied(path: "/x")')).toMatchObject({ type: 'protocol', json: false });
    expect(routeLine('{"jsonrpc":"2.0"}')).toMatchObject({ type: 'protocol', reason: 'line has neither an id nor a method' });
  });

  it('keeps unusual error data as text', () => {
    expect(normalizeErrorData(['a'])).toBe('["a"]');
    expect(normalizeErrorData(null)).toBeUndefined();
    expect(normalizeErrorData(3)).toBe('3');
  });
});
