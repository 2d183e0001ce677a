// The app version, kept in one place for the CLI, status and the UI.

/** imsg Companion's version (matches package.json). */
export const VERSION = '0.1.0';
