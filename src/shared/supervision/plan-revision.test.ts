import { describe, expect, it } from 'vitest';
import { describeChange, diffPlanVersions } from './plan-revision';

const l = (lineId: string, workOrderId: string, plannedQty: number) => ({ lineId, workshopId: 'W1', workOrderId, plannedQty });

describe('T+2 revision diff', () => {
  it('lists added, removed and re-quantified work orders per line; shift moves with the same day total are no change', () => {
    const before = [l('L1', 'PO-1/10', 60), l('L1', 'PO-1/10', 40), l('L1', 'PO-2/10', 10), l('L2', 'PO-3/10', 5), l('L3', 'PO-4/10', 7)];
    const after = [l('L1', 'PO-1/10', 100), l('L1', 'PO-5/10', 20), l('L2', 'PO-3/10', 6), l('L3', 'PO-4/10', 7)];
    expect(diffPlanVersions(before, after)).toEqual([
      {
        lineId: 'L1',
        workshopId: 'W1',
        changes: [
          { workOrderId: 'PO-2/10', change: 'removed', fromQty: 10, toQty: 0 },
          { workOrderId: 'PO-5/10', change: 'added', fromQty: 0, toQty: 20 },
        ],
      },
      { lineId: 'L2', workshopId: 'W1', changes: [{ workOrderId: 'PO-3/10', change: 'qty', fromQty: 5, toQty: 6 }] },
    ]);
  });

  it('a line dropped entirely shows all its work orders removed', () => {
    expect(diffPlanVersions([l('L9', 'PO-1/10', 3)], [])).toEqual([
      { lineId: 'L9', workshopId: 'W1', changes: [{ workOrderId: 'PO-1/10', change: 'removed', fromQty: 3, toQty: 0 }] },
    ]);
  });

  it('describes changes in Spanish and English', () => {
    expect(describeChange({ workOrderId: 'PO-1/10', change: 'added', fromQty: 0, toQty: 5 })).toBe('PO-1/10: añadida, 5 / added, 5');
    expect(describeChange({ workOrderId: 'PO-1/10', change: 'qty', fromQty: 5, toQty: 8 })).toBe('PO-1/10: 5 → 8');
  });
});
