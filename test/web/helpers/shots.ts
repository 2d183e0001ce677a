// Test helper: screenshots into test-results/ (and a chosen few copied under test/e2e/__screenshots__/).
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../helpers/bins.js';
import { fontsReady } from './layout-checks.js';

/** Where every screenshot goes (not committed). */
export const SHOTS_DIR = resolve(ROOT, 'test-results/screenshots');
/** The committed reference screenshots. */
export const COMMITTED_DIR = resolve(ROOT, 'test/e2e/__screenshots__');

/** Full-page screenshot `name`.png; with `commit` and UPDATE_SCREENSHOTS=1 it is also copied to the committed folder. */
export async function shot(page: Page, name: string, commit = false): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await fontsReady(page);
  const path = resolve(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', fullPage: true });
  if (commit && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(COMMITTED_DIR, { recursive: true });
    copyFileSync(path, resolve(COMMITTED_DIR, `${name}.png`));
  }
  return path;
}
