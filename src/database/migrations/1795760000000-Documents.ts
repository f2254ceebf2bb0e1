import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c, table } from './table-builder';

/** Rendered documents' page count and size; service 送达 records with their receipts (R-F3). */
export class Documents1795760000000 implements MigrationInterface {
  name = 'Documents1795760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('documents', [
      new TableColumn(c.int('pages', c.nullable)),
      new TableColumn(c.int('size', c.nullable)),
      new TableColumn(c.instant('rendered_at', c.nullable)),
    ]);
    await q.createTable(
      table(
        'document_services',
        [
          c.id(),
          c.varchar('document_id', 36),
          c.varchar('method', 24),
          c.instant('served_at'),
          c.varchar('recipient', 120),
          c.varchar('address', 200, c.nullable),
          c.varchar('receipt_signed_by', 120, c.nullable),
          c.instant('receipt_signed_at', c.nullable),
          c.varchar('receipt_note', 500, c.nullable),
          c.varchar('served_by', 64),
          c.varchar('served_by_unit_code', 40),
          c.instant('recorded_at'),
        ],
        [{ columns: ['document_id'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('document_services');
    for (const column of ['rendered_at', 'size', 'pages']) await q.dropColumn('documents', column);
  }
}
