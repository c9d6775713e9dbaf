import '../../test-utils/dom';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordEvent } from '../../data/record';
import { sessionStore } from '../../store/session-store';
import { seedPlant, workOrder, WS } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';
import { WorkOrderScreen } from '../work-order/WorkOrderScreen';

configure({ asyncUtilTimeout: 5000 });

let services: TestServices;
beforeEach(async () => {
  sessionStorage.clear();
  services = createTestServices();
  const db = services.db;
  await seedPlant(db);
  const product = (await db.products.get('product:P-100'))!;
  product.bom = [{ itemId: 'RM-1', qtyPer: 0.5, operation: '20' }];
  await db.products.put(product);
  await db.items.put({ key: 'item:RM-1', type: 'item', id: 'RM-1', name: 'Barra C45', unit: 'm', kind: 'raw' });
  await db.lots.bulkPut([
    { key: 'lot:L-1', type: 'lot', id: 'L-1', itemId: 'RM-1', qty: 12.5, location: 'A1', status: 'released' },
    { key: 'lot:L-2', type: 'lot', id: 'L-2', itemId: 'RM-1', qty: 7.25, location: 'A1', status: 'released' },
    { key: 'lot:L-3', type: 'lot', id: 'L-3', itemId: 'RM-1', qty: 100, location: 'Q', status: 'quarantine' },
  ]);
  await db.workOrders.bulkPut([
    workOrder('PO-1001/10', { goodQty: 100, scrapQty: 3, status: 'completed' }),
    workOrder('PO-1001/20', { goodQty: 40, scrapQty: 2, status: 'started', operation: '20' }),
  ]);
  sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00.000Z' });
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  await services.db.delete();
});

const ctx = { terminalId: 'T-TEST-1', workstationId: WS, operatorId: 'OP-0007' };
const eventsOf = async (type: string) => (await services.db.events.toArray()).filter((e) => e.type === type);

describe('Work order floor panels', { timeout: 30_000 }, () => {
  it('shows the WIP waiting from the previous operation, counting this terminal’s unsynced output', async () => {
    renderWithApp(<WorkOrderScreen workOrderId="PO-1001/20" />, { services });
    await waitFor(() => expect(screen.getByTestId('wip-waiting').textContent).toBe('58'));
    expect(screen.getByText('Good at operation 10: 100 · taken here: 42')).toBeTruthy();
    await recordEvent(services.db, ctx, 'output.recorded', { workOrderId: 'PO-1001/20', goodQty: 8, scrapQty: 0 });
    await waitFor(() => expect(screen.getByTestId('wip-waiting').textContent).toBe('50'));
  });

  it('corrects an output record by reversal with a reason; progress goes back', async () => {
    await recordEvent(services.db, ctx, 'output.recorded', { workOrderId: 'PO-1001/20', goodQty: 5, scrapQty: 0 });
    renderWithApp(<WorkOrderScreen workOrderId="PO-1001/20" />, { services });
    await waitFor(() => expect(screen.getByTestId('progress-good').textContent).toBe('45'));
    fireEvent.click(await screen.findByRole('button', { name: 'Correct' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reverse record' }));
    expect(await within(dialog).findByText('Give the reason for the correction.')).toBeTruthy();
    expect(await eventsOf('output.reversed')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Miscounted' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reverse record' }));
    await waitFor(() => expect(screen.getByTestId('progress-good').textContent).toBe('40'));
    const [original] = await eventsOf('output.recorded');
    expect((await eventsOf('output.reversed')).map((e) => e.payload)).toEqual([{ reversesEventId: original?.id, reason: 'Miscounted' }]);
    expect(await screen.findByText('Reversed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Correct' })).toBeNull();
  });

  it('reports a supply disruption in three taps with the cached stock, lists it open, and resolves it', async () => {
    renderWithApp(<WorkOrderScreen workOrderId="PO-1001/20" />, { services });
    expect(await screen.findByText('No open disruptions on this line.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Report disruption' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Supply interruption' }));
    const stock = await screen.findByTestId('stock-check');
    expect(within(stock).getByText('19.75 m in 2 released lots')).toBeTruthy();
    expect(within(stock).getByText('100 m blocked (quarantine or hold)')).toBeTruthy();
    expect(screen.getByText('Línea M1 · work order PO-1001/20')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Estimated loss (pieces)'), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Report sent to production, material control and marketing.')).toBeTruthy();
    const [reported] = await eventsOf('disruption.reported');
    expect(reported?.payload).toMatchObject({
      cause: 'supply',
      lineId: 'L-M1',
      workOrderId: 'PO-1001/20',
      stockCheck: [{ itemId: 'RM-1', availableQty: 19.75, lots: 2 }],
      estimatedLossQty: 60,
    });
    const row = await screen.findByTestId('open-disruption');
    expect(within(row).getByText('not synced yet')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Mark resolved' }));
    expect(await screen.findByText('No open disruptions on this line.')).toBeTruthy();
    expect((await eventsOf('disruption.resolved')).map((e) => e.payload)).toEqual([{ disruptionId: reported?.payload.disruptionId }]);
  });

  it('lists a disruption reported on another terminal from central’s notice, with its cause', async () => {
    await services.db.notices.put({
      key: 'notice:disruption:DIS-9',
      type: 'notice',
      id: 'disruption:DIS-9',
      kind: 'disruption',
      departments: ['production', 'material-control', 'marketing'],
      lineId: 'L-M1',
      title: 'Interrupción: Falta de personal / Disruption: Labour shortage — Línea M1',
      body: 'Faltan dos operarios',
      refId: 'PO-1001/20',
      createdAt: '2026-11-26T08:00:00.000Z',
    });
    renderWithApp(<WorkOrderScreen workOrderId="PO-1001/20" />, { services });
    const row = await screen.findByTestId('open-disruption');
    expect(within(row).getByText('Labour shortage')).toBeTruthy();
    expect(within(row).getByText('Faltan dos operarios')).toBeTruthy();
    expect(within(row).queryByText('not synced yet')).toBeNull();
  });
});
