import '../../test-utils/dom';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CentralFetchResult } from '../../../shared/api';
import { err, ok, type Result } from '../../../shared/result';
import { Screens } from '../../app/Screens';
import { putCachedReport } from '../../data/repositories/report-cache';
import { routeStore } from '../../store/route-store';
import { sessionStore } from '../../store/session-store';
import { seedPlant } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

const daily = {
  date: '2026-11-26',
  planVersion: 3,
  rows: [
    { workshop: 'MEC', line: 'M1', productionOrder: 'PO-1', operation: '10', product: 'EJ-1245', planned: 100, good: 80, scrap: 5, attainment: 0.8, shortfall: 20 },
    { workshop: 'MEC', line: 'M2', productionOrder: 'PO-2', operation: '20', product: 'BR-2210', planned: 0, good: 12, scrap: 0, attainment: null, shortfall: 0 },
  ],
  totals: { planned: 100, good: 92, scrap: 5, attainment: 0.92, shortfall: 20 },
};
const shortfall = {
  from: '2026-11-26',
  to: '2026-11-26',
  shortfall: 20,
  causes: [
    { cause: 'supply', lostQty: 5, events: 1 },
    { cause: 'labour', lostQty: 0, events: 0 },
    { cause: 'equipment', lostQty: 12, events: 1 },
    { cause: 'quality', lostQty: 3, events: 2 },
    { cause: 'other', lostQty: 0, events: 0 },
    { cause: 'unexplained', lostQty: 0, events: 0 },
  ],
};

let services: TestServices;
let answers: Map<string, Result<CentralFetchResult>>;
const asked: string[] = [];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T09:00:00.000Z') });
  sessionStorage.clear();
  services = createTestServices();
  answers = new Map();
  asked.length = 0;
  services.api = {
    ...services.api,
    central: {
      ...services.api.central,
      fetch: async ({ path }) => {
        asked.push(path);
        return answers.get(path) ?? err('offline', 'Cannot reach central at http://127.0.0.1:4780');
      },
    },
  };
  await seedPlant(services.db);
  sessionStore.getState().operatorSignedIn({ id: 'OP-0003', name: 'Marta Gil', roles: ['supervisor'], signedInAt: '2026-11-26T07:00:00Z' });
  routeStore.getState().homeRequested();
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  sessionStore.getState().operatorSignedOut();
  await services.db.delete();
});

const openReports = async () => {
  renderWithApp(<Screens />, { services });
  fireEvent.click(await screen.findByTestId('nav-reports'));
};

describe('Reports screen', () => {
  it('shows the daily report of today\u2019s production day with its totals and rows, and keeps a copy', async () => {
    answers.set('/api/v1/reports/daily?date=2026-11-26', ok({ kind: 'json', json: daily }));
    await openReports();
    const attainment = await screen.findByRole('group', { name: 'Attainment' });
    expect(within(attainment).getByTestId('stat-value').textContent).toBe('92%');
    const table = screen.getByRole('table', { name: 'Daily report by order and operation' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByText('80%')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('—')).toBeTruthy();
    await waitFor(async () => expect((await services.db.reportCache.get('/api/v1/reports/daily?date=2026-11-26'))?.json).toEqual(daily));
  });

  it('offline, shows the cached copy and says when it was fetched; without one, says it is unavailable', async () => {
    await putCachedReport(services.db, '/api/v1/reports/daily?date=2026-11-26', daily, '2026-11-26T07:30:00.000Z');
    await openReports();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/copy from Thu 26 Nov, 08:30\. \(Cannot reach central/));
    expect(screen.getByRole('table', { name: 'Daily report by order and operation' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous period' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no copy: Cannot reach central/);
    expect(asked.at(-1)).toBe('/api/v1/reports/daily?date=2026-11-25');
  });

  it('under-production: causes as a Pareto chart and a table that adds up to the shortfall', async () => {
    answers.set('/api/v1/reports/shortfall?from=2026-11-26&to=2026-11-26', ok({ kind: 'json', json: shortfall }));
    await openReports();
    fireEvent.click(screen.getByRole('tab', { name: 'Under-production' }));
    expect(await screen.findByTestId('pareto-chart')).toBeTruthy();
    const top = screen.getByRole('group', { name: 'Top cause' });
    expect(within(top).getByTestId('stat-value').textContent).toBe('Equipment failure');
    const table = screen.getByRole('table', { name: 'Under-production causes' });
    expect(within(table).getAllByRole('row').at(-1)?.textContent).toBe('Total20');
    fireEvent.click(screen.getByRole('radio', { name: 'Week' }));
    await waitFor(() => expect(asked.at(-1)).toBe('/api/v1/reports/shortfall?from=2026-11-23&to=2026-11-29'));
  });

  it('exports the report on screen as XLSX in the interface language', async () => {
    answers.set('/api/v1/reports/daily?date=2026-11-26', ok({ kind: 'json', json: daily }));
    answers.set(
      '/api/v1/reports/daily?date=2026-11-26&format=xlsx&lang=en',
      ok({ kind: 'file', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: 'daily-2026-11-26.xlsx', base64: 'UEsDBA==' }),
    );
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:takt/1');
    URL.revokeObjectURL = () => undefined;
    const clicks: string[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    await openReports();
    await screen.findByRole('table', { name: 'Daily report by order and operation' });
    fireEvent.click(screen.getByRole('button', { name: 'XLSX' }));
    await waitFor(() => expect(clicks).toEqual(['daily-2026-11-26.xlsx']));
    expect(created[0]?.size).toBe(4);
  });

  it('is not offered to a plain operator', async () => {
    sessionStore.getState().operatorSignedIn({ id: 'OP-0007', name: 'Ana', roles: ['operator'], signedInAt: '2026-11-26T07:00:00Z' });
    renderWithApp(<Screens />, { services });
    await screen.findByTestId('t2-day-2026-11-26');
    expect(screen.queryByTestId('nav-reports')).toBeNull();
  });
});
