// Permission and platform shapes (macOS TCC, the imsg binary, chat.db) shown in the Permissions section.
import { z } from 'zod';

/** Which check a row is about. */
export const PermissionIdSchema = z.enum(['full-disk-access', 'automation', 'imsg-binary', 'chat-db']);

/** The state of one check (macos-electron §3.6 plus not-applicable off macOS). */
export const PermissionStatusSchema = z.enum(['granted', 'denied', 'not-determined', 'unknown', 'not-applicable']);

/** A button the UI may offer for a row; main/serve decides what each does (never a renderer URL). */
export const PermissionActionSchema = z.enum(['open-settings', 'reveal-app', 'reveal-imsg', 'check-again', 'request-access', 'open-messages', 'relaunch']);

/** System Settings panes we may open (allowlisted deep links, macos-electron §3.5). */
export const SettingsPaneSchema = z.enum(['full-disk-access', 'automation', 'login-items', 'privacy']);

/** One row of the Permissions section. */
export const PermissionViewSchema = z.object({
  id: PermissionIdSchema,
  accountId: z.string(),
  status: PermissionStatusSchema,
  title: z.string(),
  /** One plain sentence: what is wrong or fine. */
  summary: z.string(),
  /** Which process needs the grant (the app bundle; in dev the terminal; for SSH the remote Mac). */
  grantee: z.string().optional(),
  /** The guided fix, one step per entry (empty when granted). */
  steps: z.array(z.string()),
  actions: z.array(PermissionActionSchema),
  settingsPane: SettingsPaneSchema.optional(),
  detail: z.string().optional(),
  checkedAt: z.string(),
});

/** Where the app runs and who macOS will ask about. */
export const PlatformViewSchema = z.object({
  os: z.string(),
  macos: z.boolean(),
  /** 'app' (packaged menu-bar app), 'dev' (electron . from a terminal) or 'headless' (serve). */
  mode: z.enum(['app', 'dev', 'headless']),
  /** Human description of the launch context, e.g. "serve started from Terminal". */
  launchContext: z.string(),
  /** What the UI can do on this platform (open System Settings, reveal in Finder, login item). */
  canOpenSettings: z.boolean(),
  canReveal: z.boolean(),
  loginItems: z.boolean(),
  /** The app can show a native file dialog (the Mac app's `account:pick-cli-path`; never the web UI). */
  canPickFiles: z.boolean().optional(),
  /** The process log file (app: ~/Library/Logs/imsg Companion/main.log; serve: <state dir>/logs/serve.log). */
  logPath: z.string().optional(),
  /** Whether macOS notifications can be shown (unsigned builds: none; a `failed` event: the error). */
  notifications: z.object({ ok: z.boolean(), problem: z.string().optional() }).optional(),
});

/** Login item state (Electron `getLoginItemSettings().status` on macOS 13+). */
export const LoginItemViewSchema = z.object({
  supported: z.boolean(),
  enabled: z.boolean(),
  status: z.enum(['enabled', 'not-registered', 'requires-approval', 'not-found', 'unsupported']),
});

/** A permission row. */
export type PermissionView = z.infer<typeof PermissionViewSchema>;
/** The platform block. */
export type PlatformView = z.infer<typeof PlatformViewSchema>;
/** A settings pane name. */
export type SettingsPane = z.infer<typeof SettingsPaneSchema>;
/** Login item state. */
export type LoginItemView = z.infer<typeof LoginItemViewSchema>;
