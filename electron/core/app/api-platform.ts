// The permission, shell, settings and login-item verbs. Paths and URLs are decided here on the
// main side from names (a pane, a reveal target); nothing the renderer sends is opened as is.
import { promises as fs } from 'node:fs';
import type { ContractHandlers } from '../../contract/channels.js';
import { VerbError } from '../../contract/dispatch.js';
import { resolveAccount, type ResolvedAccount } from '../config/accounts.js';
import type { AppConfig } from '../config/schema.js';
import { findBinary } from '../imsg/find-binary.js';
import { buildSpawnEnv } from '../imsg/spawn-env.js';
import type { PlatformPort } from '../platform/platform-port.js';
import { settingsLinks } from '../platform/settings-links.js';
import { buildSettingsView } from '../platform/settings-view.js';
import type { PermissionsPort } from './permissions-port.js';

/** The verbs {@link platformHandlers} implements. */
export type PlatformVerb = 'permissions:check' | 'permissions:request-automation' | 'shell:open-settings' | 'shell:reveal' | 'shell:open-messages' | 'settings:get' | 'app:login-item' | 'app:relaunch' | 'app:reveal-logs';

/** Why a headless run cannot relaunch itself, and what to do instead. */
export const NO_RELAUNCH = 'Only the menu-bar app can relaunch itself: restart imsg-companion serve (and, for a new grant, the terminal it runs in).';

/** What the handlers need from the companion. */
export interface PlatformHandlerDeps {
  permissions: PermissionsPort;
  platform: PlatformPort;
  configPath: string;
  stateDir: string;
  /** Every configured account (for the imsg binary of `shell:reveal`). */
  accounts: () => ResolvedAccount[];
  config: () => AppConfig;
  /** Env whose PATH finds a bare `imsg` cliPath (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

const REVEAL_TARGETS = ['app', 'imsg', 'config', 'state-dir'] as const;
type RevealTarget = (typeof REVEAL_TARGETS)[number];

const exists = (path: string): Promise<boolean> => fs.stat(path).then(() => true, () => false);

/** Build the handlers of {@link PlatformVerb}. */
export function platformHandlers(deps: PlatformHandlerDeps): Pick<ContractHandlers, PlatformVerb> {
  const account = (accountId: string | undefined): ResolvedAccount => {
    if (accountId === undefined) return resolveAccount(deps.config());
    const found = deps.accounts().find((a) => a.accountId === accountId.trim().toLowerCase());
    if (!found) throw new VerbError('not-found', `No account "${accountId.slice(0, 64)}".`);
    return found;
  };
  const enabledAccount = (accountId: string): void => {
    const id = accountId.trim().toLowerCase();
    if (!deps.accounts().some((a) => a.accountId === id && a.enabled)) throw new VerbError('not-found', `No enabled account "${accountId.slice(0, 64)}".`);
  };
  // The path each reveal target means, decided here; never a path from the request.
  const revealPath = async (target: RevealTarget, accountId: string | undefined): Promise<{ path: string; reason?: string }> => {
    if (target === 'app') return { path: deps.platform.appPath() };
    if (target === 'config') return { path: deps.configPath };
    if (target === 'state-dir') return { path: deps.stateDir };
    const a = account(accountId);
    const binary = await findBinary(a.cliPath, buildSpawnEnv(deps.env ?? process.env));
    return binary ? { path: binary } : { path: a.cliPath, reason: `imsg wasn't found (${a.cliPath}).` };
  };
  return {
    'permissions:check': async ({ accountId }) => {
      if (accountId !== undefined) enabledAccount(accountId);
      return { permissions: await deps.permissions.check(accountId) };
    },
    'permissions:request-automation': async ({ accountId }) => {
      enabledAccount(accountId);
      return { permission: await deps.permissions.requestAutomation(accountId) };
    },
    'shell:open-settings': async ({ pane }) => {
      if (!settingsLinks(pane)) throw new VerbError('invalid-input', `Unknown System Settings pane: ${String(pane).slice(0, 40)}.`);
      return deps.platform.openSettings(pane);
    },
    'shell:reveal': async ({ target, accountId }) => {
      if (!(REVEAL_TARGETS as readonly string[]).includes(target)) throw new VerbError('invalid-input', `Unknown reveal target: ${String(target).slice(0, 40)}.`);
      const { path, reason } = await revealPath(target, accountId);
      if (reason) return { opened: false, path, reason };
      const result = await deps.platform.reveal(path);
      return { opened: result.opened, path, ...(result.reason ? { reason: result.reason } : {}) };
    },
    'shell:open-messages': () => deps.platform.openMessages(),
    'settings:get': async () => buildSettingsView(deps.config(), deps.configPath, await exists(deps.configPath)),
    'app:login-item': ({ enabled }) => deps.platform.loginItem(enabled),
    'app:relaunch': async () => deps.platform.relaunch?.() ?? { relaunching: false, reason: NO_RELAUNCH },
    'app:reveal-logs': async () => {
      const path = deps.platform.describe().logPath;
      if (!path) return { opened: false, path: '', reason: 'This run writes no log file.' };
      const result = await deps.platform.reveal(path);
      return { opened: result.opened, path, ...(result.reason ? { reason: result.reason } : {}) };
    },
  };
}
