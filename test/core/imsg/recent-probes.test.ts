// The permission rows reuse the probe an account start just ran (no second imsg session).
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../electron/core/imsg/probe.js';
import { publishProbe, sharedProbe } from '../../../electron/core/imsg/recent-probes.js';

const result = (over: Partial<ProbeResult> = {}): ProbeResult => ({ ok: true, fatal: false, version: '0.9.0', rpcSupported: true, durationMs: 1, ...over });

describe('sharedProbe', () => {
  it('returns the probe running for the same cliPath and dbPath, then its result while fresh', async () => {
    let finish: (r: ProbeResult) => void = () => undefined;
    const running = new Promise<ProbeResult>((r) => (finish = r));
    publishProbe({ cliPath: '/opt/imsg-shared-a', dbPath: '/tmp/a.db' }, running);
    const asked = sharedProbe({ cliPath: '/opt/imsg-shared-a', dbPath: '/tmp/a.db' });
    finish(result({ version: '0.9.1' }));
    expect(await asked).toMatchObject({ ok: true, version: '0.9.1' });
    expect(await sharedProbe({ cliPath: '/opt/imsg-shared-a', dbPath: '/tmp/a.db' })).toMatchObject({ version: '0.9.1' });
  });

  it('probes for itself for another dbPath, or once the published result is older than maxAgeMs', async () => {
    publishProbe({ cliPath: '/nonexistent/imsg-shared-b', dbPath: '/tmp/b.db' }, Promise.resolve(result()));
    await new Promise((r) => setTimeout(r, 20));
    // A real probe of a path that does not exist: not found, not the published ok.
    expect(await sharedProbe({ cliPath: '/nonexistent/imsg-shared-b', dbPath: '/tmp/other.db' })).toMatchObject({ ok: false, cause: { kind: 'not-found' } });
    expect(await sharedProbe({ cliPath: '/nonexistent/imsg-shared-b', dbPath: '/tmp/b.db' }, 5)).toMatchObject({ ok: false, cause: { kind: 'not-found' } });
    expect(await sharedProbe({ cliPath: '/nonexistent/imsg-shared-b', dbPath: '/tmp/b.db' })).toMatchObject({ ok: true });
  });
});
