// The case_segments row of a segment as a transition leaves it: where and when, how it ended, and
// the facts the monthly form counts of it (../statistics/segment-facts.ts).
import type { EntityManager } from 'typeorm';
import type { CaseContext, Segment } from '../../workflows/case';
import { sql } from '../database/sql';
import { factColumns, needsClockCheck, segmentFacts } from '../statistics/segment-facts';
import type { CaseSegment } from './case-segment.entity';
import type { CaseRecord } from './case.entity';

export async function segmentRow(em: EntityManager, kase: CaseRecord, context: CaseContext, segment: Segment): Promise<CaseSegment> {
  const endedAt = segment.endedAt ? new Date(segment.endedAt).toISOString() : null;
  const startedAt = new Date(segment.startedAt).toISOString();
  const dimensions = { disputeType: kase.disputeType, disputeSubtype: kase.disputeSubtype, source: kase.source, parties: context.parties.length };
  const facts = segmentFacts({ ...segment, startedAt, ...(endedAt ? { endedAt } : {}) }, dimensions, {
    agreement: context.agreement,
    late: needsClockCheck(segment) && (await clockFellDue(em, kase.id, segment.unitCode, endedAt!)),
  });
  return {
    caseId: kase.id,
    seq: segment.seq,
    track: segment.track,
    unitCode: segment.unitCode,
    startedAt,
    endedAt,
    outcome: segment.outcome ?? null,
    ...factColumns(facts),
  } as CaseSegment;
}

/** A legal clock of the unit in this case fell due before the instant (the segment concluded late). */
async function clockFellDue(em: EntityManager, caseId: string, unitCode: string, before: string): Promise<boolean> {
  const rows = await sql(em, 'SELECT 1 FROM clocks WHERE case_id = ? AND unit_code = ? AND due_at < ? LIMIT 1', [caseId, unitCode, before]);
  return rows.length > 0;
}
