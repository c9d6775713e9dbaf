/**
 * The monthly schedule grid's data: the month's plan from the local `plans` stream (live), the
 * actual output per product and day from central (GET /api/v1/reports/monthly-actual through
 * central:fetch). When central cannot answer, `actual` is null and the grid shows the plan alone.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { buildMonthlyGrid, monthlyActualSchema, type MonthlyActualAnswer, type MonthlyGrid } from '../../../shared/supervision/monthly-grid';
import { useServices } from '../../app/services';
import { readMonthlyPlan, readProductNames } from './supervision-repo';

export type ActualState = { status: 'loading' } | { status: 'ok'; answer: MonthlyActualAnswer } | { status: 'offline'; message: string };

export function useMonthlyActual(month: string): ActualState {
  const { api } = useServices();
  const [state, setState] = useState<{ month: string; value: ActualState }>({ month, value: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await api.central.fetch({ path: `/api/v1/reports/monthly-actual?month=${month}` });
      let value: ActualState;
      if (r.ok && r.value.kind === 'json') {
        const parsed = monthlyActualSchema.safeParse(r.value.json);
        value = parsed.success ? { status: 'ok', answer: parsed.data } : { status: 'offline', message: parsed.error.message };
      } else value = { status: 'offline', message: r.ok ? 'unexpected file' : r.error.message };
      if (live) setState({ month, value });
    })();
    return () => {
      live = false;
    };
  }, [api, month]);
  return state.month === month ? state.value : { status: 'loading' };
}

export function useMonthlyGrid(month: string, today: string): { grid: MonthlyGrid | undefined; actual: ActualState } {
  const { db } = useServices();
  const plan = useLiveQuery(() => readMonthlyPlan(db, month), [db, month]);
  const names = useLiveQuery(() => readProductNames(db), [db]);
  const actual = useMonthlyActual(month);
  const grid = useMemo(
    () => (plan && names ? buildMonthlyGrid(month, today, plan, actual.status === 'ok' ? actual.answer.rows : null, names) : undefined),
    [plan, names, actual, month, today],
  );
  return { grid, actual };
}
