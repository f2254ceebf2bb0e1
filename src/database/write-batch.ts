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

  /** Writes everything deferred, in the caller's transaction; `between` runs between two keys. */
  async flush(em: EntityManager, between?: () => Promise<void>): Promise<void> {
    const groups = [...this.groups.values()];
    this.groups.clear();
    for (const [i, { items, flush }] of groups.entries()) {
      if (i > 0) await between?.();
      await flush(em, items as never[]);
    }
  }
}
