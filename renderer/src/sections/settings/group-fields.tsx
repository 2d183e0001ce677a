// Group chats: which groups (and whether the assistant needs to be mentioned), and the mention words.
import { useId, useState } from 'react';
import type { SettingsView } from '../../../../electron/contract/views.js';
import { configKey } from '../../actions/keys.js';
import { setConfigValue, unsetConfigValue } from '../../actions/settings-actions.js';
import { FieldProblems } from '../../components/fields/field-problems.js';
import { ListEditor } from '../../components/fields/list-editor.js';

const groupPath = (id: string) => `channels.imessage.groups[${JSON.stringify(id)}]`;

/** The `groups` entries with a "needs a mention" switch each, plus adding a chat id. */
export function GroupFields({ settings }: { readonly settings: SettingsView }) {
  const id = useId();
  const [chat, setChat] = useState('');
  const groups = settings.groups ?? [];
  const addKey = configKey('channels.imessage.groups');
  const add = async () => {
    const v = chat.trim();
    if (v === '') return;
    if (await setConfigValue(groupPath(v), { requireMention: true }, addKey)) setChat('');
  };
  return (
    <>
      <div className="field" role="group" aria-labelledby={`${id}-label`}>
        <p id={`${id}-label`} className="field-label">
          Group chats
        </p>
        <p className="hint">“*” means every group. With “needs a mention” on, the assistant answers only when a message names it.</p>
        <ul className="rows">
          {groups.map((g) => (
            <li key={g.id} className="row group-row">
              <span className="mono">{g.id === '*' ? '* (every group)' : g.id}</span>
              <label className="toggle-row">
                <input type="checkbox" checked={g.requireMention ?? false} onChange={(e) => void setConfigValue(`${groupPath(g.id)}.requireMention`, e.target.checked)} />
                needs a mention
              </label>
              <button type="button" className="btn btn-plain btn-small" aria-label={`Remove group ${g.id}`} onClick={() => void unsetConfigValue(groupPath(g.id))}>
                Remove
              </button>
              <FieldProblems id={`${id}-${g.id}`} trackKey={configKey(`${groupPath(g.id)}.requireMention`)} />
            </li>
          ))}
        </ul>
        <div className="input-row">
          <label htmlFor={id} className="sr-only">
            Chat id of a group to add
          </label>
          <input id={id} type="text" value={chat} placeholder="chat id, or * for every group" onChange={(e) => setChat(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void add()} />
          <button type="button" className="btn btn-plain" onClick={() => void add()}>
            Add group
          </button>
        </div>
        <FieldProblems id={`${id}-issues`} trackKey={addKey} />
      </div>
      <ListEditor
        label="Mention words"
        path="messages.groupChat.mentionPatterns"
        items={settings.mentionPatterns ?? []}
        kind="text"
        placeholder="e.g. @bot or assistant"
        hint="Words (regular expressions) that count as mentioning the assistant in a group."
      />
    </>
  );
}
