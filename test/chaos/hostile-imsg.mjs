#!/usr/bin/env node
// A hostile `imsg`: the simulator behind a proxy that misbehaves as HOSTILE_MODE says, for the
// chaos suite. Everything else (probe commands, requests, sends) is the real simulator's.
//   error-storm  an `error` notification without a subscription id every second
//   deep         a message whose text contains DEEP gets an extra field nested 6,000 levels deep
//   invalid      a text `BADID:<json>` gets that id; at start: a 10 MB line, a non-JSON line and
//                a response for an unknown request id
//   hang         `rpc` reads every request and never answers one
// HOSTILE_LOG: a file where each watch.subscribe request is logged (one line each).
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const mode = process.env.HOSTILE_MODE ?? '';
const sim = process.env.HOSTILE_SIM_BIN;
const args = process.argv.slice(2);
const rpc = args[0] === 'rpc' && !args.includes('--help');

if (rpc && mode === 'hang') {
  // Reads (so writes never block) and never answers; ends when stdin ends, like imsg.
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  const child = spawn(process.execPath, [sim, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const out = (line) => process.stdout.write(`${line}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (rpc && process.env.HOSTILE_LOG && line.includes('"watch.subscribe"')) appendFileSync(process.env.HOSTILE_LOG, `subscribe ${Date.now()}\n`);
    child.stdin.write(`${line}\n`);
  });
  process.stdin.on('end', () => child.stdin.end());
  createInterface({ input: child.stdout }).on('line', (line) => out(rpc ? rewrite(line) : line));
  if (rpc && mode === 'error-storm') {
    setInterval(() => out('{"jsonrpc":"2.0","method":"error","params":{"error":{"message":"hostile: watch failed"}}}'), 1000).unref();
  }
  if (rpc && mode === 'invalid') {
    out('x'.repeat(10 * 1024 * 1024));
    out('this is not JSON');
    out('{"jsonrpc":"2.0","id":987654,"result":{}}');
  }
}

/** The sim's stdout line, made hostile for the marked messages. */
function rewrite(line) {
  if (mode !== 'deep' && mode !== 'invalid') return line;
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    return line;
  }
  const message = msg?.method === 'message' ? msg.params?.message : undefined;
  if (!message || typeof message.text !== 'string') return line;
  if (mode === 'deep' && message.text.includes('DEEP')) {
    const depth = 6000;
    const json = JSON.stringify(message);
    const deepMessage = `${json.slice(0, -1)},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    return `{"jsonrpc":"2.0","method":"message","params":{"subscription":${msg.params.subscription},"message":${deepMessage}}}`;
  }
  const bad = /BADID:(\S+)/.exec(message.text)?.[1];
  if (mode === 'invalid' && bad !== undefined) {
    const json = JSON.stringify({ ...message, id: undefined });
    const withId = bad === 'missing' ? json : `${json.slice(0, -1)},"id":${bad}}`;
    return `{"jsonrpc":"2.0","method":"message","params":{"subscription":${msg.params.subscription},"message":${withId}}}`;
  }
  return line;
}
