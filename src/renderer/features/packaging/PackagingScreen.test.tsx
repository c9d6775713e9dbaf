import '../../test-utils/dom';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGs1 } from '../../../shared/gs1';
import type { EventPayload } from '../../../shared/sync/events';
import { Screens } from '../../app/Screens';
import { recordEvent } from '../../data/record';
import { routeStore } from '../../store/route-store';
import { sessionStore } from '../../store/session-store';
import { seedPlant } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

let services: TestServices;
const ctx = { terminalId: 'T-TEST-1', workstationId: 'WS-M1-01', operatorId: 'OP-0007' };
beforeEach(async () => {
  services = createTestServices();
  await seedPlant(services.db);
  const settings = await services.db.settings.get('settings:plant');
  await services.db.settings.put({ ...settings!, gs1CompanyPrefix: '8412345' });
  await recordEvent(services.db, ctx, 'lot.created', { lotId: '261126-M101-001', itemId: 'P-100', workOrderId: 'PO-1/10', qty: 40, parentLotIds: [] });
  await recordEvent(services.db, ctx, 'lot.created', { lotId: '261126-M101-002', itemId: 'P-100', workOrderId: 'PO-1/10', qty: 20, parentLotIds: [] });
  await recordEvent(services.db, { ...ctx, workstationId: 'WS-M1-02' }, 'lot.created', { lotId: '261126-M102-001', itemId: 'P-100', workOrderId: 'PO-1/10', qty: 5, parentLotIds: [] });
  sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00.000Z' });
  routeStore.setState({ route: { name: 'packaging' } });
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  routeStore.getState().homeRequested();
  await services.db.delete();
});

describe('Packing', () => {
  it('packs this workstation’s lots into a package with an SSCC, and they are no longer offered', async () => {
    renderWithApp(<Screens />, { services });
    fireEvent.click(await screen.findByLabelText(/^261126-M101-001 /));
    fireEvent.click(screen.getByLabelText(/^261126-M101-002 /));
    expect(screen.queryByLabelText(/^261126-M102-001 /)).toBeNull();
    expect(screen.getByText('Empty = 60 (the sum of the ticked lots).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save package' }));
    const saved = await screen.findByText(/^Package \d{18} saved\.$/);
    const sscc = /(\d{18})/.exec(saved.textContent ?? '')?.[1] ?? '';
    // Block 0 (WS-M1-01 sorts first), counter 1, valid check digit.
    expect(sscc.slice(0, 17)).toBe('08412345000000001');
    expect(parseGs1(`00${sscc}`, { symbology: ']C1' }).ok).toBe(true);
    const pkg = (await services.db.events.where('type').equals('package.recorded').toArray())[0];
    expect(pkg?.payload as EventPayload<'package.recorded'>).toEqual({ packageId: sscc, lotIds: ['261126-M101-001', '261126-M101-002'], qty: 60 });
    expect(await screen.findByText('No lots from this workstation are waiting to be packed.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print label' })).toBeTruthy();
  });

  it('without a GS1 company prefix the package is refused with the reason, and nothing is saved', async () => {
    const settings = await services.db.settings.get('settings:plant');
    await services.db.settings.put({ ...settings!, gs1CompanyPrefix: undefined });
    renderWithApp(<Screens />, { services });
    fireEvent.click(await screen.findByLabelText(/^261126-M101-001 /));
    fireEvent.click(screen.getByRole('button', { name: 'Save package' }));
    expect(await screen.findByText('The plant has no GS1 company prefix: packages (SSCC) cannot be numbered.')).toBeTruthy();
    expect(await services.db.events.where('type').equals('package.recorded').count()).toBe(0);
  });
});
