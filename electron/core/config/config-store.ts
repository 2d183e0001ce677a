// The live config holder shared by the app, the CLI and the settings UI.
import type { ConfigEdit, EditOutcome } from './edit.js';
import { editConfigFile } from './edit.js';
import type { ConfigIssue } from './issues.js';
import type { KeySegment } from './key-path.js';
import { parseKeyPath, parseValueText, setAtPath, unsetAtPath } from './key-path.js';
import type { LoadResult } from './load.js';
import { loadConfig } from './load.js';
import type { AppConfig } from './schema.js';
import { watchFile } from './watch-file.js';

/**
 * Result of a set/unset: `changed` is false when the value was already so (or was not set);
 * `issues` on success are problems an already invalid file still has; `backupPath` names the `.bak`.
 */
export type StoreWriteResult = { ok: true; changed: boolean; issues: ConfigIssue[]; backupPath?: string } | { ok: false; issues: ConfigIssue[] };

/** Options for {@link ConfigStore}. */
export interface ConfigStoreOptions {
  readonly path: string;
  /** Quiet time after a file change before reloading (default 100 ms). */
  readonly debounceMs?: number;
  /** How long a write waits for another writer's lock (default 10 s). */
  readonly lockTimeoutMs?: number;
}

/** Holds the last good config: a bad file or a refused write never replaces it. */
export class ConfigStore {
  readonly path: string;
  #current: AppConfig = {};
  #serialized = '{}';
  #lastIssues: readonly ConfigIssue[] = [];
  // Setup mode (no file, or no valid file yet) must not run the empty defaults: these say which.
  #fileFound = false;
  #everValid = false;
  #lastWarnings: readonly ConfigIssue[] = [];
  #listeners = new Set<(config: AppConfig) => void>();
  // Generations order loads and writes, so a slow older read never overwrites a newer result.
  #nextGen = 0;
  #appliedGen = 0;
  readonly #debounceMs: number;
  readonly #lockTimeoutMs: number | undefined;

  constructor(opts: ConfigStoreOptions) {
    this.path = opts.path;
    this.#debounceMs = opts.debounceMs ?? 100;
    this.#lockTimeoutMs = opts.lockTimeoutMs;
  }

  /** The last good config (`{}`, i.e. all defaults, before any good load). */
  get current(): AppConfig {
    return this.#current;
  }

  /** Whether the file was there at the last look, and whether a valid one was ever read or written. */
  get fileState(): { readonly exists: boolean; readonly everValid: boolean } {
    return { exists: this.#fileFound, everValid: this.#everValid };
  }

  /** Problems found by the latest load (empty after a good one). */
  get lastIssues(): readonly ConfigIssue[] {
    return this.#lastIssues;
  }

  /** Warnings of the config in force (deprecated keys, routes to unknown agents…); it loaded anyway. */
  get lastWarnings(): readonly ConfigIssue[] {
    return this.#lastWarnings;
  }

  /** Read the file; on failure keep the last good config and record the issues. */
  async load(): Promise<LoadResult> {
    const gen = ++this.#nextGen;
    const result = await loadConfig(this.path);
    if (gen > this.#appliedGen) {
      this.#appliedGen = gen;
      const flipped = this.#setFileState(result.ok ? result.exists : true, result.ok && result.exists);
      if (result.ok) {
        this.#lastWarnings = result.warnings;
        this.#accept(result.config, [], flipped);
      }
      else this.#lastIssues = result.issues;
    }
    return result;
  }

  /** Validated write of one key (dotted path); refused with issues, the file untouched, if invalid. */
  set(path: string, value: unknown): Promise<StoreWriteResult> {
    return this.#edit(path, (raw, segments) => setAtPath(raw, segments, value));
  }

  /** Like {@link set} for typed text: JSON5 when it parses, falling back to the plain string if that is refused. */
  async setText(path: string, text: string): Promise<StoreWriteResult> {
    const parsed = parseValueText(text);
    const first = await this.set(path, parsed);
    if (first.ok || typeof parsed === 'string') return first;
    // `+15551234567` parses as a number, but defaultTo wants the string.
    const retry = await this.set(path, text);
    return retry.ok ? retry : first;
  }

  /** Remove one key (validated like {@link set}). */
  unset(path: string): Promise<StoreWriteResult> {
    return this.#edit(path, (raw, segments) => unsetAtPath(raw, segments) && { ok: true });
  }

  /** Call `listener` after each change of the good config; returns the unsubscribe function. */
  onChange(listener: (config: AppConfig) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reload (debounced) whenever the file changes; `afterLoad` runs after each reload, good or bad. Returns the stop function. */
  watch(afterLoad?: () => void): () => void {
    return watchFile(this.path, {
      debounceMs: this.#debounceMs,
      onChange: () => void this.load().then(() => afterLoad?.()),
      onError: (message) => {
        this.#lastIssues = [{ path: '', message }];
      },
    });
  }

  async #edit(path: string, apply: (raw: Record<string, unknown>, segments: KeySegment[]) => ReturnType<ConfigEdit>): Promise<StoreWriteResult> {
    let segments: KeySegment[];
    try {
      segments = parseKeyPath(path);
    } catch (err) {
      return { ok: false, issues: [{ path, message: (err as Error).message }] };
    }
    const outcome: EditOutcome = await editConfigFile(this.path, (raw) => apply(raw, segments), { lockTimeoutMs: this.#lockTimeoutMs });
    if (!outcome.ok) return outcome;
    const gen = ++this.#nextGen;
    if (gen > this.#appliedGen) {
      this.#appliedGen = gen;
      // A changed edit wrote the file (creating it when there was none).
      const flipped = outcome.changed ? this.#setFileState(true, outcome.config !== undefined) : false;
      if (outcome.config) {
        this.#lastWarnings = outcome.warnings ?? [];
        this.#accept(outcome.config, outcome.issues, flipped);
      }
      else this.#lastIssues = outcome.issues;
    }
    return { ok: true, changed: outcome.changed, issues: outcome.issues, ...(outcome.backupPath && { backupPath: outcome.backupPath }) };
  }

  /** Record what the last read or write saw; true when that ends or starts setup mode. */
  #setFileState(exists: boolean, valid: boolean): boolean {
    const before = this.#fileFound && this.#everValid;
    this.#fileFound = exists;
    if (valid) this.#everValid = true;
    return before !== (this.#fileFound && this.#everValid);
  }

  #accept(config: AppConfig, issues: readonly ConfigIssue[], force = false): void {
    this.#lastIssues = issues;
    const serialized = JSON.stringify(config);
    if (serialized === this.#serialized && !force) return;
    this.#current = config;
    this.#serialized = serialized;
    for (const listener of this.#listeners) {
      try {
        listener(config);
      } catch {
        // One failing listener must not keep the others from seeing the new config.
      }
    }
  }
}
