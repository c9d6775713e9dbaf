import '../../test-utils/dom';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result';
import type { TraceNode, TraceResponse } from '../../../shared/trace/types';
import { Screens } from '../../app/Screens';
import { routeStore } from '../../store/route-store';
import { scanReceived } from '../../store/scan-router';
import { sessionStore } from '../../store/session-store';
import { seedPlant } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

const node = (kind: TraceNode['kind'], id: string, depth: number, children: TraceNode[] = [], extra: Partial<TraceNode> = {}): TraceNode => ({
  kind,
  id,
  itemId: null,
  qty: null,
  status: null,
  location: null,
  createdAt: null,
  depth,
  workOrder: null,
  workstationId: null,
  operators: [],
  equipment: [],
  gauges: [],
  inspections: [],
  ncs: [],
  serials: [],
  children,
  ...extra,
});
const tree: TraceResponse = {
  direction: 'backward',
  query: { kind: 'lot', id: 'LOT-C' },
  count: 3,
  root: node('lot', 'LOT-C', 0, [node('lot', 'LOT-B', 1, [node('material-lot', 'L26-10214', 2, [], { location: 'ALM-MP-01' })], { operators: ['OP-0007'], gauges: ['G-1'] })], {
    workOrder: { id: 'PO-1/20', productionOrderId: 'PO-1', operation: '20', productId: 'EJ-1245', lineId: 'M1', status: 'started' },
  }),
};

let services: TestServices;
const asked: string[] = [];
beforeEach(async () => {
  services = createTestServices();
  await seedPlant(services.db);
  asked.length = 0;
  services.api.central.fetch = async ({ path }) => {
    asked.push(path);
    return path === '/api/v1/trace/lot/LOT-C?direction=backward' ? ok({ kind: 'json', json: tree }) : err('not-found', 'Lot does not exist');
  };
  sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00.000Z' });
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  routeStore.getState().homeRequested();
  await services.db.delete();
});

describe('Trace screen', () => {
  it('a lot label scanned on the home screen opens its backward tree down to the material lot', async () => {
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('nav-trace');
    await act(async () => {
      scanReceived({ portId: 'scanner-1', text: '0108412345001017112611261' + '0LOT-C\u001d91PO-1/20', symbology: ']C1', source: 'serial', receivedAt: '2026-11-26T09:00:00.000Z' });
    });
    expect(await screen.findByRole('heading', { name: 'Lot LOT-C' })).toBeTruthy();
    expect(asked[0]).toBe('/api/v1/trace/lot/LOT-C?direction=backward');
    const material = await screen.findByRole('treeitem', { name: 'Material lot L26-10214' });
    expect(material.textContent).toContain('ALM-MP-01');
    const b = screen.getByRole('treeitem', { name: 'Lot LOT-B' });
    expect(within(b).getByText('G-1')).toBeTruthy();
    // Folding a lot hides what went into it.
    fireEvent.click(within(b).getAllByRole('button')[0] as HTMLElement);
    expect(screen.queryByRole('treeitem', { name: 'Material lot L26-10214' })).toBeNull();
  });

  it('forward asks central again; an unknown id says so', async () => {
    routeStore.setState({ route: { name: 'trace', target: { kind: 'lot', id: 'LOT-C' } } });
    renderWithApp(<Screens />, { services });
    await screen.findByRole('treeitem', { name: 'Lot LOT-C' });
    fireEvent.click(screen.getByText('Forward (where it went)'));
    expect(await screen.findByText(/Central does not know LOT-C/)).toBeTruthy();
    expect(asked.at(-1)).toBe('/api/v1/trace/lot/LOT-C?direction=forward');
  });
});
