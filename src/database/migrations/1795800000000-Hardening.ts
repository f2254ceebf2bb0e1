import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { chainedFieldsOf, chainHash, genesisHash } from '../../audit/audit-chain';
import { c, table } from './table-builder';

/**
 * Hardening (domain §12): account lockout and TOTP, rotating refresh tokens, encrypted personal
 * data with a search hash, and an append-only, hash-chained audit trail.
 */
export class Hardening1795800000000 implements MigrationInterface {
  name = 'Hardening1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('users', [
      new TableColumn({ name: 'failed_logins', type: 'integer', default: 0 }),
      new TableColumn({ name: 'locked_until', type: 'varchar', length: '24', isNullable: true }),
      new TableColumn({ name: 'password_changed_at', type: 'varchar', length: '24', isNullable: true }),
      new TableColumn({ name: 'totp_secret', type: 'text', isNullable: true }),
      new TableColumn({ name: 'totp_enabled', type: 'boolean', default: false }),
      new TableColumn({ name: 'totp_last_step', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'disabled', type: 'boolean', default: false }),
    ]);
    await q.createTable(
      table(
        'refresh_tokens',
        [
          c.id(),
          c.varchar('token_hash', 64),
          c.varchar('user_id', 36),
          c.varchar('family_id', 36),
          c.instant('created_at'),
          c.instant('expires_at'),
          c.instant('revoked_at', c.nullable),
          c.varchar('replaced_by', 36, c.nullable),
        ],
        [{ columns: ['token_hash'], unique: true }, { columns: ['family_id'] }],
      ),
    );

    // Personal data: ciphertext is longer than the plain value.
    await q.dropIndex('parties', 'ix_parties_id_number');
    await q.changeColumn('parties', 'id_number', new TableColumn({ name: 'id_number', type: 'text', isNullable: true }));
    await q.changeColumn('parties', 'phone', new TableColumn({ name: 'phone', type: 'text', isNullable: true }));
    await q.addColumn('parties', new TableColumn({ name: 'id_number_hash', type: 'varchar', length: '64', isNullable: true }));
    await q.createIndex('parties', new TableIndex({ name: 'ix_parties_id_number_hash', columnNames: ['id_number_hash'] }));

    // The audit chain starts from a fixed genesis hash; records written before it are chained now.
    await q.addColumns('audit_records', [
      new TableColumn({ name: 'prev_hash', type: 'varchar', length: '64', default: "''" }),
      new TableColumn({ name: 'hash', type: 'varchar', length: '64', default: "''" }),
    ]);
    await q.createTable(table('audit_chain_head', [c.int('id', c.primary), c.int('last_seq'), c.varchar('last_hash', 64)]));
    const head = await this.chainExisting(q);
    await q.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, ${head.seq}, '${head.hash}')`);
    await this.appendOnly(q);
  }

  /** Records written before the chain existed are chained in seq order, renumbered without gaps. */
  private async chainExisting(q: QueryRunner): Promise<{ seq: number; hash: string }> {
    const pg = q.connection.options.type === 'postgres';
    const rows: Record<string, any>[] = await q.query('SELECT * FROM audit_records ORDER BY seq');
    let prev = genesisHash;
    let seq = 0;
    for (const row of rows) {
      seq++;
      const hash = chainHash(prev, chainedFieldsOf(row, seq));
      await q.query(
        pg
          ? 'UPDATE audit_records SET seq = $1, prev_hash = $2, hash = $3 WHERE seq = $4'
          : 'UPDATE audit_records SET seq = ?, prev_hash = ?, hash = ? WHERE seq = ?',
        [seq, prev, hash, row.seq],
      );
      prev = hash;
    }
    return { seq, hash: prev };
  }

  /** R-S3: the database itself refuses to change or delete an audit record. */
  private async appendOnly(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE OR REPLACE FUNCTION sandiao_audit_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
        FOR EACH ROW EXECUTE FUNCTION sandiao_audit_append_only()`);
      await q.query(`CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
        FOR EACH STATEMENT EXECUTE FUNCTION sandiao_audit_append_only()`);
      return;
    }
    for (const op of ['UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER audit_records_no_${op.toLowerCase()} BEFORE ${op} ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP TRIGGER IF EXISTS audit_records_append_only ON audit_records');
      await q.query('DROP TRIGGER IF EXISTS audit_records_no_truncate ON audit_records');
      await q.query('DROP FUNCTION IF EXISTS sandiao_audit_append_only()');
    } else {
      await q.query('DROP TRIGGER IF EXISTS audit_records_no_update');
      await q.query('DROP TRIGGER IF EXISTS audit_records_no_delete');
    }
    await q.dropTable('audit_chain_head');
    await q.dropColumn('audit_records', 'hash');
    await q.dropColumn('audit_records', 'prev_hash');
    await q.dropIndex('parties', 'ix_parties_id_number_hash');
    await q.dropColumn('parties', 'id_number_hash');
    await q.dropTable('refresh_tokens');
    for (const column of ['disabled', 'totp_last_step', 'totp_enabled', 'totp_secret', 'password_changed_at', 'locked_until', 'failed_logins']) {
      await q.dropColumn('users', column);
    }
  }
}
