// The §6 cross-field rules: dmPolicy "open" needs "*", "allowlist" needs an entry, per account with
// fallback to the channel's allowFrom, always reported at the allowFrom key path.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../electron/core/config/issues.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

const OPEN = 'channels.imessage.allowFrom: channels.imessage.dmPolicy="open" requires channels.imessage.allowFrom to include "*"';
const ALLOWLIST = 'channels.imessage.allowFrom: channels.imessage.dmPolicy="allowlist" requires channels.imessage.allowFrom to contain at least one sender ID';
const accountOpen = (id: string) =>
  `channels.imessage.accounts.${id}.allowFrom: channels.imessage.accounts.*.dmPolicy="open" requires channels.imessage.accounts.*.allowFrom (or channels.imessage.allowFrom) to include "*"`;
const accountAllowlist = (id: string) =>
  `channels.imessage.accounts.${id}.allowFrom: channels.imessage.accounts.*.dmPolicy="allowlist" requires channels.imessage.accounts.*.allowFrom (or channels.imessage.allowFrom) to contain at least one sender ID`;

function problems(imessage: Record<string, unknown>): string[] {
  const result = validateConfig({ channels: { imessage } });
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('dmPolicy / allowFrom rules', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['open without allowFrom', { dmPolicy: 'open' }, [OPEN]],
    ['open without "*"', { dmPolicy: 'open', allowFrom: ['+15550001111'] }, [OPEN]],
    ['open with "*"', { dmPolicy: 'open', allowFrom: ['*'] }, []],
    ['open with a padded "*"', { dmPolicy: 'open', allowFrom: [' * '] }, []],
    ['allowlist without allowFrom', { dmPolicy: 'allowlist' }, [ALLOWLIST]],
    ['allowlist with []', { dmPolicy: 'allowlist', allowFrom: [] }, [ALLOWLIST]],
    ['allowlist with only blanks', { dmPolicy: 'allowlist', allowFrom: ['  ', ''] }, [ALLOWLIST]],
    ['allowlist with a number', { dmPolicy: 'allowlist', allowFrom: [15550001111] }, []],
    ['pairing (the default) needs nothing', { dmPolicy: 'pairing' }, []],
    ['no dmPolicy needs nothing', { allowFrom: [] }, []],
    ['disabled needs nothing', { dmPolicy: 'disabled' }, []],
  ])('channel level: %s', (_name, block, expected) => {
    expect(problems(block)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['account open falls back to the channel "*"', { allowFrom: ['*'], accounts: { work: { dmPolicy: 'open' } } }, []],
    ['account open without "*" anywhere', { accounts: { work: { dmPolicy: 'open', allowFrom: ['+1555'] } } }, [accountOpen('work')]],
    ['account allowFrom replaces the channel "*"', { dmPolicy: 'open', allowFrom: ['*'], accounts: { work: { allowFrom: ['+1555'] } } }, [accountOpen('work')]],
    ['account inherits channel "open" (no injected pairing default)', { dmPolicy: 'open', allowFrom: ['*'], accounts: { work: {} } }, []],
    ['account allowlist falls back to the channel entries', { allowFrom: ['+1555'], accounts: { work: { dmPolicy: 'allowlist' } } }, []],
    ['account allowlist with nothing', { accounts: { work: { dmPolicy: 'allowlist' }, home: {} } }, [accountAllowlist('work')]],
    ['channel allowlist inherited by an account that empties allowFrom', { dmPolicy: 'allowlist', allowFrom: ['+1'], accounts: { work: { allowFrom: [] } } }, [accountAllowlist('work')]],
    ['account overrides a channel policy that would fail', { dmPolicy: 'allowlist', accounts: { work: { dmPolicy: 'pairing' } } }, [ALLOWLIST]],
  ])('accounts: %s', (_name, block, expected) => {
    expect(problems(block)).toEqual(expected);
  });

  it('checks the rules even when other keys are invalid', () => {
    expect(problems({ dmPolicy: 'open', textChunkLimit: 0 })).toEqual(['channels.imessage.textChunkLimit: expected an integer > 0', OPEN]);
  });

  it('ignores a malformed allowFrom instead of crashing (the type error is reported)', () => {
    expect(problems({ dmPolicy: 'open', allowFrom: 'x' })).toEqual(['channels.imessage.allowFrom: expected a list', OPEN]);
  });
});
