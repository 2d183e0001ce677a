// doctor's Automation lines: probed on a Mac only with --probe-automation (the probe may prompt).
import { describe, expect, it, vi } from 'vitest';
import type { RunOsascript } from '../../../electron/core/tcc/automation.js';
import { automationChecks } from '../../../electron/core/tcc/automation-check.js';

const run = (stdout: string, stderr = '', exitCode = 0): RunOsascript => vi.fn(async () => ({ exitCode, stdout, stderr, timedOut: false }));

describe('automationChecks', () => {
  it('on a Mac without --probe-automation: not probed, a "not checked" line that says how', async () => {
    const osascript = run('3');
    const [check] = await automationChecks({ macos: true, probe: false, granteeName: 'iTerm', local: true, remote: [], runOsascript: osascript });
    expect(osascript).not.toHaveBeenCalled();
    expect(check).toMatchObject({ name: 'automation', ok: true, skipped: true, detail: 'not checked (sending replies needs iTerm to control Messages)', fix: expect.stringContaining('--probe-automation') });
  });

  it('with --probe-automation: granted is ✓, -1743 is ✗ naming the grantee', async () => {
    expect(await automationChecks({ macos: true, probe: true, granteeName: 'iTerm', local: true, remote: [], runOsascript: run('12') })).toEqual([{ name: 'automation', ok: true, detail: 'iTerm may control Messages' }]);
    const [denied] = await automationChecks({ macos: true, probe: true, granteeName: 'iTerm', local: true, remote: [], runOsascript: run('', 'execution error: Not authorized to send Apple events to Messages. (-1743)', 1) });
    expect(denied).toMatchObject({ ok: false, detail: expect.stringContaining("macOS doesn't allow iTerm to control Messages"), fix: 'open System Settings → Privacy & Security → Automation, turn on Messages under iTerm' });
  });

  it('not on a Mac: nothing for local accounts; SSH accounts get the advice for their host either way', async () => {
    const osascript = run('3');
    const checks = await automationChecks({ macos: false, probe: true, granteeName: 'node', local: true, remote: [{ accountId: 'work', host: 'mac-mini' }], runOsascript: osascript });
    expect(osascript).not.toHaveBeenCalled();
    expect(checks).toEqual([{ name: 'automation (work)', ok: true, skipped: true, detail: 'imsg runs over SSH (mac-mini); Automation can only be checked there', fix: expect.stringMatching(/^On mac-mini, open System Settings → Privacy & Security → Automation/) }]);
  });
});
