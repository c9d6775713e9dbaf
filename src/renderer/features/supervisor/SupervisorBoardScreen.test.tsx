import '../../test-utils/dom';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/result';
import { recordEvent } from '../../data/record';
import { ackChanges, markCountedInPull } from '../../sync/counted';
import { routeStore } from '../../store/route-store';
import { sessionStore } from '../../store/session-store';
import { LINE, SHOP, seedPlant, t2Line, workOrder } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';
import { MonthlyScheduleScreen } from './MonthlyScheduleScreen';
import { SupervisorBoardScreen } from './SupervisorBoardScreen';

let services: TestServices;
const asked: string[] = [];
beforeEach(async () => {
  // 10:00 in Madrid on 2026-11-26: production day 2026-11-26, 4 of 24 hours gone (27 of 160 expected).
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:00:00.000Z') });
  sessionStorage.clear();
  services = createTestServices();
  asked.length = 0;
  await seedPlant(services.db);
  await services.db.operators.put({ key: 'operator:OP-0003', type: 'operator', id: 'OP-0003', name: 'Marta Gil', badge: 'B-10003', roles: ['supervisor'], qualifications: [] });
  // Running totals include earlier days; the board shows today's figures only.
  await services.db.workOrders.bulkPut([
    workOrder('PO-1/10', { goodQty: 310, scrapQty: 7, dayDate: '2026-11-26', dayGoodQty: 10, dayScrapQty: 2 }),
    workOrder('PO-2/10', { productId: 'P-200', goodQty: 40, dayDate: '2026-11-25', dayGoodQty: 40, dayScrapQty: 0 }),
  ]);
  await services.db.t2Lines.bulkPut([
    t2Line('2026-11-26', 'A', 'PO-1/10', 100, 2),
    t2Line('2026-11-26', 'B', 'PO-2/10', 60, 2),
    t2Line('2026-11-27', 'A', 'PO-1/10', 120),
  ]);
  sessionStore.getState().operatorSignedIn({ id: 'OP-0003', name: 'Marta Gil', roles: ['supervisor'], signedInAt: '2026-11-26T07:00:00Z' });
  routeStore.setState({ route: { name: 'supervisor-board' } });
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  sessionStore.getState().operatorSignedOut();
  routeStore.getState().homeRequested();
  await services.db.delete();
});

