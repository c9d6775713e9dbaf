import '../../test-utils/dom';
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaktDb } from '../../data/db';
import { WorkOrderScreen } from '../work-order/WorkOrderScreen';
import { scanReceived } from '../../store/scan-router';
import { sessionStore } from '../../store/session-store';
import { operator, seedPlant, workOrder, WS } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

/** The fixture plant plus what readiness needs: a BOM, lots, equipment, gauges, qualifications. */
async function seedFloor(db: TaktDb, opts: { qualified?: boolean } = {}) {
  await seedPlant(db);
  const product = (await db.products.get('product:P-100'))!;
  product.bom = [{ itemId: 'RM-1', qtyPer: 0.5, operation: '10' }];
  product.routing[0]!.gaugeTypes = ['caliper'];
  await db.products.put(product);
  await db.workstations.update(`workstation:${WS}`, { equipmentIds: ['EQ-1'] });
  await db.equipment.put({ key: 'equipment:EQ-1', type: 'equipment', id: 'EQ-1', name: 'Torno CNC', lineId: 'L-M1', status: 'available' });
  await db.items.bulkPut([
    { key: 'item:RM-1', type: 'item', id: 'RM-1', name: 'Barra C45', unit: 'm', kind: 'raw' },
    { key: 'item:RM-2', type: 'item', id: 'RM-2', name: 'Tubo bronce', unit: 'm', kind: 'raw' },
  ]);
  await db.lots.bulkPut([
    { key: 'lot:L-OK', type: 'lot', id: 'L-OK', itemId: 'RM-1', qty: 300, location: 'A1', status: 'released' },
    { key: 'lot:L-Q', type: 'lot', id: 'L-Q', itemId: 'RM-1', qty: 300, location: 'Q1', status: 'quarantine' },
    { key: 'lot:L-OTHER', type: 'lot', id: 'L-OTHER', itemId: 'RM-2', qty: 300, location: 'A2', status: 'released' },
  ]);
  await db.gauges.put({
    key: 'gauge:G-1',
    type: 'gauge',
    id: 'G-1',
    name: 'Pie de rey',
    gaugeType: 'caliper',
    unit: 'mm',
    resolution: '0.01',
    calibrationDueOn: '2099-12-31',
    status: 'active',
  });
  const ana = operator('OP-0007', 'B0007', 'Ana López');
  if (opts.qualified !== false) ana.qualifications = [{ process: 'turning', validUntil: '2099-12-31' }];
  await db.operators.bulkPut([ana, { ...operator('OP-0003', 'B0003', 'Sara Gil'), roles: ['supervisor'] }]);
  await db.workOrders.bulkPut([
    workOrder('PO-1002/10'),
    workOrder('PO-1001/10', { goodQty: 100, status: 'completed' }),
    workOrder('PO-1001/20', { goodQty: 40, scrapQty: 2, status: 'started', operation: '20' }),
  ]);
}

// The machine running the suite is shared: live queries may take more than the default second.
configure({ asyncUtilTimeout: 5000 });

let services: TestServices;
async function open(workOrderId: string, opts: { qualified?: boolean } = {}) {
  await seedFloor(services.db, opts);
  sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00.000Z' });
  renderWithApp(<WorkOrderScreen workOrderId={workOrderId} />, { services });
  await screen.findByTestId('work-order-id');
}
beforeEach(() => {
  sessionStorage.clear();
  services = createTestServices();
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  await services.db.delete();
});

const scan = (text: string, symbology: string | null = null) =>
  act(() => scanReceived({ portId: 's', text, symbology, source: 'serial', receivedAt: '' }));
const check = (name: string) => screen.getByTestId(`check-${name}`);
const eventsOf = async (type: string) => (await services.db.events.toArray()).filter((e) => e.type === type);

