// Writes a transaction may put off until the end of its work, to send them as a few multi-row
// statements instead of one round trip each (on PostgreSQL a round trip costs more than the row).
// Only a caller that owns the whole transaction and reads none of these rows back before flushing
// opens one — the clock sweeper's rounds; every other transaction writes at once.
import type { EntityManager } from 'typeorm';

export type FlushRows<T> = (em: EntityManager, items: T[]) => Promise<void>;

export class WriteBatch {
  private readonly groups = new Map<string, { items: unknown[]; flush: FlushRows<never> }>();

  /** Puts `item` off; items of one key are flushed together, keys in the order first deferred. */
  defer<T>(key: string, item: T, flush: FlushRows<T>): void {
    const group = this.groups.get(key);
    if (group) group.items.push(item);
    else this.groups.set(key, { items: [item], flush: flush as FlushRows<never> });
  }

  /**
   * Writes everything deferred, in the caller's transaction, keys in order; `between` runs between
   * two statements' worth of rows. With `rowsPerCall` a key's rows go in slices of that many, so
   * that no single statement holds the event loop for long (SQLite runs it synchronously; on
   * PostgreSQL building and sending a large one does).
   */
  async flush(em: EntityManager, between?: () => Promise<void>, rowsPerCall = Infinity): Promise<void> {
    const groups = [...this.groups.values()];
    this.groups.clear();
    let first = true;
    for (const { items, flush } of groups) {
      for (let i = 0; i < items.length; i += rowsPerCall) {
        if (!first) await between?.();
        first = false;
        await flush(em, items.slice(i, i + rowsPerCall) as never[]);
      }
    }
  }
}
