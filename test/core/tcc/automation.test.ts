// Automation of Messages from osascript results (macos-electron §3.4), with a fake runner.
import { describe, expect, it } from 'vitest';
import { AUTOMATION_SCRIPT, type OsascriptRun, parseAutomationRun, requestAutomation, type RunOsascript } from '../../../electron/core/tcc/automation.js';
import { AutomationState } from '../../../electron/core/tcc/automation-state.js';

const AT = '2026-01-02T03:04:05.000Z';
const run = (patch: Partial<OsascriptRun>): OsascriptRun => ({ exitCode: 0, stdout: '', stderr: '', timedOut: false, ...patch });

describe('parseAutomationRun', () => {
  it.each<[string, string, string, Partial<OsascriptRun>]>([
    ['-1743 not permitted', 'denied', 'not-permitted', { exitCode: 1, stderr: '25:60: execution error: Not authorized to send Apple events to Messages. (-1743)' }],
    ['-1744 would require consent', 'not-determined', 'would-require-consent', { exitCode: 1, stderr: 'execution error: Messages got an error: (-1744)' }],
    ['-600 Messages not running', 'unknown', 'messages-not-running', { exitCode: 1, stderr: "execution error: Messages got an error: Application isn't running. (-600)" }],
    ['the script saw Messages closed', 'unknown', 'messages-not-running', { stdout: 'not-running' }],
    ['a chat count (granted)', 'granted', 'allowed', { stdout: '42' }],
    ['zero chats is still granted', 'granted', 'allowed', { stdout: '0' }],
    ['timeout', 'unknown', 'timeout', { exitCode: undefined, timedOut: true }],
    ['AppleEvent timed out (-1712)', 'unknown', 'timeout', { exitCode: 1, stderr: 'execution error: AppleEvent timed out. (-1712)' }],
    ['garbage on stdout', 'unknown', 'unexpected', { stdout: '¯\\_(ツ)_/¯' }],
    ['an error without a code', 'unknown', 'unexpected', { exitCode: 1, stderr: 'syntax error: something odd' }],
    ['osascript missing', 'unknown', 'unavailable', { exitCode: undefined, error: 'spawn /usr/bin/osascript ENOENT' }],
  ])('%s → %s (%s)', (_name, status, reason, patch) => {
    const verdict = parseAutomationRun(run(patch), AT);
    expect(verdict).toMatchObject({ status, reason, at: AT });
    if (status !== 'granted' && (patch.stderr || patch.error)) expect(verdict.detail).toBeTruthy();
  });

  it('does not read -1743 out of a successful run', () => {
    expect(parseAutomationRun(run({ stdout: 'x (-1743)' }), AT).status).toBe('unknown');
  });
});

describe('requestAutomation', () => {
  it('asks "is running" before sending anything to Messages, in one argv array', async () => {
    const calls: Array<{ args: readonly string[]; timeoutMs: number }> = [];
    const runner: RunOsascript = async (args, timeoutMs) => {
      calls.push({ args, timeoutMs });
      return run({ stdout: '3' });
    };
    const verdict = await requestAutomation({ runOsascript: runner, timeoutMs: 1234, now: () => Date.parse(AT) });
    expect(verdict).toEqual({ status: 'granted', reason: 'allowed', at: AT });
    expect(calls).toEqual([{ args: AUTOMATION_SCRIPT, timeoutMs: 1234 }]);
    const script = AUTOMATION_SCRIPT.filter((_a, i) => i % 2 === 1).join('\n');
    expect(AUTOMATION_SCRIPT.filter((_a, i) => i % 2 === 0).every((flag) => flag === '-e')).toBe(true);
    expect(script.indexOf('is running')).toBeGreaterThanOrEqual(0);
    expect(script.indexOf('is running')).toBeLessThan(script.indexOf('count of chats'));
  });

  it('turns a throwing runner into unknown instead of rejecting', async () => {
    const verdict = await requestAutomation({ runOsascript: async () => Promise.reject(new Error('boom')) });
    expect(verdict).toMatchObject({ status: 'unknown', reason: 'unavailable', detail: 'boom' });
  });
});

describe('AutomationState', () => {
  it('shares one run between concurrent requests and keeps the verdict', async () => {
    let calls = 0;
    let release: (r: OsascriptRun) => void = () => undefined;
    const state = new AutomationState({
      runOsascript: () => {
        calls += 1;
        return new Promise<OsascriptRun>((resolve) => {
          release = resolve;
        });
      },
    });
    expect(state.verdict).toBeUndefined();
    const first = state.request();
    const second = state.request();
    await Promise.resolve();
    release(run({ exitCode: 1, stderr: 'Not authorized (-1743)' }));
    expect((await first).status).toBe('denied');
    expect((await second).status).toBe('denied');
    expect(calls).toBe(1);
    expect(state.verdict?.status).toBe('denied');
  });
});
