import '../../test-utils/dom';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Screens } from '../../app/Screens';
import { routeStore } from '../../store/route-store';
import { scanReceived } from '../../store/scan-router';
import { sessionStore } from '../../store/session-store';
import { seedPlant, t2Line, workOrder } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

let services: TestServices;
beforeEach(async () => {
  // A fixed instant: 10:00 in Madrid on 2026-11-26 is production day 2026-11-26. Only Date is faked.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:00:00.000Z') });
  sessionStorage.clear();
  services = createTestServices();
  await seedPlant(services.db);
  sessionStore
    .getState()
    .operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00Z' });
  routeStore.getState().homeRequested();
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  sessionStore.getState().operatorSignedOut();
  await services.db.delete();
});

describe('Home', () => {
  it('shows Today / Tomorrow / Day after targets for the line and the queue in plan order', async () => {
    await services.db.workOrders.bulkPut([
      workOrder('PO-1/10', { goodQty: 30 }),
      workOrder('PO-2/10', { productId: 'P-200' }),
    ]);
    await services.db.t2Lines.bulkPut([
      t2Line('2026-11-26', 'B', 'PO-1/10', 100),
      t2Line('2026-11-26', 'A', 'PO-2/10', 60),
      t2Line('2026-11-26', 'C', 'PO-1/10', 40),
      t2Line('2026-11-27', 'A', 'PO-1/10', 120),
    ]);
    renderWithApp(<Screens />, { services });
    const today = await screen.findByTestId('t2-day-2026-11-26');
    expect(within(today).getByRole('heading', { name: 'Today' })).toBeTruthy();
    await waitFor(() => expect(within(today).getByTestId('day-total').textContent).toBe('200'));
    // One line per work order: its day total, and the shifts as secondary text.
    const todayLines = within(today).getAllByTestId('t2-work-order');
    expect(todayLines.map((l) => l.getAttribute('data-work-order-id'))).toEqual(['PO-1/10', 'PO-2/10']);
    const po1 = todayLines[0] as HTMLElement;
    expect(within(po1).getByTestId('t2-wo-total').textContent).toBe('140');
    expect(within(po1).getByTestId('t2-shifts').textContent).toContain('B 100 · C 40');
    expect(within(po1).getByText('shift B: 100, shift C: 40')).toBeTruthy();
    const tomorrow = screen.getByTestId('t2-day-2026-11-27');
    expect(within(tomorrow).getByRole('heading', { name: 'Tomorrow' })).toBeTruthy();
    expect(within(tomorrow).getByTestId('day-total').textContent).toBe('120');
    const dayAfter = screen.getByTestId('t2-day-2026-11-28');
    expect(within(dayAfter).getByRole('heading', { name: 'Day after' })).toBeTruthy();
    expect(within(dayAfter).getByText('Nothing planned')).toBeTruthy();

    const rows = await screen.findAllByTestId('queue-row');
    expect(rows.map((r) => r.getAttribute('data-work-order-id'))).toEqual(['PO-2/10', 'PO-1/10']);
    expect(within(rows[1] as HTMLElement).getByText('30 / 500 good')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Open work order PO-1/10' }));
    await waitFor(() => expect(screen.getByTestId('work-order-id').textContent).toBe('PO-1/10'));
  });

  it('explains an empty queue and an empty plan (in Spanish)', async () => {
    renderWithApp(<Screens />, { services, language: 'es' });
    expect(await screen.findByText('No hay órdenes de trabajo abiertas para este puesto.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Hoy' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mañana' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Pasado mañana' })).toBeTruthy();
    expect(screen.getAllByText('Nada planificado')).toHaveLength(3);
  });

  it('opens a work order from a scan of its id and reports an unknown one', async () => {
    await services.db.workOrders.put(workOrder('PO-1001/20'));
    renderWithApp(<Screens />, { services });
    await screen.findAllByTestId('queue-row');
    act(() => scanReceived({ portId: 's', text: 'NOPE-1', symbology: null, source: 'serial', receivedAt: '' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Work order “NOPE-1” is not known on this terminal.',
    );
    act(() => scanReceived({ portId: 's', text: 'PO-1001/20', symbology: null, source: 'serial', receivedAt: '' }));
    await waitFor(() => expect(screen.getByTestId('work-order-id').textContent).toBe('PO-1001/20'));
  });

  it('marks a rework work order in the queue and on its screen', async () => {
    await services.db.workOrders.bulkPut([workOrder('PO-1/10'), workOrder('PO-1/10-RW1', { operation: '10', qty: 4, reworkNcId: 'NC-7', reworkOf: 'PO-1/10' })]);
    renderWithApp(<Screens />, { services, language: 'es' });
    const rows = await screen.findAllByTestId('queue-row');
    const byId = (id: string) => rows.find((r) => r.getAttribute('data-work-order-id') === id) as HTMLElement;
    expect(within(byId('PO-1/10-RW1')).getByTestId('rework-badge').textContent).toBe('Retrabajo');
    expect(within(byId('PO-1/10-RW1')).getByTestId('rework-badge').getAttribute('title')).toBe('Retrabajo de la NC NC-7 (piezas de PO-1/10)');
    expect(within(byId('PO-1/10')).queryByTestId('rework-badge')).toBeNull();
    fireEvent.click(byId('PO-1/10-RW1'));
    await waitFor(() => expect(screen.getByTestId('work-order-id').textContent).toBe('PO-1/10-RW1'));
    expect(screen.getByTestId('rework-badge').textContent).toBe('Retrabajo');
  });
});
