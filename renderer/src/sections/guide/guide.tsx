// The first-run guide: six steps from "nothing set up" to a real reply; re-openable from Settings.
import { useEffect } from 'react';
import { SnapshotGate } from '../../components/snapshot-gate.js';
import { LoadError, Loading } from '../../components/ui/section-states.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useSnapshotStore } from '../../stores/snapshot-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { AccessStep } from './access-step.js';
import { AgentStep } from './agent-step.js';
import { DoneStep } from './done-step.js';
import { PermissionSteps } from './permission-steps.js';

/** The guide panel (it replaces the tabs while open). */
export function Guide() {
  const { settings, status, error, load } = useSettingsStore();
  const close = useUiStore((s) => s.setGuideOpen);
  // Reload when the agents change from elsewhere (the CLI, the config file): the steps follow the file.
  const agentIds = useSnapshotStore((s) => s.snapshot?.agents.list.map((a) => a.agentId).join(',') ?? '');
  useEffect(() => {
    void load();
  }, [load, agentIds]);
  return (
    <section className="guide" aria-labelledby="guide-title">
      <div className="section-head">
        <h1 id="guide-title" className="guide-title">
          Set up imsg Companion
        </h1>
        <button type="button" className="btn btn-plain" onClick={() => close(false)}>
          Close guide
        </button>
      </div>
      <SnapshotGate what="setup">
        {(snapshot) => (
          <>
            {snapshot.setup?.needed ? (
              <p className="callout callout-info">
                Nothing is answered yet: {snapshot.setup.reason || 'there are no settings yet'}. The steps below create them.
              </p>
            ) : null}
            <ol className="guide-steps">
              <PermissionSteps snapshot={snapshot} />
              {settings ? (
                <>
                  <AgentStep settings={settings} snapshot={snapshot} />
                  <AccessStep settings={settings} />
                </>
              ) : status === 'error' ? (
                <li>
                  <LoadError what="settings" message={error ?? ''} onRetry={() => void load()} />
                </li>
              ) : (
                <li>
                  <Loading what="settings" />
                </li>
              )}
              <DoneStep ready={!snapshot.setup?.needed && (settings?.agents?.length ?? 0) > 0} />
            </ol>
          </>
        )}
      </SnapshotGate>
    </section>
  );
}
