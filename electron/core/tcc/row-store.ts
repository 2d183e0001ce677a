// The latest rows per account, and who to tell when they change (checkedAt alone is no change).
import type { PermissionView } from '../../contract/permissions.js';

const fingerprint = (rows: readonly PermissionView[]): string => JSON.stringify(rows.map(({ checkedAt: _at, ...rest }) => rest));

/** Rows by account, in the order accounts were stored. */
export class RowStore {
  readonly #rows = new Map<string, PermissionView[]>();
  readonly #listeners = new Set<(rows: PermissionView[]) => void>();

  /** Every stored row. */
  all(): PermissionView[] {
    return [...this.#rows.values()].flat();
  }

  /** One account's rows. */
  get(accountId: string): readonly PermissionView[] | undefined {
    return this.#rows.get(accountId);
  }

  /** Store checked accounts; with `complete`, accounts not in `results` are dropped. Notifies on a real change. */
  replace(results: ReadonlyArray<readonly [string, PermissionView[]]>, complete: boolean): void {
    const before = fingerprint(this.all());
    if (complete) this.#rows.clear();
    for (const [id, rows] of results) this.#rows.set(id, rows);
    const rows = this.all();
    if (fingerprint(rows) === before) return;
    for (const listener of this.#listeners) listener(rows);
  }

  /** Listen for changes; returns the removal. */
  onChange(listener: (rows: PermissionView[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
