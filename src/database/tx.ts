import type { EntityManager } from 'typeorm';

/** A unit of work inside one database transaction. */
export interface Tx {
  em: EntityManager;
  /** Runs once the transaction has committed (never if it rolls back). */
  afterCommit(callback: () => unknown): void;
}
