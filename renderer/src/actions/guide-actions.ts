// The guide's buttons: a test message to yourself, agent presets, "Test agent", who may talk.
// Each choice becomes config:set calls with plain values; main validates every write.
import { api } from '../api/current-api.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { useUiStore } from '../stores/ui-store.js';
import { agentTestKey, guideKey, TEST_SEND_KEY } from './keys.js';
import { setConfigValue } from './settings-actions.js';

const ui = () => useUiStore.getState();

/** Agent presets: what each writes as `backend` (the model stays editable). */
export const AGENT_PRESETS = {
  ollama: { label: 'Ollama (on this Mac)', backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } },
  lmstudio: { label: 'LM Studio (on this Mac)', backend: { type: 'openai', baseUrl: 'http://127.0.0.1:1234/v1', model: 'local-model' } },
  openai: { label: 'OpenAI', backend: { type: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyEnv: 'OPENAI_API_KEY' } },
  webhook: { label: 'My webhook', backend: { type: 'webhook', url: 'http://127.0.0.1:8787/reply' } },
  command: { label: 'A command', backend: { type: 'command', argv: ['/usr/local/bin/my-agent'] } },
} as const;
/** One preset name. */
export type AgentPreset = keyof typeof AGENT_PRESETS;

/** Send `text` to the owner's own handle: triggers the Automation prompt and proves sending works. */
export async function sendTestMessage(to: string): Promise<void> {
  ui().setNotice(TEST_SEND_KEY, null);
  const data = await ui().track(TEST_SEND_KEY, () => api().call('send', { to: to.trim(), text: 'Test from imsg Companion: sending works.' }));
  if (data) ui().setNotice(TEST_SEND_KEY, { tone: 'ok', text: `Sent to ${to.trim()}. Check Messages on your phone.` });
}

/** Write a preset as the first agent (or replace the backend of the agent at `index`). */
export async function chooseAgentPreset(preset: AgentPreset, index: number | null): Promise<void> {
  const backend = AGENT_PRESETS[preset].backend;
  if (index === null) await setConfigValue('agents.list', [{ id: 'main', default: true, backend }], guideKey('agent'));
  else await setConfigValue(`agents.list[${index}].backend`, backend, guideKey('agent'));
}

/** Ask the agent a test question; its answer (or error) shows under the button. */
export async function testAgent(agentId: string): Promise<void> {
  const key = agentTestKey(agentId);
  ui().setNotice(key, null);
  const data = await ui().track(key, () => api().call('agents:test', { agentId }));
  if (!data) return;
  ui().setNotice(key, data.ok ? { tone: 'ok', text: `The agent answered in ${(data.durationMs / 1000).toFixed(1)} s: “${data.reply ?? ''}”` } : { tone: 'error', text: `The agent did not answer: ${data.error ?? 'unknown error'}` });
}

/** Who may talk to the assistant, in the guide's words. */
export type AccessChoice = 'pairing' | 'allowlist' | 'open';

/** Write the choice as valid config: "open" also adds the "*" that dmPolicy "open" requires. */
export async function chooseAccess(choice: AccessChoice, numbers: readonly string[], key = guideKey('access')): Promise<void> {
  const current = useSettingsStore.getState().settings?.allowFrom ?? [];
  if (choice === 'open') {
    if (!current.includes('*')) {
      const ok = await setConfigValue('channels.imessage.allowFrom', [...current, '*'], key);
      if (!ok) return;
    }
    await setConfigValue('channels.imessage.dmPolicy', 'open', key);
    return;
  }
  // Leaving "Anyone": the "*" goes too, or the allowlist would still let everyone in.
  const kept = (choice === 'allowlist' ? [...current.filter((h) => h !== '*'), ...numbers.filter((n) => !current.includes(n))] : current.filter((h) => h !== '*')).map((h) => h.trim()).filter(Boolean);
  if (choice === 'pairing') {
    const ok = await setConfigValue('channels.imessage.dmPolicy', 'pairing', key);
    if (ok && kept.length !== current.length) await setConfigValue('channels.imessage.allowFrom', kept, key);
    return;
  }
  const ok = await setConfigValue('channels.imessage.allowFrom', kept, key);
  if (ok) await setConfigValue('channels.imessage.dmPolicy', 'allowlist', key);
}
