import type { EntityManager } from 'typeorm';
import type { WriteBatch } from './write-batch';

/** A unit of work inside one database transaction. */
export interface Tx {
  em: EntityManager;
  /** Runs once the transaction has committed (never if it rolls back). */
  afterCommit(callback: () => unknown): void;
  /** Set when the owner of the transaction collects history, audit and summary rows to write together (./write-batch.ts). */
  batch?: WriteBatch;
}
