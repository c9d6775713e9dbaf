import '../../test-utils/dom';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanChange } from '../../../shared/supervision/plan-revision';
import { renderWithApp } from '../../test-utils/render';
import { RevisionChanges, SHOWN_CHANGES } from './RevisionChanges';

afterEach(cleanup);

const changes = (n: number): PlanChange[] =>
  Array.from({ length: n }, (_, i) => ({ workOrderId: `PO-${i + 1}/10`, change: 'added' as const, fromQty: 0, toQty: 1000 + i }));
const shown = () => screen.queryAllByTestId('revision-change').map((li) => li.textContent);

describe('Revision changes', () => {
  it('a revision of a whole day shows its first changes and unfolds the rest on demand', () => {
    renderWithApp(<RevisionChanges changes={changes(SHOWN_CHANGES + 3)} />, { language: 'es' });
    expect(shown()).toEqual(['PO-1/10: añadida, 1000', 'PO-2/10: añadida, 1001', 'PO-3/10: añadida, 1002', 'PO-4/10: añadida, 1003', 'PO-5/10: añadida, 1004']);
    fireEvent.click(screen.getByRole('button', { name: 'Ver 3 cambios más' }));
    expect(shown()).toHaveLength(SHOWN_CHANGES + 3);
    expect(shown().at(-1)).toBe('PO-8/10: añadida, 1007');
    fireEvent.click(screen.getByRole('button', { name: 'Ver menos cambios' }));
    expect(shown()).toHaveLength(SHOWN_CHANGES);
  });

  it('a short revision shows every change and no button', () => {
    renderWithApp(<RevisionChanges changes={changes(SHOWN_CHANGES)} />, { language: 'en' });
    expect(shown()).toHaveLength(SHOWN_CHANGES);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
