import type { EntityManager } from 'typeorm';
import { WriteBatch } from '../../../src/database/write-batch';

const em = {} as EntityManager;

/** A batch whose flushes and pauses are written down in the order they happen. */
function recordingBatch() {
  const log: string[] = [];
  const batch = new WriteBatch();
  const flushTo = (table: string) => async (_: EntityManager, rows: number[]) => void log.push(`${table}:${rows.join(',')}`);
  const between = async () => void log.push('yield');
  return { log, batch, flushTo, between };
}

describe('a sweep round writes its deferred rows in slices, all of them, table by table', () => {
  it('writes each table in the order first deferred, every row once, in slices of the given size with a pause between statements', async () => {
    const { log, batch, flushTo, between } = recordingBatch();
    for (const row of [1, 2, 3, 4, 5]) batch.defer('case_transitions', row, flushTo('history'));
    batch.defer('audit', 10, flushTo('audit'));
    batch.defer('case_transitions', 6, flushTo('history'));

    await batch.flush(em, between, 2);

    expect(log).toEqual(['history:1,2', 'yield', 'history:3,4', 'yield', 'history:5,6', 'yield', 'audit:10']);
  });

  it('writes a table in one statement when no slice size is given, and nothing twice when flushed again', async () => {
    const { log, batch, flushTo, between } = recordingBatch();
    for (const row of [1, 2, 3]) batch.defer('case_segments', row, flushTo('segments'));

    await batch.flush(em, between);
    await batch.flush(em, between);

    expect(log).toEqual(['segments:1,2,3']);
  });
});
