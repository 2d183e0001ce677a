// Sent-message cache (channel spec §12): remembers what we sent so the copy imsg reports back
// is not answered again. Id-aware (#47830): a user typing the bot's text is not dropped.

/** Text copies are matched for 4 s (echoes arrive ~2 s after the send). */
export const ECHO_TEXT_TTL_MS = 4_000;
/** Message ids are matched for 60 s. */
export const ECHO_ID_TTL_MS = 60_000;

/** What is remembered for, or looked up against, a conversation scope. */
export interface EchoLookup {
  readonly text?: string;
  readonly messageId?: string;
}

/** Options of {@link SentMessageCache.has}. */
export interface EchoLookupOptions {
  /** Self-chat rows without a guid: an uncached row id must not stop text matching. */
  readonly skipIdShortCircuit?: boolean;
}

/** Echo scope of a conversation: `<accountId>:chat_id:<n>` for groups, `<accountId>:imessage:<sender>` for DMs. */
export function echoScope(accountId: string, target: { readonly isGroup: boolean; readonly chatId?: number; readonly sender: string }): string {
  return target.isGroup ? `${accountId}:chat_id:${target.chatId ?? 'unknown'}` : `${accountId}:imessage:${target.sender}`;
}

/** Text key: CRLF → LF, trimmed; null when empty. */
function textKey(text: string | undefined): string | null {
  const normalized = (text ?? '').replace(/\r\n?/g, '\n').trim();
  return normalized || null;
}

/** Id key: trimmed; `ok`, `unknown` and blank are not real ids (§12). */
function idKey(messageId: string | undefined): string | null {
  const normalized = (messageId ?? '').trim();
  return normalized && normalized !== 'ok' && normalized !== 'unknown' ? normalized : null;
}

/** Newest copy of a text: when it was sent and whether a real id came back with it. */
interface TextEntry {
  readonly at: number;
  readonly withId: boolean;
}

/** The sent-message cache. `has` never mutates, so `explain` can use it without side effects. */
export class SentMessageCache {
  readonly #texts = new Map<string, TextEntry>();
  readonly #ids = new Map<string, number>();

  /** Remember a sent chunk (call after the send, with the id the send returned). */
  remember(scope: string, sent: EchoLookup, now: number): void {
    this.#sweep(now);
    const text = textKey(sent.text);
    const id = idKey(sent.messageId);
    if (text) {
      const key = `${scope}\u0000${text}`;
      this.#texts.delete(key);
      this.#texts.set(key, { at: now, withId: id !== null });
    }
    if (id) {
      const key = `${scope}\u0000${id}`;
      this.#ids.delete(key);
      this.#ids.set(key, now);
    }
  }

  /**
   * True when the inbound copy matches something we sent (§12 lookup): a cached id is a hit; an
   * uncached id stops text matching unless `skipIdShortCircuit` or the newest copy of that text
   * was sent without a real id; otherwise text within 4 s is a hit.
   */
  has(scope: string, inbound: EchoLookup, now: number, options: EchoLookupOptions = {}): boolean {
    const text = textKey(inbound.text);
    const id = idKey(inbound.messageId);
    const textEntry = text ? this.#texts.get(`${scope}\u0000${text}`) : undefined;
    if (id) {
      const at = this.#ids.get(`${scope}\u0000${id}`);
      if (at !== undefined && now - at <= ECHO_ID_TTL_MS) return true;
      const textOnly = textEntry !== undefined && !textEntry.withId;
      if (!options.skipIdShortCircuit && !textOnly) return false;
    }
    return textEntry !== undefined && now - textEntry.at <= ECHO_TEXT_TTL_MS;
  }

  /** Number of live entries (texts + ids); for tests and diagnostics. */
  size(): number {
    return this.#texts.size + this.#ids.size;
  }

  /** Drop expired entries; maps are in insertion (= time) order, so stop at the first live one. */
  #sweep(now: number): void {
    for (const [key, entry] of this.#texts) {
      if (now - entry.at <= ECHO_TEXT_TTL_MS) break;
      this.#texts.delete(key);
    }
    for (const [key, at] of this.#ids) {
      if (now - at <= ECHO_ID_TTL_MS) break;
      this.#ids.delete(key);
    }
  }
}
