// `serve --demo --web` over plain HTTP (no browser): live snapshots over SSE and the verb
// endpoint's status mapping (unknown verb 404, bad input 400 naming the field).
import { describe, expect, it } from 'vitest';
import { injectDm } from './helpers/demo-cli.js';
import { useDemoServer } from './helpers/demo-server.js';
import { openSse, type SseEvent } from './helpers/http-client.js';

const SSE_SENDER = '+15550001111';

/** The fields of a snapshot event these tests read. */
interface SnapshotData {
  accounts: Array<{ health: { state: string } }>;
  pairing: { pending: Array<{ id: string; accountId: string; code: string }> };
}

/** Parse a snapshot event's payload. */
const snapshotOf = (e: SseEvent): SnapshotData => JSON.parse(e.data) as SnapshotData;

const demo = useDemoServer();

describe('SSE and verbs', () => {
  it('GET /v1/events pushes a snapshot event after a change', async () => {
    const sse = await openSse(demo.srv.port, '/v1/events', { cookie: demo.cookie });
    try {
      expect(sse.status).toBe(200);
      expect(sse.contentType).toMatch(/^text\/event-stream/);
      // Messages written before imsg watches would be skipped, so the change comes once it watches.
      await sse.waitFor((e) => e.event === 'snapshot' && snapshotOf(e).accounts[0]?.health.state === 'watching', 15_000);
      await injectDm(demo.srv.dbPath, SSE_SENDER, 'hi');
      const pending = await sse.waitFor((e) => e.event === 'snapshot' && snapshotOf(e).pairing.pending.some((r) => r.id === SSE_SENDER), 3_000);
      expect(snapshotOf(pending).pairing.pending).toEqual([expect.objectContaining({ id: SSE_SENDER, accountId: 'default', code: expect.stringMatching(/^[A-Z0-9]{4,}$/) })]);
      const announced = await sse.waitFor((e) => e.event === 'pairing:new', 1_000);
      expect(JSON.parse(announced.data)).toMatchObject({ id: SSE_SENDER });
    } finally {
      sse.close();
    }
  }, 25_000);

  it('POST /v1/verb/nope → 404 JSON unknown-verb', async () => {
    const res = await demo.verb('nope', {});
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown-verb' } });
  });

  it('verbs with a hyphen in their name are reachable (app:login-item, pairing:approve-all)', async () => {
    // Read-only: without `enabled` the login item is only reported.
    const res = await demo.verb('app:login-item', {});
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
    // Rejected by the schema, so nothing gets approved; a 400 proves the verb was dispatched.
    const bad = await demo.verb('pairing:approve-all', { accountId: 5 });
    expect(bad.status, bad.body).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/accountId/) } });
  });

  it('invalid input → 400 invalid-input naming the field', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['pairing:approve', {}, /\bcode\b/],
      ['pairing:approve', { code: 42 }, /\bcode\b/],
      ['app:pause', { paused: 'yes' }, /\bpaused\b/],
      ['activity:list', { limit: 0 }, /\blimit\b/],
      ['app:pause', { paused: true, sneaky: 1 }, /\bsneaky\b/],
      ['status:get', '{not json', /not JSON/],
    ];
    for (const [name, body, field] of cases) {
      const res = await demo.verb(name, body);
      expect(res.status, `${name} ${JSON.stringify(body)}`).toBe(400);
      const json = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
      expect(json.ok).toBe(false);
      expect(json.error.code).toBe('invalid-input');
      expect(json.error.message).toMatch(field);
    }
    expect((await demo.authed('/v1/verb/status:get')).status).toBe(405);
  });
});
