import '../../test-utils/dom';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Screens } from '../../app/Screens';
import { labelElementString } from '../../../shared/labels/content';
import type { EventPayload } from '../../../shared/sync/events';
import { routeStore } from '../../store/route-store';
import { scanReceived } from '../../store/scan-router';
import { sessionStore } from '../../store/session-store';
import { operator, seedPlant, workOrder } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

let services: TestServices;
const slow = { timeout: 5000 };
const scan = (text: string, symbology: string | null = ']C1') => act(() => scanReceived({ portId: 'scanner-1', text, symbology, source: 'serial', receivedAt: '2026-11-26T09:00:00.000Z' }));
const lotLabel = (id: string, workOrderId: string) => labelElementString({ kind: 'lot', id, gtin: '08412345001017', productionDate: '2026-11-26', workOrderId, qty: 80 });

beforeEach(async () => {
  sessionStorage.clear();
  services = createTestServices();
  await seedPlant(services.db);
  const product = (await services.db.products.get('product:P-100'))!;
  await services.db.products.put({
    ...product,
    inspectionPlans: [
      {
        operation: '20',
        firstArticle: { sampleSize: 1 },
        characteristics: [{ kind: 'attribute', id: 'C2', name: 'Rebabas', defectCodes: ['DF05'] }],
        final: { sampling: [{ maxLotSize: 50, sampleSize: 5 }, { maxLotSize: 500, sampleSize: 13 }] },
      },
    ],
  });
  await services.db.operators.put({ ...operator('OP-0005', 'B-INSP', 'Irene Inspectora'), roles: ['inspector'] });
  await services.db.workOrders.put(workOrder('PO-1001/20', { status: 'started', operation: '20' }));
  await services.db.lots.put({ key: 'lot:261126-M101-001', type: 'lot', id: '261126-M101-001', itemId: 'P-100', qty: 80, location: 'WS-M1-01', status: 'released', workOrderId: 'PO-1001/20' });
  sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
  routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  routeStore.getState().homeRequested();
  await services.db.delete();
});

async function openFinal() {
  renderWithApp(<Screens />, { services });
  await screen.findByTestId('char-C2', {}, slow);
  fireEvent.click(screen.getByText('Final'));
  await screen.findByText('Scan the lot label (or type the lot).', {}, slow);
}

describe('final inspection: the lot from its label', () => {
  it('scanning a lot label fills the lot and its size, and the inspection is recorded on that lot', async () => {
    await openFinal();
    scan(lotLabel('261126-M101-001', 'PO-1001/20'));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Lot').value).toBe('261126-M101-001'), slow);
    expect(screen.getByTestId('final-lot-scan').textContent).toBe('Lot 261126-M101-001 read from the label.');
    // The lot is known here (inventory stream): its quantity sets the sample.
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Lot size').value).toBe('80'), slow);
    expect(screen.getByTestId('final-sample').textContent).toBe('Sample: 13 pieces');

    fireEvent.click(screen.getByRole('button', { name: 'Pass' }));
    fireEvent.change(screen.getByLabelText('Badge'), { target: { value: 'B-INSP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign and record' }));
    await screen.findByTestId('inspection-recorded', {}, slow);
    const [e] = await services.db.events.where('type').equals('inspection.recorded').toArray();
    expect(e!.payload as EventPayload<'inspection.recorded'>).toMatchObject({ kind: 'final', workOrderId: 'PO-1001/20', lotId: '261126-M101-001', verdict: 'pass' });
  });

  it('says when a scan is not a lot label or belongs to another work order, and typing still works', async () => {
    await openFinal();
    scan('B-INSP', null);
    expect((await screen.findByTestId('final-lot-scan', {}, slow)).textContent).toBe('"B-INSP" is not a lot label.');
    expect(screen.getByLabelText<HTMLInputElement>('Lot').value).toBe('');

    scan(lotLabel('L-OTHER', 'PO-2002/10'));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Lot').value).toBe('L-OTHER'), slow);
    expect(screen.getByTestId('final-lot-scan').textContent).toContain('its label is from work order PO-2002/10, not PO-1001/20');
    // Unknown here: the size is left for the inspector to type.
    expect(screen.getByLabelText<HTMLInputElement>('Lot size').value).toBe('');

    fireEvent.change(screen.getByLabelText('Lot'), { target: { value: 'L-TYPED' } });
    fireEvent.change(screen.getByLabelText('Lot size'), { target: { value: '40' } });
    expect(screen.getByLabelText<HTMLInputElement>('Lot').value).toBe('L-TYPED');
    expect(screen.getByTestId('final-sample').textContent).toBe('Sample: 5 pieces');
  });
});
