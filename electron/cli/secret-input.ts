// Read a secret value from stdin: hidden typing in a terminal, else everything piped in.
import type { CommandIo } from './command.js';

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };

/** The value without its trailing newline; in a terminal `prompt` goes to stderr and typing is not echoed. */
export async function readSecretInput(io: CommandIo, prompt: string): Promise<string> {
  const input = io.stdin as TtyIn;
  const setRaw = input.setRawMode?.bind(input);
  if (input.isTTY && setRaw) return readHidden(input, setRaw, io, prompt);
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function readHidden(input: TtyIn, setRawMode: (raw: boolean) => void, io: CommandIo, prompt: string): Promise<string> {
  io.stderr.write(prompt);
  setRawMode(true);
  input.resume();
  let value = '';
  return new Promise((resolve, reject) => {
    const done = (err?: Error): void => {
      input.off('data', onData);
      setRawMode(false);
      input.pause();
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}
