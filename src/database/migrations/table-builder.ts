// Dialect-neutral column shorthands for migrations (SQLite and PostgreSQL read the same schema).
import { Table, TableIndex, type TableColumnOptions } from 'typeorm';

type Col = TableColumnOptions;
const col = (name: string, type: string, extra: Partial<Col> = {}): Col => ({ name, type, isNullable: false, ...extra });

export const c = {
  id: (name = 'id') => col(name, 'varchar', { length: '36', isPrimary: true }),
  varchar: (name: string, length: number, extra: Partial<Col> = {}) => col(name, 'varchar', { length: String(length), ...extra }),
  text: (name: string, extra: Partial<Col> = {}) => col(name, 'text', extra),
  int: (name: string, extra: Partial<Col> = {}) => col(name, 'integer', extra),
  bigint: (name: string, extra: Partial<Col> = {}) => col(name, 'bigint', extra),
  instant: (name: string, extra: Partial<Col> = {}) => col(name, 'varchar', { length: '24', ...extra }),
  nullable: { isNullable: true } as Partial<Col>,
  primary: { isPrimary: true } as Partial<Col>,
};

export function table(name: string, columns: Col[], indices: { columns: string[]; unique?: boolean }[] = []): Table {
  return new Table({
    name,
    columns,
    indices: indices.map(
      (i) => new TableIndex({ name: `ix_${name}_${i.columns.join('_')}`, columnNames: i.columns, isUnique: !!i.unique }),
    ),
  });
}
