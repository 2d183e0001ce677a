// The permission checks the companion shows (implemented in permissions-service.ts).
import type { PermissionView } from '../../contract/permissions.js';

/** Keeps the latest permission rows and re-checks them on request. */
export interface PermissionsPort {
  /** The rows of the last check (empty before the first). */
  current(): PermissionView[];
  /** Re-check FDA, the imsg binary and chat.db now (never prompts). */
  check(accountId?: string): Promise<PermissionView[]>;
  /** Run the Automation probe for an account (may show the macOS prompt). */
  requestAutomation(accountId: string): Promise<PermissionView>;
}
