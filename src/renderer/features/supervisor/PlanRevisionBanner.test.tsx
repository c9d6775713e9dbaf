import '../../test-utils/dom';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HomeScreen } from '../home/HomeScreen';
import { routeStore } from '../../store/route-store';
import { sessionStore } from '../../store/session-store';
import { LINE, seedPlant } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

let services: TestServices;
const notice = (line: string, date: string, key = `notice:plan-revised:${date}:v2:${line}`) => ({
  key,
  type: 'notice' as const,
  id: key.slice(7),
  kind: 'plan-revised' as const,
  departments: ['production'],
  lineId: line,
  title: 'rev',
  body: '',
  createdAt: '2026-11-26T08:30:00.000Z',
  revision: { date, fromVersion: 1, toVersion: 2, changes: [{ workOrderId: 'PO-1/10', change: 'qty' as const, fromQty: 100, toQty: 80 }] },
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:00:00.000Z') });
  sessionStorage.clear();
  services = createTestServices();
  await seedPlant(services.db);
  sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00Z' });
  routeStore.getState().homeRequested();
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  sessionStore.getState().operatorSignedOut();
  await services.db.delete();
});

describe('Plan revision banner on the home screen', () => {
  it('shows a revision of this line until someone marks it seen; other lines and past days stay out', async () => {
    await services.db.notices.bulkPut([notice(LINE, '2026-11-27'), notice('L-OTHER', '2026-11-27'), notice(LINE, '2026-11-25')]);
    renderWithApp(<HomeScreen />, { services });
    const banner = await screen.findByTestId('plan-revision-banner');
    expect(screen.getAllByTestId('plan-revision-banner')).toHaveLength(1);
    expect(banner.textContent).toContain('Your line’s plan has changed');
    expect(banner.textContent).toContain('PO-1/10: 100 → 80');
    fireEvent.click(screen.getByRole('button', { name: /Mark the revision of .* as seen/ }));
    await waitFor(() => expect(screen.queryByTestId('plan-revision-banner')).toBeNull());
    expect(await services.db.seenNotices.count()).toBe(1);
  });
});