describe('Supervisor T+2 board', () => {
  it('shows per line the T+2 targets, today output with local records, disruptions, downtime and revisions', async () => {
    // This terminal's output of yesterday's production day (05:30 in Madrid today), not yet synced: not today's.
    const ctx = { terminalId: 'T-1', workstationId: 'WS-M1-01', operatorId: 'OP-0007' };
    vi.setSystemTime(new Date('2026-11-26T04:30:00.000Z'));
    await recordEvent(services.db, ctx, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 50, scrapQty: 5, scrapReason: 'S1' });
    vi.setSystemTime(new Date('2026-11-26T09:00:00.000Z'));
    await services.db.notices.bulkPut([
      { key: 'notice:disruption:D1', type: 'notice', id: 'disruption:D1', kind: 'disruption', departments: [], lineId: LINE, title: 'Falta de material', body: 'Sin barra Ø40', createdAt: '2026-11-26T08:00:00.000Z' },
      // Reported as data (central's title is bilingual text): shown in this screen's language.
      {
        key: 'notice:disruption:D2',
        type: 'notice',
        id: 'disruption:D2',
        kind: 'disruption',
        departments: [],
        lineId: LINE,
        title: 'Interrupción: Falta de suministro / Disruption: Supply interruption — L-M1',
        body: 'texto de la central',
        createdAt: '2026-11-26T08:10:00.000Z',
        disruption: { cause: 'supply', description: 'Sin chapa', workOrderId: 'PO-1/10', stockCheck: [{ itemId: 'RM-1', availableQty: 420, lots: 1 }], estimatedLossQty: 400 },
      },
      { key: 'notice:disruption:D0', type: 'notice', id: 'disruption:D0', kind: 'disruption', departments: [], lineId: LINE, title: 'Ya resuelta', body: '', createdAt: '2026-11-26T07:00:00.000Z', resolvedAt: '2026-11-26T07:30:00.000Z' },
      {
        key: 'notice:plan-revised:2026-11-26:v2:L-M1',
        type: 'notice',
        id: 'plan-revised:2026-11-26:v2:L-M1',
        kind: 'plan-revised',
        departments: ['production'],
        lineId: LINE,
        title: 'rev',
        body: '',
        createdAt: '2026-11-26T08:30:00.000Z',
        revision: { date: '2026-11-26', fromVersion: 1, toVersion: 2, changes: [{ workOrderId: 'PO-2/10', change: 'added', fromQty: 0, toQty: 60 }] },
      },
    ]);
    await services.db.equipment.put({ key: 'equipment:EQ-1', type: 'equipment', id: 'EQ-1', name: 'Torno CNC', lineId: LINE, status: 'down' });
    renderWithApp(<SupervisorBoardScreen />, { services });
    const line = await screen.findByRole('region', { name: 'Line L-M1' });
    await waitFor(() => expect(within(line).getByTestId('line-good').textContent).toBe('10 of 160'));
    expect(within(line).getAllByTestId('line-target').map((x) => x.textContent)).toEqual(['160', '120', '0']);
    expect(within(line).getByTestId('line-attainment').textContent).toBe('Attainment 6 %');
    expect(within(line).getByTestId('line-state').textContent).toBe('Behind');
    const disruptions = within(line).getAllByTestId('line-disruption').map((d) => d.textContent);
    expect(disruptions).toHaveLength(2);
    expect(disruptions).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Falta de material — Sin barra Ø40'),
        expect.stringContaining('Supply interruption — Sin chapa · Stock RM-1: 420 in 1 lot · Estimated loss: 400 pieces · WO PO-1/10'),
      ]),
    );
    expect(disruptions.join(' ')).not.toContain('texto de la central');
    expect(within(line).getByTestId('line-downtime').textContent).toContain('EQ-1 · Torno CNC');
    expect(within(line).getByTestId('revision-change').textContent).toBe('PO-2/10: added, 60');

    // A new output record on this terminal moves the line at once, before any sync.
    const today = await recordEvent(services.db, ctx, 'output.recorded', { workOrderId: 'PO-2/10', goodQty: 25, scrapQty: 0 });
    await waitFor(() => expect(within(line).getByTestId('line-good').textContent).toBe('35 of 160'));
    expect(within(line).getByTestId('line-state').textContent).toBe('On pace');
    // Central applies it and acks: it still counts once until a pull brings today's figures back.
    await services.db.events.update(today.id, ackChanges('2026-11-26T09:01:00.000Z'));
    // The pull (one transaction, as sync/pull.ts applies it) brings PO-2/10's day figures with
    // it, and 2 more pieces of PO-1/10 from another terminal: counted once, no dip.
    const { db } = services;
    await db.transaction('rw', db.workOrders, db.events, async () => {
      await db.workOrders.update('work-order:PO-2/10', { goodQty: 65, dayDate: '2026-11-26', dayGoodQty: 25 });
      await db.workOrders.update('work-order:PO-1/10', { goodQty: 312, dayGoodQty: 12 });
      await markCountedInPull(db, [today.id]);
    });
    await waitFor(() => expect(within(line).getByTestId('line-good').textContent).toBe('37 of 160'));

    fireEvent.click(within(line).getByRole('button', { name: /Mark the revision of .* as seen/ }));
    await waitFor(() => expect(within(line).getByTestId('line-revision').getAttribute('data-seen')).toBe('true'));
  });

  it('acknowledges the day plan version in force and shows who did; a newer version asks again', async () => {
    renderWithApp(<SupervisorBoardScreen />, { services });
    const today = await screen.findByTestId(`plan-day-${SHOP}-2026-11-26`);
    expect(within(today).getByTestId('plan-ack-status').textContent).toBe('Not acknowledged');
    fireEvent.click(within(today).getByRole('button', { name: /Acknowledge plan v2 of Today/ }));
    await waitFor(() => expect(within(today).getByTestId('plan-ack-status').textContent).toBe('Acknowledgement sent by Marta Gil; waiting for central'));
    const events = await services.db.events.where('type').equals('plan.acknowledged').toArray();
    expect(events.map((e) => [e.payload, e.operatorId])).toEqual([[{ planDate: '2026-11-26', workshopId: SHOP, planVersion: 2 }, 'OP-0003']]);

    // Central confirms it; then a revision v3 arrives and the day needs a new acknowledgement.
    await services.db.planAcks.put({
      key: `plan-ack:2026-11-26|${SHOP}|v2`,
      type: 'plan-ack',
      id: `2026-11-26|${SHOP}|v2`,
      planDate: '2026-11-26',
      workshopId: SHOP,
      planVersion: 2,
      operatorId: 'OP-0003',
      terminalId: 'T-1',
      acknowledgedAt: '2026-11-26T08:05:00.000Z',
    });
    await waitFor(() => expect(within(today).getByTestId('plan-ack-status').textContent).toBe('Acknowledged by Marta Gil at 09:05'));
    await services.db.t2Lines.put({ ...t2Line('2026-11-26', 'A', 'PO-1/10', 90, 3), key: 'x', id: 'x' });
    await waitFor(() => expect(within(today).getByTestId('plan-ack-status').textContent).toBe('Revised: v2 acknowledged by Marta Gil; acknowledge v3'));
    expect(within(today).getByRole('button', { name: /Acknowledge plan v3/ })).toBeTruthy();
  });

  it('monthly schedule: plan by product and day, with actual from central; offline the plan alone with a note', async () => {
    await services.db.monthlyLines.bulkPut([
      { key: 'monthly-line:a', type: 'monthly-line', id: 'a', date: '2026-11-02', workshopId: SHOP, productId: 'P-100', productionOrderId: 'PO-1', plannedQty: 70, version: 1 },
      { key: 'monthly-line:b', type: 'monthly-line', id: 'b', date: '2026-11-27', workshopId: SHOP, productId: 'P-200', productionOrderId: 'PO-2', plannedQty: 40, version: 1 },
    ]);
    let online = false;
    services.api = {
      ...services.api,
      central: {
        ...services.api.central,
        fetch: async ({ path }) => {
          asked.push(path);
          if (!online) return { ok: false, error: { code: 'offline', message: 'Cannot reach central' } };
          return ok({ kind: 'json', json: { month: '2026-11', rows: [{ date: '2026-11-02', product: 'P-100', good: 65, scrap: 1 }] } });
        },
      },
    };
    const view = renderWithApp(<MonthlyScheduleScreen />, { services });
    expect(await screen.findByTestId('monthly-offline')).toBeTruthy();
    const row = await screen.findByTestId('monthly-row-P-100');
    expect(row.querySelector('[data-date="2026-11-02"]')?.textContent).toBe('70');
    expect(asked).toEqual(['/api/v1/reports/monthly-actual?month=2026-11']);

    online = true;
    cleanup();
    view.unmount();
    renderWithApp(<MonthlyScheduleScreen />, { services });
    const row2 = await screen.findByTestId('monthly-row-P-100');
    await waitFor(() => expect(row2.querySelector('[data-date="2026-11-02"]')?.textContent).toBe('70 / 65'));
    expect(screen.queryByTestId('monthly-offline')).toBeNull();
    expect(screen.getByTestId('monthly-row-P-200').querySelector('[data-date="2026-11-27"]')?.textContent).toBe('40');
  });
});
