// Which state files cannot be read or written right now, and since when: storage errors are a
// state the owner sees ("State not saved: …"), never a crash, and they clear once a write lands.

/** One state file that is failing. */
export interface StorageProblem {
  readonly file: string;
  readonly message: string;
  readonly since: string;
}

/** The failing state files, keyed by file; `sync` sets or clears one from its owner's last result. */
export class StorageProblems {
  readonly #problems = new Map<string, StorageProblem>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Record `message` for `file` (keeping the first `since`), or clear it when undefined. */
  sync(file: string, message: string | undefined): void {
    if (message === undefined) {
      this.#problems.delete(file);
      return;
    }
    const since = this.#problems.get(file)?.since ?? new Date(this.now()).toISOString();
    this.#problems.set(file, { file, message, since });
  }

  /** Every current problem, oldest first. */
  list(): StorageProblem[] {
    return [...this.#problems.values()].sort((a, b) => a.since.localeCompare(b.since));
  }
}
