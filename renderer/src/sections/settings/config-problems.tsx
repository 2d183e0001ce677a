// The config file's current problems (the last good config stays in use until they are fixed).
import type { Snapshot } from '../../../../electron/contract/views.js';

/** A callout listing `snapshot.config.issues`, or nothing when the config is fine. */
export function ConfigProblems({ config }: { readonly config: Snapshot['config'] }) {
  if (config.ok || config.issues.length === 0) return null;
  return (
    <div role="alert" className="callout callout-error">
      <p>
        <strong>The config file has problems</strong>; the last good version is still in use.
      </p>
      <ul className="issues">
        {config.issues.map((i) => (
          <li key={`${i.path}:${i.message}`}>
            {i.path ? <code>{i.path}</code> : null} {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
