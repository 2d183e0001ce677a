// The Settings section: agent summary, access policies (config:set by key path), start at login, config file.
import { useEffect } from 'react';
import { configKey, REVEAL_CONFIG_KEY } from '../../actions/keys.js';
import { revealConfig, setConfigValue } from '../../actions/settings-actions.js';
import { chooseAccess, type AccessChoice } from '../../actions/guide-actions.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { LoadError, Loading } from '../../components/ui/section-states.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useSnapshotStore } from '../../stores/snapshot-store.js';
import { AppDiagnostics } from './app-diagnostics.js';
import { ListEditor } from '../../components/fields/list-editor.js';
import { useUiStore } from '../../stores/ui-store.js';
import { AccountFields } from './account-fields.js';
import { AgentsEditor } from './agents-editor.js';
import { GroupFields } from './group-fields.js';
import { NotificationsField } from './notifications-field.js';
import { QuietHoursField } from './quiet-hours-field.js';
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
  ['open', 'Anyone (adds “*” to the allowed list for you)'],
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
  const openGuide = useUiStore((s) => s.setGuideOpen);
  const agentIds = useSnapshotStore((s) => s.snapshot?.agents.list.map((a) => a.agentId).join(',') ?? '');
  useEffect(() => {
    void load();
  }, [load, agentIds]);
  const electron = snapshot?.platform.mode === 'app' || snapshot?.platform.mode === 'dev';
  if (!settings) {
    return status === 'error' ? <LoadError what="settings" message={error ?? ''} onRetry={() => void load()} /> : <Loading what="settings" />;
  }
  return (
    <>
      {snapshot ? <ConfigProblems config={snapshot.config} /> : null}
      <div className="actions">
        <button type="button" className="btn btn-plain" onClick={() => openGuide(true)}>
          Open the setup guide
        </button>
      </div>
      <h2 className="group-title">Agents</h2>
      <AgentsEditor settings={settings} snapshot={snapshot} />
      <h2 className="group-title">Who may talk to the assistant</h2>
      <PolicySelect
        label="Direct messages"
        path={SETTING_PATHS.dmPolicy}
        value={settings.dmPolicy}
        options={DM_OPTIONS}
        onChoose={(v) => void (v === 'disabled' ? setConfigValue(SETTING_PATHS.dmPolicy, v) : chooseAccess(v as AccessChoice, [], configKey(SETTING_PATHS.dmPolicy)))}
      />
      <ListEditor label="Allowed people (allowFrom)" path="channels.imessage.allowFrom" items={settings.allowFrom} hint="Always allowed to talk to the assistant, whatever the policy." />
      <PolicySelect label="Unpaired response" path={SETTING_PATHS.unpairedResponse} value={settings.unpairedResponse} options={UNPAIRED_OPTIONS} hint="What a stranger gets back under the pairing policy." />
      <h2 className="group-title">Groups</h2>
      <PolicySelect label="Group messages" path={SETTING_PATHS.groupPolicy} value={settings.groupPolicy} options={GROUP_OPTIONS} />
      <ListEditor label="Allowed in groups (groupAllowFrom)" path="channels.imessage.groupAllowFrom" items={settings.groupAllowFrom ?? []} hint="Under the allowlist group policy, only these senders are answered in groups." />
      <GroupFields settings={settings} />
      <h2 className="group-title">Accounts</h2>
      <AccountFields accounts={settings.accounts ?? []} abilities={{ editPaths: electron, pickFiles: electron && snapshot?.platform.canPickFiles === true, configPath: settings.configPath }} />
      <h2 className="group-title">Notifications</h2>
      <NotificationsField electron={electron} />
      <QuietHoursField quietHours={settings.quietHours} now={snapshot?.notifications} />
      <h2 className="group-title">App</h2>
      {snapshot ? <LoginItemField platform={snapshot.platform} /> : null}
      {snapshot ? <AppDiagnostics platform={snapshot.platform} /> : null}
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
    </>
  );
}
