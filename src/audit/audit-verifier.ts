// Walks the audit chain from the first record and recomputes every hash (npm run audit:verify).
import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { chainedFieldsOf, chainHash, genesisHash } from './audit-chain';

export interface ChainReport {
  records: number;
  intact: boolean;
  firstBroken?: { seq: number; reason: string };
}

interface Row {
  seq: number;
  at: string;
  actor_username: string;
  actor_unit_code: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export async function verifyAuditChain(em: EntityManager, onProgress?: (done: number) => void): Promise<ChainReport> {
  let prev = genesisHash;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const rows = await sql<Row>(em, 'SELECT * FROM audit_records WHERE seq >= ? ORDER BY seq LIMIT 5000', [expectedSeq]);
    if (!rows.length) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { records, intact: false, firstBroken: { seq: expectedSeq, reason: `记录 ${expectedSeq} 缺失` } };
      if (row.prev_hash !== prev) return { records, intact: false, firstBroken: { seq, reason: '前一记录的哈希不符（记录被删改或重排）' } };
      const hash = chainHash(prev, chainedFieldsOf(row, seq));
      if (hash !== row.hash) return { records, intact: false, firstBroken: { seq, reason: '记录内容与其哈希不符（记录被修改）' } };
      prev = hash;
      expectedSeq++;
      records++;
    }
    onProgress?.(records);
  }
  const [head] = await sql<{ last_seq: number; last_hash: string }>(em, 'SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1');
  if (head && (Number(head.last_seq) !== records || head.last_hash !== prev)) {
    return { records, intact: false, firstBroken: { seq: records + 1, reason: '链尾记录缺失（末尾记录被删除）' } };
  }
  return { records, intact: true };
}
