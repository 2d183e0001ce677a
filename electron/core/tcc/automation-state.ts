// The Automation verdict is per Mac (one app, one Messages): kept once, requested on click only.
import { type AutomationVerdict, requestAutomation, type RunOsascript } from './automation.js';

/** The last Automation verdict of this Mac (one for all local accounts); concurrent requests share one run. */
export class AutomationState {
  #verdict: AutomationVerdict | undefined;
  #run: Promise<AutomationVerdict> | undefined;

  constructor(private readonly opts: { runOsascript?: RunOsascript; timeoutMs?: number; now?: () => number } = {}) {}

  /** The last verdict (undefined until the user first asked). */
  get verdict(): AutomationVerdict | undefined {
    return this.#verdict;
  }

  /** Run the probe, or join the one already running (a double click must not spawn twice). */
  async request(): Promise<AutomationVerdict> {
    this.#run ??= requestAutomation(this.opts).finally(() => {
      this.#run = undefined;
    });
    this.#verdict = await this.#run;
    return this.#verdict;
  }
}
