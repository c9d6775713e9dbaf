import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaktDb } from '../../data/db';
import { DAYS, t2Line, uniqueDbName, workOrder } from '../../test-utils/fixtures';
import { readPlanLines, readTotals } from './supervision-repo';

let db: TaktDb;
beforeEach(() => {
  db = new TaktDb(uniqueDbName('supervision'));
});
afterEach(async () => {
  await db.delete();
});

const pad = (i: number) => String(i).padStart(4, '0');

describe('supervision reads', () => {
  it('plan lines: only T..T+2, only the version in force of each day', async () => {
    await db.t2Lines.bulkPut([
      t2Line('2026-11-25', 'A', 'PO-0/10', 5),
      t2Line(DAYS[0], 'A', 'PO-1/10', 100, 1),
      t2Line(DAYS[0], 'B', 'PO-1/10', 90, 2),
      t2Line(DAYS[1], 'A', 'PO-2/10', 80),
      t2Line(DAYS[2], 'A', 'PO-3/10', 70),
      t2Line('2026-11-29', 'A', 'PO-4/10', 60),
    ]);
    const lines = await readPlanLines(db, DAYS);
    expect(lines.map((l) => [l.date, l.workOrderId, l.plannedQty]).sort()).toEqual([
      [DAYS[0], 'PO-1/10', 90],
      [DAYS[1], 'PO-2/10', 80],
      [DAYS[2], 'PO-3/10', 70],
    ]);
  });

  it('totals of a few work orders, and of thousands (read as one range), never of others in between', async () => {
    // Every third work order is not asked for; two asked for are not on this terminal.
    await db.workOrders.bulkPut(Array.from({ length: 900 }, (_, i) => workOrder(`PO-${pad(i)}/10`, { goodQty: i, scrapQty: i % 7 })));
    const wanted = Array.from({ length: 900 }, (_, i) => i).filter((i) => i % 3 !== 0);
    const ids = [...wanted.map((i) => `PO-${pad(i)}/10`), 'PO-9998/10', 'PO-9999/10'];

    const many = await readTotals(db, ids);
    expect(many.size).toBe(wanted.length);
    expect(many.has('PO-0000/10')).toBe(false);
    expect(many.has('PO-0003/10')).toBe(false);
    expect(many.get('PO-0004/10')).toEqual({ goodQty: 4, scrapQty: 4 });
    expect(many.get('PO-0899/10')).toEqual({ goodQty: 899, scrapQty: 3 });

    const few = await readTotals(db, ['PO-0010/10', 'PO-0002/10', 'PO-9999/10']);
    expect([...few].sort()).toEqual([
      ['PO-0002/10', { goodQty: 2, scrapQty: 2 }],
      ['PO-0010/10', { goodQty: 10, scrapQty: 3 }],
    ]);
    expect((await readTotals(db, [])).size).toBe(0);
  });
});
