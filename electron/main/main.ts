// The Electron main entry (bundled to dist/main/main.js). Thin on purpose: everything it calls
// takes the Electron modules as an argument and is tested with a fake (test/main).
import * as electron from 'electron';
import { tuneV8ForAllDay } from '../core/app/v8-flags.js';
import { boot } from './boot.js';
import { createCore } from './core-host.js';
import { safeStorageCipher } from './safe-storage-secrets.js';

tuneV8ForAllDay();

void boot(electron, {
  createCore: (platform) => createCore({ platform, version: electron.app.getVersion(), secretCipher: safeStorageCipher(electron.safeStorage) }),
})
  ?.then((shell) => {
    // The real-Electron check (test/mac, `npm run test:mac`) reads the running shell from here.
    if (process.env.IMSG_COMPANION_E2E === '1') (globalThis as { __imsgCompanionShell?: unknown }).__imsgCompanionShell = shell;
  })
  .catch((err: unknown) => {
    console.error('[imsg-companion] failed to start', err);
    electron.app.exit(1);
  });
