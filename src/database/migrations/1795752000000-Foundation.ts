import type { MigrationInterface, QueryRunner } from 'typeorm';
import { c, table } from './table-builder';

/** Organisations, users, cases with their history and access, audit, documents and clocks. */
export class Foundation1795752000000 implements MigrationInterface {
  name = 'Foundation1795752000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table('divisions', [
        c.varchar('code', 12, c.primary),
        c.varchar('name', 64),
        c.varchar('level', 16),
        c.varchar('parent_code', 12, c.nullable),
      ]),
    );
    await q.createTable(
      table(
        'reporting_links',
        [
          c.varchar('child_code', 12, c.primary),
          c.varchar('valid_from', 7, c.primary),
          c.varchar('parent_code', 12),
          c.varchar('valid_to', 7, c.nullable),
        ],
        [{ columns: ['parent_code'] }],
      ),
    );
    await q.createTable(
      table(
        'units',
        [
          c.varchar('code', 40, c.primary),
          c.varchar('name', 80),
          c.varchar('kind', 4),
          c.varchar('tier', 16),
          c.varchar('division_code', 12),
          c.varchar('abbr', 24),
          c.varchar('agency', 16, c.nullable),
        ],
        [{ columns: ['division_code'] }],
      ),
    );
    await q.createTable(
      table(
        'users',
        [
          c.id(),
          c.varchar('username', 64),
          c.varchar('password_hash', 255),
          c.varchar('unit_code', 40),
          c.text('roles'),
          c.varchar('display_name', 80),
          c.instant('created_at'),
        ],
        [{ columns: ['username'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'cases',
        [
          c.id(),
          c.varchar('case_no', 64),
          c.varchar('machine_id', 32),
          c.varchar('machine_version', 16),
          c.varchar('state', 64),
          c.text('snapshot'),
          c.int('version'),
          c.varchar('accepting_unit_code', 40),
          c.varchar('handling_unit_code', 40),
          c.varchar('dispute_type', 32),
          c.varchar('dispute_subtype', 32, c.nullable),
          c.int('catalog_version'),
          c.varchar('source', 32),
          c.varchar('work_order_no', 64, c.nullable),
          c.varchar('risk_level', 8),
          c.bigint('amount_fen', c.nullable),
          c.text('summary'),
          c.varchar('place', 200, c.nullable),
          c.int('people_involved', c.nullable),
          c.instant('accepted_at'),
          c.instant('concluded_at', c.nullable),
          c.varchar('outcome', 32, c.nullable),
          c.varchar('created_by', 64),
          c.instant('updated_at'),
        ],
        [
          { columns: ['case_no'], unique: true },
          { columns: ['state'] },
          { columns: ['handling_unit_code'] },
          { columns: ['accepted_at'] },
          { columns: ['source', 'work_order_no'], unique: true },
        ],
      ),
    );
    await q.createTable(
      table(
        'parties',
        [
          c.id(),
          c.varchar('case_id', 36),
          c.int('seq'),
          c.varchar('role', 16),
          c.varchar('kind', 16),
          c.varchar('name', 120),
          c.varchar('gender', 8, c.nullable),
          c.varchar('ethnicity', 16, c.nullable),
          c.varchar('birth_date', 10, c.nullable),
          c.varchar('id_number', 18, c.nullable),
          c.varchar('phone', 20, c.nullable),
          c.varchar('address', 200, c.nullable),
          c.varchar('credit_code', 18, c.nullable),
          c.varchar('legal_representative', 60, c.nullable),
          c.text('agent', c.nullable),
        ],
        [{ columns: ['case_id'] }, { columns: ['id_number'] }],
      ),
    );
    await q.createTable(
      table('prevention_flags', [c.varchar('case_id', 36, c.primary), c.varchar('kind', 40, c.primary), c.int('people')]),
    );
    await q.createTable(
      table(
        'case_segments',
        [
          c.varchar('case_id', 36, c.primary),
          c.int('seq', c.primary),
          c.varchar('track', 16),
          c.varchar('unit_code', 40),
          c.instant('started_at'),
          c.instant('ended_at', c.nullable),
          c.varchar('outcome', 32, c.nullable),
        ],
        [{ columns: ['unit_code', 'started_at'] }],
      ),
    );
    await q.createTable(
      table(
        'case_transitions',
        [
          c.id(),
          c.varchar('case_id', 36),
          c.int('version'),
          c.varchar('event', 40),
          c.text('payload'),
          c.varchar('from_state', 64, c.nullable),
          c.varchar('to_state', 64),
          c.varchar('actor_username', 64),
          c.varchar('actor_unit_code', 40, c.nullable),
          c.instant('at'),
        ],
        [{ columns: ['case_id', 'version'], unique: true }],
      ),
    );
    await q.createTable(
      table(
        'case_access',
        [
          c.varchar('case_id', 36, c.primary),
          c.varchar('unit_code', 40, c.primary),
          c.varchar('unit_kind', 4),
          c.varchar('division_code', 12),
        ],
        [{ columns: ['unit_code'] }, { columns: ['division_code'] }],
      ),
    );
    await q.createTable(
      table(
        'audit_records',
        [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          c.instant('at'),
          c.varchar('actor_username', 64),
          c.varchar('actor_unit_code', 40, c.nullable),
          c.varchar('action', 64),
          c.varchar('target_type', 32),
          c.varchar('target_id', 64, c.nullable),
          c.text('detail', c.nullable),
        ],
        [{ columns: ['target_type', 'target_id'] }],
      ),
    );
    await q.createTable(
      table('idempotency_keys', [
        c.varchar('user_id', 36, c.primary),
        c.varchar('key', 128, c.primary),
        c.varchar('request_hash', 64),
        c.int('status'),
        c.text('body'),
        c.instant('created_at'),
      ]),
    );
    await q.createTable(table('number_sequences', [c.varchar('scope', 96, c.primary), c.int('last_value')]));
    await q.createTable(
      table(
        'documents',
        [
          c.id(),
          c.varchar('case_id', 36),
          c.varchar('kind', 32),
          c.varchar('number', 64),
          c.varchar('issuing_unit_code', 40),
          c.varchar('issued_by', 64),
          c.instant('issued_at'),
          c.int('transition_version'),
          c.text('content'),
          c.varchar('status', 8),
          c.varchar('template_version', 16, c.nullable),
          c.varchar('sha256', 64, c.nullable),
          c.varchar('path', 255, c.nullable),
          c.int('attempts', { default: 0 }),
          c.instant('next_attempt_at', c.nullable),
          c.text('last_error', c.nullable),
        ],
        [{ columns: ['case_id'] }, { columns: ['number'], unique: true }, { columns: ['status', 'next_attempt_at'] }],
      ),
    );
    await q.createTable(
      table(
        'clocks',
        [
          c.id(),
          c.varchar('case_id', 36),
          c.varchar('kind', 40),
          c.varchar('unit_code', 40),
          c.instant('started_at'),
          c.instant('due_at'),
          c.varchar('status', 8),
          c.text('basis'),
          c.instant('fired_at', c.nullable),
        ],
        [{ columns: ['status', 'due_at'] }, { columns: ['case_id', 'kind'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of [
      'clocks',
      'documents',
      'number_sequences',
      'idempotency_keys',
      'audit_records',
      'case_access',
      'case_transitions',
      'case_segments',
      'prevention_flags',
      'parties',
      'cases',
      'users',
      'units',
      'reporting_links',
      'divisions',
    ]) {
      await q.dropTable(name);
    }
  }
}
