// The CLI program (bundled to dist/bin/imsg-companion-main.cjs, started by launch.ts): runs the
// CLI against the real process streams.
import { main } from './main.js';

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
  // Done: whatever a child still holds open (an orphaned grandchild's pipe) cannot keep the process
  // alive past a short grace (2 s) (unref'd: a clean exit happens at once, as always).
  setTimeout(() => process.exit(), 2_000).unref();
});
