import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingFile, type RotatingFileOptions } from '../../../electron/core/fs/rotating-file.js';
import { probeOpen } from './append-probe.js';

let dir: string;
let file: string;
let opened: RotatingFile[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'rotating-file-'));
  file = join(dir, 'log.jsonl');
});
afterEach(async () => {
  await Promise.all(opened.map((f) => f.close()));
  opened = [];
  await fs.rm(dir, { recursive: true, force: true });
});

/** A rotating file closed after the test. */
function make(opts: Partial<RotatingFileOptions> = {}): RotatingFile {
  const rotating = new RotatingFile({ file, maxBytes: 1 << 20, keep: 3, ...opts });
  opened.push(rotating);
  return rotating;
}

const buffers = (...lines: string[]): Buffer[] => lines.map((l) => Buffer.from(`${l}\n`));

describe('RotatingFile', () => {
  it('finishes short writes and reports each segment written', async () => {
    const { probe, open } = probeOpen();
    probe.maxPerWrite = 7;
    const reported: number[] = [];
    await make({ open }).writeLines(buffers('{"a":1}', '{"b":"ü😀"}', '{"c":3}'), (n) => reported.push(n));
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":1}\n{"b":"ü😀"}\n{"c":3}\n');
    expect(Math.max(...probe.written)).toBe(7);
    expect(reported).toEqual([3]);
  });

  it('ends a torn last line before the first write, counting that newline toward maxBytes', async () => {
    await fs.writeFile(file, '{"a":1}\n{"torn');
    const line = '{"b":2}';
    // Exactly full after the repair newline and the line (14 + 1 + 8); the next line must rotate.
    const rotating = make({ maxBytes: 23 });
    await rotating.writeLines(buffers(line), () => undefined);
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":1}\n{"torn\n{"b":2}\n');
    await rotating.writeLines(buffers('{"c":3}'), () => undefined);
    expect(await fs.readFile(join(dir, 'log.1.jsonl'), 'utf8')).toBe('{"a":1}\n{"torn\n{"b":2}\n');
    expect(await fs.readFile(file, 'utf8')).toBe('{"c":3}\n');
  });

  it('rotates a torn file away as it is when the next line does not fit, and starts the fresh file cleanly', async () => {
    await fs.writeFile(file, '{"a":1}\n{"torn');
    // 14 bytes + repair newline + 8-byte line = 23: one byte too many, so the line goes to a fresh file.
    const rotating = make({ maxBytes: 22 });
    await rotating.writeLines(buffers('{"b":2}'), () => undefined);
    expect(await fs.readFile(join(dir, 'log.1.jsonl'), 'utf8')).toBe('{"a":1}\n{"torn');
    expect(await fs.readFile(file, 'utf8')).toBe('{"b":2}\n');
  });

  it('puts a line bigger than maxBytes alone in a fresh file', async () => {
    const rotating = make({ maxBytes: 10 });
    await rotating.writeLines(buffers('ab', 'x'.repeat(30), 'cd'), () => undefined);
    expect(await fs.readFile(join(dir, 'log.2.jsonl'), 'utf8')).toBe('ab\n');
    expect(await fs.readFile(join(dir, 'log.1.jsonl'), 'utf8')).toBe(`${'x'.repeat(30)}\n`);
    expect(await fs.readFile(file, 'utf8')).toBe('cd\n');
  });
});
