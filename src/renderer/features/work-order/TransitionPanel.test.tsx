import '../../test-utils/dom';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Screens } from '../../app/Screens';
import type { OutboxEvent } from '../../data/db';
import { routeStore } from '../../store/route-store';
import { sessionStore } from '../../store/session-store';
import { seedPlant, workOrder } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';
import { allowedTransitions, outstandingRequest } from './wo-transitions';

let services: TestServices;
beforeEach(async () => {
  sessionStorage.clear();
  services = createTestServices();
  await seedPlant(services.db);
  await services.db.workOrders.bulkPut([
    workOrder('PO-1001/20', { status: 'started', version: 4, operation: '20' }),
    workOrder('PO-1002/10', { status: 'released', version: 3 }),
    workOrder('PO-1003/10', { status: 'completed', version: 9 }),
  ]);
  sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00.000Z' });
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  routeStore.getState().homeRequested();
  await services.db.delete();
});

const open = (id: string) => routeStore.getState().workOrderOpened(id);
const button = (name: string) => screen.queryByRole('button', { name });

describe('Work order state buttons', () => {
  it('a released work order offers only Start', async () => {
    open('PO-1002/10');
    renderWithApp(<Screens />, { services });
    expect(await screen.findByRole('button', { name: 'Start' })).toBeTruthy();
    expect(button('Pause')).toBeNull();
    expect(button('Block')).toBeNull();
    expect(button('Complete')).toBeNull();
  });

  it('a completed work order offers none', async () => {
    open('PO-1003/10');
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('work-order-id');
    expect(screen.getByText('Completed', { selector: '[data-status] *' })).toBeTruthy();
    for (const name of ['Start', 'Pause', 'Block', 'Complete']) expect(button(name)).toBeNull();
  });

  it('Start records one pending request based on the row version, shows it until central’s row changes', async () => {
    open('PO-1002/10');
    renderWithApp(<Screens />, { services });
    // Start waits for the readiness checks (features/floor) to pass.
    const start = await screen.findByRole('button', { name: 'Start' });
    await waitFor(() => expect(start).toHaveProperty('disabled', false));
    fireEvent.click(start);

    // Two records commit (readiness, then the request) before the banner shows.
    expect((await screen.findByTestId('transition-requested', {}, { timeout: 5000 })).textContent).toContain('Requested: In progress');
    const all = await services.db.events.orderBy('seq').toArray();
    expect(all.map((e) => e.type)).toEqual(['readiness.checked', 'wo.transition.requested']);
    const events = all.filter((e) => e.type === 'wo.transition.requested');
    expect(events[0]).toMatchObject({
      type: 'wo.transition.requested',
      state: 'pending',
      operatorId: 'OP-0007',
      payload: { workOrderId: 'PO-1002/10', to: 'started', basedOnVersion: 3 },
    });
    expect(events[0]?.payload).not.toHaveProperty('reason');
    expect(services.nudges).toBe(2);
    // Central's badge still says Released; the buttons follow the request so Start is not offered twice.
    expect(screen.getByText('Released', { selector: '[data-status] *' })).toBeTruthy();
    expect(button('Start')).toBeNull();
    expect(button('Pause')).toBeTruthy();

    // Central applies it and the pulled row arrives with the new status and version.
    await services.db.events.update(events[0]?.id ?? '', { state: 'acked' });
    await services.db.workOrders.update('work-order:PO-1002/10', { status: 'started', version: 4 });
    await waitFor(() => expect(screen.queryByTestId('transition-requested')).toBeNull());
    expect(screen.getByText('In progress', { selector: '[data-status] *' })).toBeTruthy();
    expect(button('Block')).toBeTruthy();
    expect(button('Complete')).toBeTruthy();
  });

  it('refuses Block without a reason, then records it with a chosen reason', async () => {
    open('PO-1001/20');
    renderWithApp(<Screens />, { services });
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(button('Start')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Block' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm block' }));
    expect(await screen.findByText('Say why the work order is blocked.')).toBeTruthy();
    expect(await services.db.events.count()).toBe(0);

    fireEvent.change(screen.getByLabelText(/Reason for blocking/), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm block' }));
    expect(await screen.findByText('Say why the work order is blocked.')).toBeTruthy();
    expect(await services.db.events.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Machine breakdown' }));
    expect(screen.getByLabelText<HTMLInputElement>(/Reason for blocking/).value).toBe('Machine breakdown');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm block' }));
    expect((await screen.findByTestId('transition-requested')).textContent).toContain('Requested: Blocked');
    const events = await services.db.events.toArray();
    expect(events.map((e) => e.payload)).toEqual([
      { workOrderId: 'PO-1001/20', to: 'blocked', reason: 'Machine breakdown', basedOnVersion: 4 },
    ]);
    expect(screen.queryByLabelText(/Reason for blocking/)).toBeNull();
  });

  it('works in Spanish, with a typed reason', async () => {
    open('PO-1001/20');
    renderWithApp(<Screens />, { services, language: 'es' });
    expect(await screen.findByRole('button', { name: 'Pausar' })).toBeTruthy();
    expect(button('Finalizar')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bloquear' }));
    fireEvent.change(await screen.findByLabelText(/Motivo del bloqueo/), { target: { value: ' Falta la llave de 13 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmar bloqueo' }));
    expect((await screen.findByTestId('transition-requested')).textContent).toContain('Solicitado: Bloqueada');
    const [e] = await services.db.events.toArray();
    expect(e?.payload).toMatchObject({ to: 'blocked', reason: 'Falta la llave de 13' });
    expect(await screen.findByRole('button', { name: 'Iniciar' })).toBeTruthy();
  });
});

describe('wo-transitions', () => {
  it('follows central’s transition table', () => {
    expect(allowedTransitions('released')).toEqual(['started']);
    expect(allowedTransitions('started')).toEqual(['paused', 'blocked', 'completed']);
    expect(allowedTransitions('paused')).toEqual(['started', 'blocked', 'completed']);
    expect(allowedTransitions('blocked')).toEqual(['started', 'paused']);
    expect(allowedTransitions('completed')).toEqual([]);
  });

  it('drops a request central refused or moved past', () => {
    const ev = (state: OutboxEvent['state']) =>
      ({ id: 'e1', type: 'wo.transition.requested', state, payload: { workOrderId: 'W', to: 'paused', basedOnVersion: 2 } }) as unknown as OutboxEvent;
    expect(outstandingRequest(ev('pending'), { status: 'started', version: 2 })).toMatchObject({ to: 'paused' });
    expect(outstandingRequest(ev('acked'), { status: 'started', version: 2 })).toMatchObject({ to: 'paused' });
    expect(outstandingRequest(ev('acked'), { status: 'blocked', version: 3 })).toBeNull();
    expect(outstandingRequest(ev('rejected'), { status: 'started', version: 2 })).toBeNull();
    expect(outstandingRequest(ev('pending'), { status: 'paused', version: 3 })).toBeNull();
  });
});
