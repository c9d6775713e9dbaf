import '../test-utils/dom';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/react';
import { SyncAttentionList } from './SyncAttentionList';
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

  it("gives times in the plant's time zone, not the device's", () => {
    renderWithApp(<SyncIndicator status={base} timezone="Europe/Madrid" onSyncNow={() => {}} />, { language: 'es' });
    expect(screen.getByText(/^Última sincronización: 10:15$/)).toBeTruthy(); // 09:15Z is 10:15 in Madrid in November
    cleanup();
    renderWithApp(<SyncIndicator status={base} timezone="America/Mexico_City" onSyncNow={() => {}} />, { language: 'es' });
    expect(screen.getByText(/^Última sincronización: 03:15$/)).toBeTruthy();
  });

  it('flags a device clock more than 2 minutes off central, in both languages', () => {
    show({ clockSkewMs: 119_000 });
    expect(screen.queryByTestId('clock-skew')).toBeNull();
    cleanup();
    show({ clockSkewMs: -125_000 });
    expect(screen.getByTestId('clock-skew').textContent).toBe("This PC's clock is -125 s off central's");
    cleanup();
    show({ clockSkewMs: 600_000 }, 'es');
    expect(screen.getByTestId('clock-skew').textContent).toBe('El reloj de este PC difiere 600 s del de la central');
  });

  it('offers a big button to review the records needing attention, only when there are some', () => {
    const onShow = vi.fn();
    renderWithApp(<SyncIndicator status={{ ...base, rejected: 0 }} onSyncNow={() => {}} onShowAttention={onShow} />);
    expect(screen.queryByRole('button', { name: /needing attention/ })).toBeNull();
    cleanup();
    renderWithApp(<SyncIndicator status={{ ...base, rejected: 2 }} onSyncNow={() => {}} onShowAttention={onShow} />, { language: 'es' });
    fireEvent.click(screen.getByRole('button', { name: 'Revisar 2 registros que requieren atención' }));
    expect(onShow).toHaveBeenCalledTimes(1);
  });
});

describe('Needs-attention list', () => {
  const item = {
    id: '0193-a',
    seq: 17,
    epoch: 'E',
    type: 'output.recorded',
    occurredAt: '2026-11-26T09:15:00.000Z',
    operatorId: 'OP-0007',
    workOrderId: 'PO-1001/20',
    reason: 'invalid-payload',
    details: 'payload.goodQty: Expected number',
  };

  it('says which record and why, in Spanish and English', () => {
    renderWithApp(<SyncAttentionList items={[item, { ...item, id: '0193-b', seq: 18, reason: 'strange-code', details: 'x', workOrderId: null, type: 'nc.raised' }]} />, { language: 'es' });
    const cards = screen.getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(cards[0]!.textContent).toContain('Producción · PO-1001/20');
    expect(cards[0]!.textContent).toContain('Datos no válidos');
    expect(cards[0]!.textContent).toContain('N.º 17');
    expect(cards[0]!.textContent).toContain('OP-0007');
    expect(cards[0]!.textContent).toContain('payload.goodQty: Expected number');
    expect(cards[1]!.textContent).toContain('No conformidad');
    expect(cards[1]!.textContent).toContain('Rechazado');
    cleanup();
    renderWithApp(<SyncAttentionList items={[item]} />, { language: 'en' });
    expect(screen.getByRole('listitem', { name: 'Record no. 17' }).textContent).toContain('Invalid data');
    cleanup();
    renderWithApp(<SyncAttentionList items={[]} />, { language: 'en' });
    expect(screen.getByText('No record needs attention.')).toBeTruthy();
  });
});
