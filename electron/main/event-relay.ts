// Pushes contract events to the popover, and to nothing else: the target must be the window we
// registered, alive, trusted, and still showing our origin (macos-electron §2.1 #17, #20).
import type { EventName, EventPayload } from '../contract/channels.js';
import type { CompanionEvents } from '../core/app/companion.js';
import type { Emitter } from '../core/app/emitter.js';
import { eventChannel } from '../contract/names.js';
import { isAppUrl } from './app-origin.js';
import type { TrustedSenders } from './trusted-senders.js';

/** The parts of a WebContents the relay sends through. */
export interface RelayTarget {
  readonly id: number;
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, payload: unknown): void;
}

/** Where events come from: the Companion's emitter. */
export type RelaySource = Pick<Emitter<CompanionEvents>, 'on'>;

/** Sends typed events to the one trusted window. */
export class EventRelay {
  readonly #trusted: TrustedSenders;
  #target: RelayTarget | undefined;

  constructor(trusted: TrustedSenders) {
    this.#trusted = trusted;
  }

  /** The popover's webContents (registered in `trusted` by whoever created it). */
  attach(target: RelayTarget): void {
    this.#target = target;
  }

  /** Send `payload`; false when there is no trusted window to receive it. */
  send<E extends EventName>(event: E, payload: EventPayload<E>): boolean {
    const target = this.#target;
    if (!target || target.isDestroyed() || !this.#trusted.has(target.id) || !isAppUrl(target.getURL())) return false;
    target.send(eventChannel(event), payload);
    return true;
  }

  /** Forward the core's events; returns the unsubscribe. */
  forward(source: RelaySource): () => void {
    const offs = [source.on('snapshot', (p) => this.send('snapshot', p)), source.on('activity', (p) => this.send('activity', p)), source.on('pairing:new', (p) => this.send('pairing:new', p))];
    return () => offs.forEach((off) => off());
  }
}
