// Outside the Mac app (web UI, the CLI's socket) `account:pick-cli-path` cannot show a dialog: it
// answers `unavailable` with the command that changes that account's cliPath instead.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchVerb } from '../../../electron/contract/dispatch.js';
import { companionHandlers } from '../../../electron/core/app/api.js';
import { channel, cleanup, ECHO_AGENTS, startApp } from './app-fixture.js';

afterEach(cleanup);

describe('account:pick-cli-path in the core', () => {
  it('is unavailable and says how to change it; an unknown account is not-found', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    const handlers = companionHandlers(fx.app);
    expect(await dispatchVerb(handlers, 'account:pick-cli-path', { accountId: 'default' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: `Choosing a file needs the Mac app. Change channels.imessage.cliPath on the Mac with: imsg-companion config set channels.imessage.cliPath /opt/homebrew/bin/imsg (or edit ${fx.configPath}).` },
    });
    expect(await dispatchVerb(handlers, 'account:pick-cli-path', { accountId: 'work' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
