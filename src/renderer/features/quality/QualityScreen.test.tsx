import '../../test-utils/dom';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Screens } from '../../app/Screens';
import type { EventPayload } from '../../../shared/sync/events';
import { routeStore } from '../../store/route-store';
import { sessionStore } from '../../store/session-store';
import { operator, seedPlant, workOrder } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

let services: TestServices;
// The machine running the suite may be busy: give live queries time to settle.
const slow = { timeout: 5000 };
const reading = (value: string, gaugeId: string) => ({
  value, number: Number(value), unit: 'mm', stable: true, status: 'ok' as const, raw: `+${value}\r`, portId: 'caliper-1', gaugeId, protocol: 'sylvac-optors', receivedAt: new Date().toISOString(),
});

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
        characteristics: [
          { kind: 'variable', id: 'C1', name: 'Longitud 45', nominal: '45.00', lower: '44.95', upper: '45.05', unit: 'mm', resolution: '0.01', gaugeType: 'caliper' },
          { kind: 'attribute', id: 'C2', name: 'Rebabas', defectCodes: ['DF05'] },
        ],
      },
    ],
  });
  await services.db.gauges.bulkPut([
    { key: 'gauge:G-CAL', type: 'gauge', id: 'G-CAL', name: 'Pie de rey', gaugeType: 'caliper', unit: 'mm', resolution: '0.01', calibrationDueOn: '2099-01-01', certificate: 'CC-9', status: 'active' },
    { key: 'gauge:G-OLD', type: 'gauge', id: 'G-OLD', name: 'Pie de rey viejo', gaugeType: 'caliper', unit: 'mm', resolution: '0.01', calibrationDueOn: '2020-01-01', status: 'active' },
  ]);
  await services.db.operators.put({ ...operator('OP-0005', 'B-INSP', 'Irene Inspectora'), roles: ['inspector'] });
  await services.db.reasons.put({ key: 'defect-code:DF01', type: 'defect-code', id: 'DF01', code: 'DF01', name: { es: 'Fuera de cota', en: 'Out of size' } });
  await services.db.workOrders.put(workOrder('PO-1001/20', { status: 'started', operation: '20' }));
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  routeStore.getState().homeRequested();
  await services.db.delete();
});

