// Writes small executable node scripts that behave like various imsg builds, for probe tests.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Which imsg to imitate. */
export type FakeCliMode = 'legacy' | 'v1' | 'fda' | 'old-help' | 'old-version' | 'hang-help' | 'hang-rpc' | 'old-hang';

const BANNER = 'unable to open database file (code: 14)\n\n⚠️  Permission Error: Cannot access Messages database\n\nThe Messages database at /Users/me/Library/Messages/chat.db requires Full Disk Access permission.';

function script(mode: FakeCliMode): string {
  return `#!${process.execPath}
const MODE = ${JSON.stringify(mode)};
const fs = require('fs');
const args = process.argv.slice(2);
const out = (s) => process.stdout.write(s + '\\n');
if (process.env.FAKE_LOG) fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify(args) + '\\n');
if (args.includes('--version')) {
  out(MODE === 'old-version' ? '0.2.0' : MODE === 'v1' ? '0.14.1' : MODE === 'old-help' ? 'imsg dev build' : '0.9.0');
  process.exit(0);
}
if (args[0] === 'rpc' && args.includes('--help')) {
  if (MODE === 'old-help' || MODE === 'old-hang') { out('Error: Unknown command "rpc"'); process.exit(1); }
  if (MODE === 'hang-help') { setInterval(() => {}, 1000); return; }
  out('imsg rpc\\nRun JSON-RPC over stdin/stdout');
  process.exit(0);
}
// old-hang: a build without rpc behind a wrapper that then waits on stdin, silent.
if (MODE === 'old-hang') { if (process.env.FAKE_PIDFILE) fs.writeFileSync(process.env.FAKE_PIDFILE, String(process.pid)); process.stdin.resume(); setInterval(() => {}, 1000); return; }
if (args[0] !== 'rpc' || MODE === 'old-help') { out('Error: Unknown command ' + JSON.stringify(args[0] ?? '')); process.exit(1); }
if (process.env.FAKE_PIDFILE) fs.writeFileSync(process.env.FAKE_PIDFILE, String(process.pid));
if (MODE === 'hang-rpc') { process.stdin.resume(); setInterval(() => {}, 1000); return; }
const rl = require('readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const req = JSON.parse(line);
  const reply = (o) => out(JSON.stringify(Object.assign({ jsonrpc: '2.0', id: req.id }, o)));
  if (MODE === 'fda') return reply({ error: { code: -32603, message: 'Internal error', data: ${JSON.stringify(BANNER)} } });
  if (req.method === 'initialize' && MODE === 'v1') return reply({ result: { protocol_version: 1, version: '0.14.1', methods: ['chats.list', 'initialize', 'status'] } });
  if (req.method === 'chats.list') return reply({ result: { chats: [] } });
  reply({ error: { code: -32601, message: 'Method not found', data: req.method } });
});
rl.on('close', () => process.exit(MODE === 'fda' ? 1 : 0));
`;
}

/** Create `<dir>/<name>` (mode 755) imitating an imsg build; returns its path. */
export async function writeFakeCli(dir: string, mode: FakeCliMode, name = `imsg-${mode}`): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, script(mode));
  await chmod(path, 0o755);
  return path;
}