describe('Readiness before start', { timeout: 30_000 }, () => {
  it('refuses a quarantined and a wrong-item lot with reason and what to do, accepts a released one, then lets Start through', async () => {
    await open('PO-1002/10');
    const start = () => screen.getByRole('button', { name: 'Start' });
    await waitFor(() => expect(check('materials').dataset.state).toBe('failed'));
    expect(start()).toHaveProperty('disabled', true);
    expect(within(check('materials')).getByText('Barra C45: 0 of 250 m')).toBeTruthy();
    expect(check('equipment').dataset.state).toBe('ok');
    expect(check('operator').dataset.state).toBe('ok');
    expect(check('gauges').dataset.state).toBe('ok');

    await act(() => new Promise((r) => setTimeout(r, 5)));
    scan('L-Q');
    const refused = await screen.findByTestId('lot-outcome');
    expect(refused.dataset.outcome).toBe('refused');
    expect(within(refused).getByText('The lot is in quarantine.')).toBeTruthy();
    expect(within(refused).getByText('Do not use it: set it aside and tell quality.')).toBeTruthy();

    scan('L-OTHER');
    await waitFor(() => expect(screen.getByText('It is RM-2, which is not on this operation’s bill of materials.')).toBeTruthy());
    expect(await eventsOf('material.consumed')).toEqual([]);

    // A GS1 label: the lot comes from AI 10.
    scan('0104012345678901' + '10L-OK', ']C1');
    await waitFor(() => expect(screen.getByTestId('lot-outcome').dataset.outcome).toBe('accepted'));
    expect(screen.getByText('Lot L-OK accepted: 250 m of Barra C45.')).toBeTruthy();
    expect((await eventsOf('material.consumed')).map((e) => e.payload)).toEqual([{ workOrderId: 'PO-1002/10', lotId: 'L-OK', itemId: 'RM-1', qty: 250 }]);
    await waitFor(() => expect(check('materials').dataset.state).toBe('ok'));
    expect(screen.getByTestId('readiness-summary').dataset.ready).toBe('true');

    fireEvent.click(start());
    await waitFor(async () => expect(await eventsOf('wo.transition.requested')).toHaveLength(1));
    expect((await eventsOf('readiness.checked')).map((e) => e.payload)).toEqual([
      { workOrderId: 'PO-1002/10', checks: { materials: 'ok', equipment: 'ok', operator: 'ok', gauges: 'ok' } },
    ]);
  });

  it('an unqualified operator is blocked until a supervisor scans their badge; an operator badge cannot authorise', async () => {
    await open('PO-1002/10', { qualified: false });
    await waitFor(() => expect(check('operator').dataset.state).toBe('failed'));
    expect(within(check('operator')).getByText('You are not qualified for “turning”.')).toBeTruthy();
    expect(within(check('operator')).getByText('Ask your supervisor for a qualified operator or an authorisation.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Material lot or supervisor badge'), { target: { value: 'B0007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Ana López is not a supervisor and cannot authorise.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start' })).toHaveProperty('disabled', true);

    await act(() => new Promise((r) => setTimeout(r, 5)));
    scan('B0003');
    expect(await screen.findByText('Authorised by Sara Gil. You can start.')).toBeTruthy();
    const [override] = await eventsOf('readiness.checked');
    expect(override?.payload).toMatchObject({
      workOrderId: 'PO-1002/10',
      overriddenBy: 'OP-0003',
      checks: { materials: 'overridden', equipment: 'ok', operator: 'overridden', gauges: 'ok' },
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(async () => expect(await eventsOf('wo.transition.requested')).toHaveLength(1));
  });

  it('equipment downtime started here fails the equipment check until it is ended', async () => {
    await open('PO-1002/10');
    await waitFor(() => expect(check('equipment').dataset.state).toBe('ok'));
    fireEvent.click(await screen.findByRole('button', { name: 'Start downtime' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Breakdown' }));
    await waitFor(() => expect(check('equipment').dataset.state).toBe('failed'));
    expect(within(check('equipment')).getByText('Torno CNC: Down')).toBeTruthy();
    const [started] = await eventsOf('downtime.started');
    expect(started?.payload).toMatchObject({ equipmentId: 'EQ-1', reasonCode: 'D01' });
    fireEvent.click(await screen.findByRole('button', { name: 'End downtime' }));
    await waitFor(() => expect(check('equipment').dataset.state).toBe('ok'));
    const [ended] = await eventsOf('downtime.ended');
    expect(ended?.payload).toEqual(started?.payload);
  });
});
