// `imsg-companion config import --openclaw [PATH]`: our config and pairing approvals from an
// OpenClaw/Clawdbot install. Writes atomically (previous file kept as .bak), never over an
// existing config without --force; --dry-run prints the result and writes nothing.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import JSON5 from 'json5';
import { formatIssue } from '../core/config/issues.js';
import { parseConfigRaw } from '../core/config/load.js';
import { convertOpenClawConfig } from '../core/config/openclaw-import.js';
import { findOpenClawConfig, openClawCandidates, openClawCredentialsDir, readOpenClawApprovals } from '../core/config/openclaw-home.js';
import { expandHome } from '../core/fs/expand-home.js';
import { writeFileAtomic } from '../core/fs/atomic-write.js';
import { PairingStore } from '../core/pairing/index.js';
import type { CommandIo } from './command.js';
import { UsageError } from './command.js';
import type { CliContext } from './global-flags.js';

/** Options of one import run. */
export interface ImportOptions {
  readonly source?: string;
  readonly dryRun: boolean;
  readonly force: boolean;
}

const header = (source: string): string =>
  `// imsg Companion config, imported from ${source} by \`imsg-companion config import --openclaw\`.\n// Check it with \`imsg-companion config validate\`.\n`;

/** Run the import; resolves to the exit code. */
export async function runImport(ctx: CliContext, opts: ImportOptions, io: CommandIo): Promise<number> {
  const home = io.env.HOME?.trim() || homedir();
  const source = opts.source !== undefined ? resolve(expandHome(opts.source, home)) : await findOpenClawConfig(io.env, home);
  if (source === undefined) {
    io.stderr.write(`No OpenClaw or Clawdbot config found (looked for ${openClawCandidates(io.env, home).join(', ')}). Give its path: imsg-companion config import --openclaw PATH\n`);
    return 1;
  }
  let text: string;
  try {
    text = await fs.readFile(source, 'utf8');
  } catch (err) {
    io.stderr.write(`Cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  const parsed = parseConfigRaw(text);
  if (!parsed.ok) {
    io.stderr.write(`Cannot import ${source}:\n${parsed.issues.map((i) => `  ${formatIssue(i)}\n`).join('')}`);
    return 1;
  }
  const converted = convertOpenClawConfig(parsed.raw);
  if (!converted.ok) {
    io.stderr.write(`Cannot import ${source}: ${converted.issues.length} problem${converted.issues.length === 1 ? '' : 's'} (nothing was written)\n${converted.issues.map((i) => `  ${formatIssue(i)}\n`).join('')}`);
    return 1;
  }
  const credentials = openClawCredentialsDir(source, io.env);
  const { approvals, problems } = await readOpenClawApprovals(credentials);
  if (await fs.stat(join(credentials, 'imessage-pairing.json')).then(() => true, () => false)) {
    converted.leftOut.push({ path: join(credentials, 'imessage-pairing.json'), reason: 'pending pairing requests are not imported; those senders get a new code when they write again' });
  }
  const leftOut = converted.leftOut.map((l) => `  ${l.path}: ${l.reason}\n`).join('');
  const configText = `${header(source)}${JSON5.stringify(converted.raw, { space: 2, quote: '"' })}\n`;
  const exists = await fs.stat(ctx.configPath).then(() => true, () => false);
  const lines: string[] = [];
  if (opts.dryRun) lines.push(`Dry run: nothing written. ${ctx.configPath} would contain:`, configText.trimEnd());
  else {
    if (exists && !opts.force) {
      io.stderr.write(`${ctx.configPath} already exists; not overwritten. Re-run with --force (the current file is kept as ${ctx.configPath}.bak), or --dry-run to see the result.\n`);
      return 1;
    }
    await writeFileAtomic(ctx.configPath, configText, { backup: exists });
    lines.push(`Imported iMessage settings from ${source} into ${ctx.configPath}${exists ? ` (previous version: ${ctx.configPath}.bak)` : ''}.`);
  }
  lines.push(...(await importApprovals(ctx, approvals, opts.dryRun)), ...problems.map((p) => `Warning: ${p}`));
  if (leftOut) lines.push('Left out:', leftOut.trimEnd());
  if (converted.warnings.length > 0) lines.push('Warnings:', ...converted.warnings.map((w) => `  ${formatIssue(w)}`));
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Copy approved senders into our pairing store (or say what would be copied). */
async function importApprovals(ctx: CliContext, approvals: Map<string, string[]>, dryRun: boolean): Promise<string[]> {
  if (approvals.size === 0) return ['Approved senders: none found in the OpenClaw pairing store.'];
  const store = new PairingStore({ stateDir: ctx.stateDir });
  const parts: string[] = [];
  for (const [account, senders] of approvals) {
    const added = dryRun ? senders.length : await store.importApproved(account, senders);
    parts.push(`${account}: ${added}${dryRun ? '' : ` new of ${senders.length}`}`);
  }
  return [`Approved senders ${dryRun ? 'that would be imported' : 'imported'}: ${parts.join(', ')}.`];
}

/** Parse `import` options (after the subcommand): `--openclaw [PATH]`, `--dry-run`, `--force`. */
export function parseImportArgs(args: readonly string[]): ImportOptions {
  let openclaw = false;
  let source: string | undefined;
  let dryRun = false;
  let force = false;
  for (const arg of args) {
    if (arg === '--openclaw') openclaw = true;
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--force') force = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}' for config import (expected --openclaw, --dry-run, --force)`);
    else if (source === undefined) source = arg;
    else throw new UsageError(`config import takes one PATH (got '${source}' and '${arg}')`);
  }
  if (!openclaw) throw new UsageError('config import needs --openclaw (the only source it reads): imsg-companion config import --openclaw [PATH]');
  return { ...(source !== undefined && { source }), dryRun, force };
}
