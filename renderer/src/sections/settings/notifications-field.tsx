// Browser notifications (web mode): ask the browser, remember the choice for this browser only.
import { useState } from 'react';
import { NOTIFY_PREF_KEY, notificationsOn } from '../../hooks/use-browser-notifications.js';

/** A switch for "Notify me in this browser" about new requests and failures (web mode only). */
export function NotificationsField({ electron }: { readonly electron: boolean }) {
  const [on, setOn] = useState(notificationsOn());
  const [note, setNote] = useState<string | null>(null);
  if (electron) return <p className="hint">The Mac app notifies you about new pairing requests and failures through macOS notifications.</p>;
  const supported = typeof Notification !== 'undefined';
  const toggle = async (next: boolean) => {
    setNote(null);
    try {
      localStorage.setItem(NOTIFY_PREF_KEY, next ? 'on' : 'off');
    } catch {
      // private mode: the switch still works for this page
    }
    if (next && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission();
      if (answer !== 'granted') setNote('The browser did not allow notifications. Allow them for this page in the browser’s site settings.');
    }
    setOn(notificationsOn());
  };
  return (
    <div className="field">
      <div className="toggle-row">
        <input id="notify-browser" type="checkbox" role="switch" checked={on} disabled={!supported} onChange={(e) => void toggle(e.target.checked)} />
        <label htmlFor="notify-browser">Notify me in this browser about new pairing requests and failures</label>
      </div>
      {!supported ? <p className="hint">This browser has no notifications.</p> : null}
      {note ? (
        <p role="alert" className="inline-error">
          {note}
        </p>
      ) : null}
    </div>
  );
}
