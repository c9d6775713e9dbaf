import '../../test-utils/dom';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NcRow } from '../../../shared/quality/rows';
import { sessionStore } from '../../store/session-store';
import { operator, seedPlant } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';
import { NcList } from './NcList';

let services: TestServices;
const slow = { timeout: 5000 };
const nc = (patch: Partial<NcRow> = {}): NcRow & { key: string } => ({
  key: 'nc:NC-1',
  type: 'nc',
  id: 'NC-1',
  workOrderId: 'PO-1001/20',
  qty: 3,
  defectCode: 'DF01',
  description: 'Longitud 45.08',
  quarantineLocation: 'Q-01',
  raisedBy: 'OP-0005',
  raisedAt: '2026-11-26T08:00:00.000Z',
  status: 'open',
  version: 1,
  conflicts: [],
  ...patch,
});

beforeEach(async () => {
  sessionStorage.clear();
  services = createTestServices();
  await seedPlant(services.db);
  await services.db.operators.bulkPut([
    { ...operator('OP-0005', 'B-INSP', 'Irene'), roles: ['inspector'] },
    { ...operator('OP-0003', 'B-SUP', 'Sergio'), roles: ['supervisor'] },
  ]);
  sessionStore.getState().operatorSignedIn({ id: 'OP-0005', name: 'Irene', roles: ['inspector'], signedInAt: new Date().toISOString() });
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  await services.db.delete();
});

describe('NC disposition', () => {
  it('requests a disposition on the version seen', async () => {
    await services.db.ncs.put(nc());
    renderWithApp(<NcList workOrderId={null} />, { services });
    fireEvent.click(await screen.findByRole('button', { name: 'Rework' }, slow));
    expect(await screen.findByText('Disposition "Rework" requested.', {}, slow)).toBeTruthy();
    const [e] = await services.db.events.toArray();
    expect(e).toMatchObject({ type: 'nc.disposition.requested', operatorId: 'OP-0005', payload: { ncId: 'NC-1', disposition: 'rework', basedOnVersion: 1 } });
  });

  it('use as is needs a second signature from another inspector or a supervisor', async () => {
    await services.db.ncs.put(nc());
    renderWithApp(<NcList workOrderId={null} />, { services });
    fireEvent.click(await screen.findByRole('button', { name: 'Use as is' }, slow));
    fireEvent.change(screen.getByLabelText('Badge'), { target: { value: 'B-INSP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Second signature for use as is' }));
    expect(await screen.findByText('The second signature must be another person.', {}, slow)).toBeTruthy();
    expect(await services.db.events.count()).toBe(0);
    fireEvent.change(screen.getByLabelText('Badge'), { target: { value: 'B-SUP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Second signature for use as is' }));
    await screen.findByText('Disposition "Use as is" requested.', {}, slow);
    const [e] = await services.db.events.toArray();
    expect(e?.payload).toMatchObject({ disposition: 'use-as-is', concessionBy: 'OP-0003', basedOnVersion: 1 });
  });

  it('shows a disposition decided elsewhere as a conflict, with no buttons left', async () => {
    await services.db.ncs.put(
      nc({
        status: 'dispositioned',
        disposition: 'rework',
        version: 2,
        conflicts: [{ eventId: 'e1', requested: 'scrap', requestedBy: 'OP-0006', basedOnVersion: 1, currentVersion: 2, at: '2026-11-26T09:00:00.000Z' }],
      }),
    );
    renderWithApp(<NcList workOrderId={null} />, { services });
    expect((await screen.findByRole('alert', {}, slow)).textContent).toContain('"Scrap" was not applied: it was requested on version 1 and the NC is already at version 2');
    expect(screen.queryByRole('button', { name: 'Scrap' })).toBeNull();
  });

  it('names the rework order a rework disposition created, or asks for a station when central had none to use', async () => {
    await services.db.ncs.bulkPut([
      nc({ status: 'dispositioned', disposition: 'rework', version: 2, reworkWorkOrderId: 'PO-1001/20-RW1' }),
      { ...nc({ id: 'NC-2', workOrderId: undefined, lotId: 'LOT-M', status: 'dispositioned', disposition: 'rework', version: 2, reworkNeedsStation: true }), key: 'nc:NC-2' },
    ]);
    renderWithApp(<NcList workOrderId={null} />, { services, language: 'es' });
    expect((await screen.findByTestId('nc-rework-NC-1', {}, slow)).textContent).toBe('Orden de retrabajo: PO-1001/20-RW1');
    expect(screen.getByTestId('nc-rework-NC-2').textContent).toContain('Retrabajo: asignar un puesto');
  });
});
