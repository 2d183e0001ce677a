// The default runners never reject: exit codes, stderr and spawn failures come back as data.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFailure, runHelper } from '../../../electron/core/platform/run-open.js';
import { parseAutomationRun, runOsascript } from '../../../electron/core/tcc/automation.js';

describe('runHelper', () => {
  it('returns the exit code and stderr of an argv-array run', async () => {
    const run = await runHelper('/bin/sh', ['-c', 'echo "$0 went wrong" >&2; exit 3', 'it']);
    expect(run).toMatchObject({ exitCode: 3, stderr: 'it went wrong' });
    expect(runFailure('open', run)).toBe('open failed (exit code 3): it went wrong.');
  });

  it('reports a missing program instead of throwing', async () => {
    const run = await runHelper('/nonexistent/open', []);
    expect(run.exitCode).toBeUndefined();
    expect(run.stderr).toContain('ENOENT');
  });
});

describe('runOsascript', () => {
  it('runs /usr/bin/osascript where it exists, and reports "unavailable" where it does not', async () => {
    // `return 1` sends no Apple event, so this never prompts on a Mac.
    const run = await runOsascript(['-e', 'return 1'], 5000);
    if (existsSync('/usr/bin/osascript')) expect(run).toMatchObject({ exitCode: 0, stdout: '1', timedOut: false });
    else expect(parseAutomationRun(run, new Date().toISOString())).toMatchObject({ status: 'unknown', reason: 'unavailable' });
  });
});
