// The control socket as the one lock per state dir: the owner says who it is; a second start is
// refused naming it (even when both start at once); a stale socket file is taken over.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractHandlers } from '../../../electron/contract/channels.js';
import { describeOwner, InstanceBusyError, readOwner } from '../../../electron/core/transport/control-owner.js';
import { controlSocketPath, startControlSocket } from '../../../electron/core/transport/control-socket.js';
import { guardPrivileged, refuseFromWeb } from '../../../electron/core/transport/privileged-guard.js';
import { dispatchVerb } from '../../../electron/contract/dispatch.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'imsg-ctl-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const handlers = {} as ContractHandlers;
const events = { on: () => () => undefined };

describe('startControlSocket', () => {
  it('answers who owns the state dir; a second start is refused naming it', async () => {
    const first = await startControlSocket(dir, handlers, events, { kind: 'app', version: '1.2.3' });
    try {
      expect(await readOwner(controlSocketPath(dir))).toEqual({ pid: process.pid, kind: 'app', version: '1.2.3', startedAt: first.owner.startedAt });
      const err = await startControlSocket(dir, handlers, events, { kind: 'serve', version: '1.2.3' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InstanceBusyError);
      expect((err as Error).message).toBe(
        `imsg Companion already runs on the state dir ${dir}: the imsg Companion menu-bar app (pid ${process.pid}, version 1.2.3, started ${first.owner.startedAt}). Only one may run per state dir (both would answer every message). Quit it first, or talk to it with the imsg-companion CLI.`,
      );
    } finally {
      await first.close();
    }
  });

  it('two starting at once: exactly one wins', async () => {
    const results = await Promise.allSettled([startControlSocket(dir, handlers, events, { kind: 'serve', version: 'a' }), startControlSocket(dir, handlers, events, { kind: 'serve', version: 'b' })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(InstanceBusyError);
    await (won[0] as PromiseFulfilledResult<{ close(): Promise<void> }>).value.close();
  });

  it('takes over a stale socket file nobody answers on, and frees the dir on close', async () => {
    writeFileSync(controlSocketPath(dir), '');
    const sock = await startControlSocket(dir, handlers, events);
    expect((await readOwner(sock.path))?.kind).toBe('serve');
    await sock.close();
    expect(await readOwner(sock.path)).toBeUndefined();
    const again = await startControlSocket(dir, handlers, events);
    await again.close();
  });

  it('describes an owner that did not say who it is', () => {
    expect(describeOwner(undefined)).toBe('another imsg Companion (it did not say which)');
  });
});

describe('guardPrivileged', () => {
  const calls: unknown[] = [];
  const base = {
    'config:set': async (i: unknown) => (calls.push(i), { ok: true, issues: [] }),
    'config:unset': async (i: unknown) => (calls.push(i), { ok: true, issues: [] }),
  } as unknown as ContractHandlers;

  it('the web UI cannot change a privileged key (named in the refusal), but can change others', async () => {
    const web = guardPrivileged(base, refuseFromWeb);
    expect(await dispatchVerb(web, 'config:set', { key: 'channels.imessage.remoteHost', value: 'evil.example' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'channels.imessage.remoteHost cannot be changed from the web UI: it sets the host the app connects to over SSH for attachments. Change it on the Mac with imsg-companion config set, or in the config file.' },
    });
    expect(await dispatchVerb(web, 'config:unset', { key: 'agents.list[0].backend.argv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
    expect(await dispatchVerb(web, 'config:set', { key: 'channels.imessage.dmPolicy', value: 'open' })).toMatchObject({ ok: true });
    expect(calls).toEqual([{ key: 'channels.imessage.dmPolicy', value: 'open' }]);
  });

  it('with the current config, a parent key passes unless a privileged leaf beneath it changes', async () => {
    calls.length = 0;
    const current = { agents: { list: [] as unknown[] } };
    const web = guardPrivileged(base, refuseFromWeb, () => current);
    const openai = { id: 'main', backend: { type: 'openai', model: 'gpt-4o-mini' } };
    expect(await dispatchVerb(web, 'config:set', { key: 'agents.list', value: [openai] })).toMatchObject({ ok: true });
    const refused = await dispatchVerb(web, 'config:set', { key: 'agents.list', value: [openai, { id: 'cmd', backend: { type: 'command', argv: ['/bin/sh'] } }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('the program a command agent runs') } });
    // Without the config (no way to compare), every parent of a privileged key stays gated.
    expect(await dispatchVerb(guardPrivileged(base, refuseFromWeb), 'config:set', { key: 'agents.list', value: [openai] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([{ key: 'agents.list', value: [openai] }]);
  });
});
