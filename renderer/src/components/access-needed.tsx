// The web transport refused us (401): only the link `serve --web` prints grants a session.
import { UNAUTHORIZED_MESSAGE } from '../api/web-api.js';

/** Full-popover notice shown instead of the sections when the session cookie is missing. */
export function AccessNeeded() {
  return (
    <main className="access-needed" aria-labelledby="access-title">
      <h1 id="access-title">Access link needed</h1>
      <p>{UNAUTHORIZED_MESSAGE}</p>
      <p className="muted">The page only talks to imsg Companion on this Mac, and only after that link has been opened here.</p>
    </main>
  );
}
