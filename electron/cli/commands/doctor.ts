// `imsg-companion doctor`: check everything that can be checked, each with a fix.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { acpCheckOnly } from '../../core/acp/acp-backend.js';
import { AgentRegistry } from '../../core/agents/registry.js';
import { setupState, setupText } from '../../core/app/setup-state.js';
import { resolveAccounts } from '../../core/config/accounts.js';
import { loadConfig } from '../../core/config/load.js';
import { connectControl } from '../../core/transport/control-client.js';
import { openSecretStore } from '../../core/secrets/index.js';
import type { DoctorCheck } from '../../core/tcc/automation-check.js';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { imsgChecks } from '../doctor-imsg.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'Check imsg, the database, the config, the state dir and the agents, with fixes';
/** Usage text. */
export const usage = `Usage: imsg-companion doctor [--probe-automation] [--json] [--config PATH] [--state-dir DIR]

Runs every check it can and prints each with ✓ or ✗ (– for not checked) and how to fix it.
Exit 1 when any fails. On a Mac, --probe-automation also checks that replies may be sent
(permission to control Messages); macOS may show a prompt for it.`;

type Check = DoctorCheck;

/** Run the checks. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let values;
  try {
    ({ values } = parseArgs({ args: [...rest], options: { json: { type: 'boolean' }, 'probe-automation': { type: 'boolean' } }, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const checks: Check[] = [];
  const loaded = await loadConfig(ctx.configPath);
  const setup = setupState(ctx.configPath, { exists: !loaded.ok || loaded.exists, everValid: loaded.ok }, loaded.ok ? [] : loaded.issues);
  if (loaded.ok && !loaded.exists) checks.push({ name: 'config', ok: false, detail: `${setupText(setup)} (no account runs, nothing is sent)`, fix: 'run: imsg-companion init' });
  else if (loaded.ok) checks.push({ name: 'config', ok: true, detail: `${ctx.configPath} is valid` });
  else checks.push({ name: 'config', ok: false, detail: loaded.issues.map((i) => `${i.path || '(file)'}: ${i.message}`).join('; '), fix: `edit ${ctx.configPath}, then run: imsg-companion config validate` });
  checks.push(await stateDirCheck(ctx.stateDir));
  if (loaded.ok && loaded.exists) {
    checks.push(...(await imsgChecks(resolveAccounts(loaded.config).filter((a) => a.enabled), io.env, values['probe-automation'] === true)));
    const registry = new AgentRegistry(loaded.config, { stateDir: ctx.stateDir, env: io.env, acpRuntime: acpCheckOnly, secrets: openSecretStore(ctx.stateDir) });
    const agents = registry.list();
    if (agents.length === 0) checks.push({ name: 'agent', ok: false, detail: 'no agent configured: messages are received but never answered', fix: 'add one under agents.list (types: openai, webhook, command, echo)' });
    for (const agent of agents) {
      const route = registry.get(agent.agentId);
      const result = route?.check ? await route.check() : { ok: true, detail: 'nothing to check' };
      checks.push({ name: `agent ${agent.agentId} (${agent.type})`, ok: result.ok, detail: result.detail, fix: result.ok ? undefined : `check agents.list entry "${agent.agentId}"` });
    }
  }
  checks.push(...(await runningChecks(ctx.stateDir)));
  io.stdout.write(values.json ? `${JSON.stringify({ ok: checks.every((c) => c.ok), checks })}\n` : checks.map((c) => `${c.skipped ? '–' : c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}${c.fix ? `\n    fix: ${c.fix}` : ''}`).join('\n') + '\n');
  return checks.every((c) => c.ok) ? 0 : 1;
}

async function stateDirCheck(dir: string): Promise<Check> {
  const probe = join(dir, `.doctor-${process.pid}`);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await fs.writeFile(probe, 'ok');
    await fs.rm(probe);
    return { name: 'state dir', ok: true, detail: `${dir} is writable` };
  } catch (err) {
    return { name: 'state dir', ok: false, detail: `${dir}: ${(err as Error).message}`, fix: `make ${dir} writable by your user, or pass --state-dir` };
  }
}

/** What the running app measured: agents failing, replies waiting or not answered. */
async function runningChecks(stateDir: string): Promise<Check[]> {
  const control = await connectControl(stateDir);
  if (!control) return [];
  const result = await control.call('status:get', {});
  if (!result.ok) return [];
  const checks: Check[] = [];
  for (const a of result.data.agents.list) {
    const h = a.health;
    if (!h || h.state === 'unknown') continue;
    const waiting = h.waiting ? `; ${h.waiting} repl${h.waiting === 1 ? 'y' : 'ies'} waiting` : '';
    const ok = h.state === 'ok';
    checks.push({ name: `agent ${a.agentId} (running app)`, ok, detail: ok ? `last call or probe succeeded at ${h.checkedAt ?? '?'}` : `${h.state} since ${h.since ?? '?'}: ${h.cause ?? ''}${waiting}`, fix: ok ? undefined : `start or fix the agent's server; waiting replies go out once it answers` });
  }
  const notAnswered = result.data.replies?.notAnswered ?? 0;
  if (notAnswered > 0) checks.push({ name: 'replies', ok: false, detail: `${notAnswered} message(s) not answered`, fix: 'imsg-companion replies list, then replies retry ID or replies dismiss ID' });
  return checks;
}
