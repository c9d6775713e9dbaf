import '../../test-utils/dom';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Screens } from '../../app/Screens';
import { routeStore } from '../../store/route-store';
import { scanReceived } from '../../store/scan-router';
import { sessionStore } from '../../store/session-store';
import { seedPlant, workOrder } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

let services: TestServices;
beforeEach(async () => {
  sessionStorage.clear();
  services = createTestServices();
  await seedPlant(services.db);
  await services.db.workOrders.bulkPut([
    workOrder('PO-1001/20', { goodQty: 40, scrapQty: 2, status: 'started', operation: '20' }),
    workOrder('PO-1002/10'),
  ]);
  sessionStore.getState().operatorSignedIn({
    id: 'OP-0007',
    name: 'Ana López',
    roles: ['operator'],
    signedInAt: '2026-11-26T07:00:00.000Z',
  });
  routeStore.getState().workOrderOpened('PO-1001/20');
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  routeStore.getState().homeRequested();
  await services.db.delete();
});

const setQty = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('Work order: record output', () => {
  it('shows the work order with product, operation, status and progress', async () => {
    renderWithApp(<Screens />, { services });
    expect((await screen.findByTestId('work-order-id')).textContent).toBe('PO-1001/20');
    expect(screen.getByText('Eje 100')).toBeTruthy();
    expect(screen.getByText(/Operation 20 · Milling/)).toBeTruthy();
    expect(screen.getByText('In progress')).toBeTruthy();
    expect(screen.getByTestId('progress-good').textContent).toBe('40');
  });

  it('requires a scrap reason when there is scrap, and saves nothing without it', async () => {
    renderWithApp(<Screens />, { services });
    await screen.findByLabelText('Scrap');
    setQty('Good', '5');
    setQty('Scrap', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose a scrap reason: there are scrap pieces.')).toBeTruthy();
    expect(await services.db.events.count()).toBe(0);
    expect(screen.queryByText(/^Saved/)).toBeNull();
  });

  it('refuses to save zero pieces', async () => {
    renderWithApp(<Screens />, { services });
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter at least one good or scrap piece.')).toBeTruthy();
    expect(await services.db.events.count()).toBe(0);
  });

  it('saves one pending output event, confirms "Saved", clears the form and lists the record', async () => {
    renderWithApp(<Screens />, { services });
    await screen.findByLabelText('Good');
    setQty('Good', '12');
    fireEvent.click(screen.getByRole('button', { name: 'Scrap plus 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Scrap plus 1' }));
    fireEvent.change(screen.getByLabelText('Scrap reason'), { target: { value: 'S02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByTestId('output-saved')).textContent).toContain('Saved: 12 good, 2 scrap');
    // Good output creates its lot in the same transaction (trace): lot.created, then the output naming it.
    const events = await services.db.events.orderBy('seq').toArray();
    expect(events.map((e) => e.type)).toEqual(['lot.created', 'output.recorded']);
    const lotId = (events[0]?.payload as { lotId: string }).lotId;
    expect(events[0]?.payload).toMatchObject({ itemId: 'P-100', workOrderId: 'PO-1001/20', qty: 12, parentLotIds: [] });
    expect(lotId).toMatch(/^\d{6}-M101-001$/);
    expect(events[1]?.payload).toMatchObject({ lotId });
    expect(events[1]).toMatchObject({
      type: 'output.recorded',
      state: 'pending',
      operatorId: 'OP-0007',
      workstationId: 'WS-M1-01',
      terminalId: 'T-TEST-1',
      payload: { workOrderId: 'PO-1001/20', goodQty: 12, scrapQty: 2, scrapReason: 'S02' },
    });
    expect(services.nudges).toBe(1);
    expect(screen.getByLabelText<HTMLInputElement>('Good').value).toBe('0');

    const rows = await screen.findAllByTestId('output-record');
    expect(rows).toHaveLength(1);
    expect(within(rows[0] as HTMLElement).getByText('Pending')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Out of size')).toBeTruthy();
    // Progress includes the record still waiting for central.
    await waitFor(() => expect(screen.getByTestId('progress-good').textContent).toBe('52'));
    expect(screen.getByTestId('progress-scrap').textContent).toBe('4');
  });

  it('shows the record as synced once the engine marks it acknowledged', async () => {
    renderWithApp(<Screens />, { services });
    await screen.findByLabelText('Good');
    setQty('Good', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('output-saved');
    const e = (await services.db.events.toArray()).find((x) => x.type === 'output.recorded');
    await services.db.events.update(e?.id ?? '', { state: 'acked' });
    await waitFor(() => expect(within(screen.getByTestId('output-record')).getByText('Synced')).toBeTruthy());
  });

  it('works in Spanish with the same controls', async () => {
    renderWithApp(<Screens />, { services, language: 'es' });
    await screen.findByLabelText('Buenas');
    setQty('Buenas', '1');
    setQty('Rechazo', '1');
    fireEvent.change(screen.getByLabelText('Motivo de rechazo'), { target: { value: 'S01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect((await screen.findByTestId('output-saved')).textContent).toContain('Guardado');
  });

  it('opens another work order when its label is scanned, and reports unknown ones', async () => {
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('work-order-id');
    act(() => scanReceived({ portId: 's', text: 'PO-9999/10', symbology: null, source: 'serial', receivedAt: '' }));
    expect((await screen.findByRole('alert')).textContent).toContain('PO-9999/10');
    act(() => scanReceived({ portId: 's', text: 'PO-1002/10\r', symbology: null, source: 'serial', receivedAt: '' }));
    await waitFor(() => expect(screen.getByTestId('work-order-id').textContent).toBe('PO-1002/10'));
  });

  it('goes back to the queue', async () => {
    renderWithApp(<Screens />, { services });
    fireEvent.click(await screen.findByRole('button', { name: 'Back to queue' }));
    expect(await screen.findByRole('heading', { name: 'Work orders at this workstation' })).toBeTruthy();
  });
});
