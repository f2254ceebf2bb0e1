// The audit hash chain (R-S3): each record's hash covers the previous hash and the record itself,
// so an edited, removed or reordered record breaks every hash after it.
import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actorUsername: string;
  actorUnitCode: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: unknown;
}

/** JSON with object keys sorted, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function chainHash(prevHash: string, record: ChainedFields): string {
  const body = canonicalJson([
    record.seq,
    record.at,
    record.actorUsername,
    record.actorUnitCode,
    record.action,
    record.targetType,
    record.targetId,
    record.detail ?? null,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** The chained fields of a stored row (snake_case columns, detail as JSON text). */
export function chainedFieldsOf(row: Record<string, any>, seq = Number(row.seq)): ChainedFields {
  return {
    seq,
    at: row.at,
    actorUsername: row.actor_username,
    actorUnitCode: row.actor_unit_code,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail === null ? null : JSON.parse(row.detail),
  };
}
