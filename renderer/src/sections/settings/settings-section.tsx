// The Settings section: agent summary, access policies (config:set by key path), start at login, config file.
import { useEffect } from 'react';
import { REVEAL_CONFIG_KEY } from '../../actions/keys.js';
import { revealConfig } from '../../actions/settings-actions.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { LoadError, Loading } from '../../components/ui/section-states.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useSnapshotStore } from '../../stores/snapshot-store.js';
import { AgentSummary } from './agent-summary.js';
import { AppDiagnostics } from './app-diagnostics.js';
import { ConfigProblems } from './config-problems.js';
import { LoginItemField } from './login-item-field.js';
import { PolicySelect } from './policy-select.js';

/** Config key paths the section edits (channel level: they apply to every account without its own value). */
export const SETTING_PATHS = {
  dmPolicy: 'channels.imessage.dmPolicy',
  groupPolicy: 'channels.imessage.groupPolicy',
  unpairedResponse: 'channels.imessage.unpairedResponse',
} as const;

const DM_OPTIONS = [
  ['pairing', 'Pairing: strangers get a code to approve'],
  ['allowlist', 'Allowlist: only listed senders'],
  ['open', 'Open: anyone (allowFrom must include *)'],
  ['disabled', 'Disabled: ignore direct messages'],
] as const;
const GROUP_OPTIONS = [
  ['allowlist', 'Allowlist: only listed senders'],
  ['open', 'Open: anyone in the group'],
  ['disabled', 'Disabled: ignore group chats'],
] as const;
const UNPAIRED_OPTIONS = [
  ['code', 'Reply with a pairing code'],
  ['silent', 'Stay silent (the request still appears here)'],
] as const;

/** The Settings panel. */
export function SettingsSection() {
  const { settings, status, error, load } = useSettingsStore();
  const snapshot = useSnapshotStore((s) => s.snapshot);
  useEffect(() => {
    void load();
  }, [load]);
  if (!settings) {
    return status === 'error' ? <LoadError what="settings" message={error ?? ''} onRetry={() => void load()} /> : <Loading what="settings" />;
  }
  return (
    <>
      {snapshot ? <ConfigProblems config={snapshot.config} /> : null}
      <h2 className="group-title">Agent</h2>
      <AgentSummary agent={settings.agent} problem={snapshot?.agents.problem} />
      <div className="field">
        <p className="hint mono" title={settings.configPath}>
          {settings.configPath}
          {settings.exists ? '' : ' (not created yet)'}
        </p>
        <ActionButton pendingKey={REVEAL_CONFIG_KEY} onClick={() => void revealConfig()}>
          Open config file
        </ActionButton>
        <InlineStatus keys={[REVEAL_CONFIG_KEY]} />
      </div>
      <h2 className="group-title">Who may talk to the assistant</h2>
      <PolicySelect label="DM policy" path={SETTING_PATHS.dmPolicy} value={settings.dmPolicy} options={DM_OPTIONS} />
      <PolicySelect label="Group policy" path={SETTING_PATHS.groupPolicy} value={settings.groupPolicy} options={GROUP_OPTIONS} />
      <PolicySelect label="Unpaired response" path={SETTING_PATHS.unpairedResponse} value={settings.unpairedResponse} options={UNPAIRED_OPTIONS} hint="What a stranger gets back under the pairing policy." />
      <h2 className="group-title">App</h2>
      {snapshot ? <LoginItemField platform={snapshot.platform} /> : null}
      {snapshot ? <AppDiagnostics platform={snapshot.platform} /> : null}
    </>
  );
}
