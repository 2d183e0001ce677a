// Test helper: find things in the tray UI by their accessible names (renderer/src/components/section-tabs.tsx).
import type { Locator, Page } from 'playwright-core';

/** The five section tabs, by visible title (= accessible name). */
export const SECTIONS = ['Permissions', 'Pairing', 'Accounts', 'Conversations', 'Settings'] as const;
/** One section title. */
export type SectionTitle = (typeof SECTIONS)[number];

/** The section's tab (counters are aria-hidden, so the name is exactly the title). */
export function sectionTab(page: Page, title: SectionTitle): Locator {
  return page.getByRole('tab', { name: title, exact: true });
}

/** The open section's panel (labelled by its tab). */
export function sectionPanel(page: Page, title: SectionTitle): Locator {
  return page.getByRole('tabpanel', { name: title, exact: true });
}

/** Click a section's tab and wait until it is selected and its panel is shown. */
export async function openSection(page: Page, title: SectionTitle, timeoutMs = 5_000): Promise<Locator> {
  const tab = sectionTab(page, title);
  await tab.click({ timeout: timeoutMs });
  await page.locator(`[role="tab"][aria-selected="true"]`, { hasText: title }).waitFor({ timeout: timeoutMs });
  const panel = sectionPanel(page, title);
  await panel.waitFor({ state: 'visible', timeout: timeoutMs });
  return panel;
}
