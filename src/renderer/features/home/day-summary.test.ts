import { describe, expect, it } from 'vitest';
import type { DayTargetRow } from '../../data/repositories/plans';
import { targetsByWorkOrder } from './day-summary';

const row = (workOrderId: string, shift: string, plannedQty: number): DayTargetRow => ({
  workOrderId,
  productionOrderId: workOrderId.split('/')[0] ?? workOrderId,
  operation: '10',
  shift,
  plannedQty,
  productName: `Product of ${workOrderId}`,
  operationName: { es: 'Torneado', en: 'Turning' },
});

describe('targetsByWorkOrder', () => {
  it('gives one line per work order with its day total and shifts in plan order', () => {
    const rows = [
      row('PO-10/10', 'A', 134),
      row('PO-9/10', 'A', 40),
      row('PO-10/10', 'B', 133),
      row('PO-9/10', 'B', 40),
      row('PO-10/10', 'C', 133),
    ];
    expect(targetsByWorkOrder(rows)).toEqual([
      {
        workOrderId: 'PO-9/10',
        operation: '10',
        productName: 'Product of PO-9/10',
        operationName: { es: 'Torneado', en: 'Turning' },
        total: 80,
        shifts: [
          { shift: 'A', qty: 40 },
          { shift: 'B', qty: 40 },
        ],
      },
      {
        workOrderId: 'PO-10/10',
        operation: '10',
        productName: 'Product of PO-10/10',
        operationName: { es: 'Torneado', en: 'Turning' },
        total: 400,
        shifts: [
          { shift: 'A', qty: 134 },
          { shift: 'B', qty: 133 },
          { shift: 'C', qty: 133 },
        ],
      },
    ]);
  });

  it('adds up repeated lines of the same shift and returns nothing for an empty day', () => {
    expect(targetsByWorkOrder([row('PO-1/10', 'A', 5), row('PO-1/10', 'A', 7)])[0]?.shifts).toEqual([
      { shift: 'A', qty: 12 },
    ]);
    expect(targetsByWorkOrder([])).toEqual([]);
  });
});
