// Column helpers shared by entities: the same physical types on SQLite and PostgreSQL.
import { Column, type ColumnOptions, type ValueTransformer } from 'typeorm';

/** node-postgres returns BIGINT as a string; amounts and counters are safe integers here. */
const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** Instant as fixed-width ISO-8601 UTC text (see ../common/time/instant.ts). */
export const InstantColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 24, ...options });

export const BigIntColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'bigint', transformer: bigintToNumber, ...options });

export const JsonColumn = (options: ColumnOptions = {}) => Column({ type: 'simple-json', ...options });
