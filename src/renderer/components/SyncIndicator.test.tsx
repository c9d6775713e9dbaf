import '../test-utils/dom';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../test-utils/render';
import { SyncIndicator, type SyncStatusView } from './SyncIndicator';

const base: SyncStatusView = {
  online: true,
  pending: 0,
  oldestPendingAt: null,
  lastSuccessAt: '2026-11-26T09:15:00.000Z',
  rejected: 0,
  syncing: false,
  lastError: null,
  clockSkewMs: null,
};
const show = (patch: Partial<SyncStatusView>, language: 'es' | 'en' = 'en') =>
  renderWithApp(<SyncIndicator status={{ ...base, ...patch }} onSyncNow={() => {}} />, { language });

afterEach(cleanup);

describe('Sync indicator', () => {
  it('says offline and how many records are waiting, in both languages', () => {
    show({ online: false, pending: 3 });
    expect(screen.getByTestId('sync-status').textContent).toBe('offline, 3 records waiting');
    cleanup();
    show({ online: false, pending: 3 }, 'es');
    expect(screen.getByTestId('sync-status').textContent).toBe('sin conexión, 3 registros pendientes');
    cleanup();
    show({ online: false, pending: 1 });
    expect(screen.getByTestId('sync-status').textContent).toBe('offline, 1 record waiting');
  });

  it('says online when nothing waits, and shows records central refused', () => {
    show({ rejected: 2 });
    expect(screen.getByTestId('sync-status').textContent).toBe('online');
    expect(screen.getByText('2 records need attention')).toBeTruthy();
    cleanup();
    show({ online: true, pending: 5 });
    expect(screen.getByTestId('sync-status').textContent).toBe('online, 5 records waiting');
  });

  it('shows the last error while central answers, and since when records wait while offline', () => {
    show({ online: true, lastError: 'central refused the batch', syncing: true });
    expect(screen.getByText(/Last error: central refused the batch/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-busy')).toBe('true');
    cleanup();
    show({ online: false, pending: 2, oldestPendingAt: '2026-11-26T09:20:00.000Z', lastError: 'connect ECONNREFUSED' });
    expect(screen.getByText(/^Waiting since: /)).toBeTruthy();
    expect(screen.queryByText(/ECONNREFUSED/)).toBeNull();
  });
});