describe('first-article gate and inspection', () => {
  it('blocks output until an inspector passes the first article with instrument readings', async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: new Date().toISOString() });
    routeStore.getState().workOrderOpened('PO-1001/20');
    const view = renderWithApp(<Screens />, { services });
    expect((await screen.findByTestId('first-article-gate', {}, slow)).textContent).toContain('an inspector must pass');
    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true), slow);
    view.unmount();

    sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
    routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('char-C1', {}, slow);
    services.fake.reading(reading('45.02', 'G-OLD'));
    expect((await screen.findByTestId('reading-refused', {}, slow)).textContent).toContain('was due on 2020-01-01');
    services.fake.reading(reading('45.02', 'G-CAL'));
    // The cell is there from the start ('—'): wait for the reading to land in it.
    await waitFor(() => expect(screen.getByTestId('char-value-C1').textContent).toBe('45.02 mm'), slow);
    fireEvent.click(screen.getByRole('button', { name: 'Pass' }));
    expect((await screen.findByTestId('overall-verdict', {}, slow)).textContent).toContain('Pass');
    fireEvent.change(screen.getByLabelText('Badge'), { target: { value: 'B-INSP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign and record' }));
    expect((await screen.findByTestId('inspection-recorded', {}, slow)).textContent).toContain('PASS');
    const [e] = await services.db.events.where('type').equals('inspection.recorded').toArray();
    const p = e!.payload as EventPayload<'inspection.recorded'>;
    expect(e!.operatorId).toBe('OP-0005');
    expect(p).toMatchObject({ kind: 'first-article', workOrderId: 'PO-1001/20', verdict: 'pass', inspectorId: 'OP-0005' });
    expect(p.results[0]).toMatchObject({ value: '45.02', source: 'instrument', raw: '+45.02\r', gaugeId: 'G-CAL', gaugeCalibrationDueOn: '2099-01-01', gaugeCertificate: 'CC-9' });
    cleanup();

    sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: new Date().toISOString() });
    routeStore.getState().workOrderOpened('PO-1001/20');
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('first-article-pending', {}, slow);
    expect(screen.queryByTestId('first-article-gate')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(false);

    // A tooling change asks for a new first article.
    fireEvent.click(screen.getByRole('button', { name: 'Tooling change' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, record it' }, slow));
    expect((await screen.findByTestId('first-article-gate', {}, slow)).textContent).toContain('tooling change');
    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true), slow);
  });

  it('an operator cannot sign a first article, and a failed one offers a prefilled NC', async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
    routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('char-C1', {}, slow);
    services.fake.reading(reading('45.07', 'G-CAL'));
    await screen.findByText('Reading accepted: OUT of tolerance.', {}, slow);
    fireEvent.click(screen.getByRole('button', { name: 'Pass' }));
    fireEvent.change(screen.getByLabelText('Badge'), { target: { value: 'B0007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign and record' }));
    expect((await screen.findByRole('alert', {}, slow)).textContent).toContain('cannot sign');
    fireEvent.change(screen.getByLabelText('Badge'), { target: { value: 'B-INSP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign and record' }));
    expect((await screen.findByTestId('inspection-recorded', {}, slow)).textContent).toContain('FAIL');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Longitud 45: 45.07 mm');
    expect(screen.getByLabelText<HTMLInputElement>('Work order').value).toBe('PO-1001/20');
    fireEvent.change(screen.getByLabelText('Quarantine location'), { target: { value: 'Q-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Raise nonconformance' }));
    await screen.findByTestId('nc-raised', {}, slow);
    const [nc] = await services.db.events.where('type').equals('nc.raised').toArray();
    expect(nc!.payload).toMatchObject({ workOrderId: 'PO-1001/20', defectCode: 'DF01', qty: 1, quarantineLocation: 'Q-01', description: 'Longitud 45: 45.07 mm' });
  });

  it("shows the inspector central's flag on output recorded before the first article passed", async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
    routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('char-C1', {}, slow);
    expect(screen.queryByTestId('first-article-flag')).toBeNull();
    await services.db.notices.put({
      key: 'notice:first-article-gate:PO-1001/20',
      type: 'notice',
      id: 'first-article-gate:PO-1001/20',
      kind: 'info',
      departments: ['quality'],
      title: 'PO-1001/20: output before the first article passed',
      body: '2 output record(s) (9 good, 0 scrap) arrived before the first article passed. Review them.',
      refId: 'PO-1001/20',
      createdAt: '2026-11-26T08:00:00.000Z',
    });
    const alert = await screen.findByTestId('first-article-flag', {}, slow);
    expect(alert.textContent).toContain('Output recorded before the first article passed');
    expect(alert.textContent).toContain('2 output record(s) (9 good, 0 scrap)');
  });

  const flagNotice = {
    key: 'notice:first-article-gate:PO-1001/20',
    type: 'notice' as const,
    id: 'first-article-gate:PO-1001/20',
    kind: 'info' as const,
    departments: ['quality'],
    title: 'PO-1001/20: output before the first article passed',
    body: '',
    refId: 'PO-1001/20',
    createdAt: '2026-11-26T08:00:00.000Z',
    gateFlags: { count: 2, goodQty: 9, scrapQty: 1, lastFlagAt: '2026-11-26T08:05:00.000Z' },
  };
  const reviews = async () => (await services.db.events.where('type').equals('first-article.flags.reviewed').toArray()).map((e) => e.payload);

  it('an inspector accepts the flagged pieces: one review up to what central had flagged, and the alert gives way', async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
    routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
    await services.db.notices.put(flagNotice);
    renderWithApp(<Screens />, { services });
    expect((await screen.findByTestId('first-article-flag-counts', {}, slow)).textContent).toBe('2 records to review: 9 good, 1 scrap');
    fireEvent.click(screen.getByRole('button', { name: 'Pieces checked: accept' }));
    expect((await screen.findByTestId('first-article-flag-reviewed', {}, slow)).textContent).toContain('pieces accepted');
    expect(screen.queryByTestId('first-article-flag')).toBeNull();
    expect(await reviews()).toEqual([{ workOrderId: 'PO-1001/20', reviewedThrough: '2026-11-26T08:05:00.000Z', decision: 'accepted' }]);

    // Central flags newer output before it has the review: the alert is back with the new figures.
    await services.db.notices.put({ ...flagNotice, gateFlags: { count: 3, goodQty: 12, scrapQty: 1, lastFlagAt: '2026-11-26T09:00:00.000Z' } });
    expect((await screen.findByTestId('first-article-flag-counts', {}, slow)).textContent).toBe('3 records to review: 12 good, 1 scrap');
  });

  it('an inspector raises an NC for the flagged pieces, prefilled, and the review names it', async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
    routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
    await services.db.notices.put(flagNotice);
    renderWithApp(<Screens />, { services });
    fireEvent.click(await screen.findByRole('button', { name: 'Raise a nonconformance' }, slow));
    const form = screen.getByTestId('first-article-flag-review');
    expect(within(form).getByLabelText<HTMLInputElement>('Quantity').value).toBe('9');
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Pieces made before the first article passed');
    fireEvent.click(within(form).getByRole('button', { name: 'Raise nonconformance' }));
    await within(form).findByText('Choose a defect code.', {}, slow);
    expect(await reviews()).toEqual([]);
    // The plant's defect codes come from a live query: choose once they are listed.
    await within(form).findByRole('option', { name: 'DF01 · Out of size' }, slow);
    fireEvent.change(within(form).getByLabelText('Defect code'), { target: { value: 'DF01' } });
    expect(within(form).getByLabelText<HTMLSelectElement>('Defect code').value).toBe('DF01');
    fireEvent.click(within(form).getByRole('button', { name: 'Raise nonconformance' }));
    expect((await screen.findByTestId('first-article-flag-reviewed', {}, slow)).textContent).toContain('with the nonconformance');
    const [nc] = await services.db.events.where('type').equals('nc.raised').toArray();
    expect(nc!.payload).toMatchObject({ workOrderId: 'PO-1001/20', qty: 9, defectCode: 'DF01' });
    expect(await reviews()).toEqual([{ workOrderId: 'PO-1001/20', reviewedThrough: '2026-11-26T08:05:00.000Z', decision: 'nc', ncId: (nc!.payload as { ncId: string }).ncId }]);
  });

  it('someone who is not an inspector sees the flag but cannot review it', async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator', 'supervisor'], signedInAt: new Date().toISOString() });
    routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
    await services.db.notices.put(flagNotice);
    renderWithApp(<Screens />, { services });
    expect((await screen.findByTestId('first-article-flag', {}, slow)).textContent).toContain('Only a quality inspector can review');
    expect(screen.queryByRole('button', { name: 'Pieces checked: accept' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Raise a nonconformance' })).toBeNull();
  });

  it('a resolved flag notice shows nothing', async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
    routeStore.setState({ route: { name: 'quality', workOrderId: 'PO-1001/20' } });
    await services.db.notices.put({ ...flagNotice, gateFlags: { ...flagNotice.gateFlags, count: 0, goodQty: 0, scrapQty: 0 }, resolvedAt: '2026-11-26T10:00:00.000Z' });
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('char-C1', {}, slow);
    expect(screen.queryByTestId('first-article-flag')).toBeNull();
  });
});
