/**
 * Fetches one central report through the terminal (`central:fetch`), validates it with its shared
 * schema and keeps the last good copy in IndexedDB. When central cannot be reached the cached copy
 * is shown with the time it was fetched, and the error says why there is no fresher one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AppError } from '../../../shared/result';
import { useServices } from '../../app/services';
import { getCachedReport, putCachedReport } from '../../data/repositories/report-cache';

export interface ReportState<T> {
  data: T | null;
  /** When `data` came from the cache, when it was fetched from central. */
  cachedAt: string | null;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
}

export function useCentralReport<S extends z.ZodType>(path: string | null, schema: S): ReportState<z.output<S>> {
  const { api, db } = useServices();
  // `for` ties an answer to the path it answers, so another period never shows the previous one's figures.
  const [state, setState] = useState<Omit<ReportState<z.output<S>>, 'reload'> & { for: string | null }>({
    for: null,
    data: null,
    cachedAt: null,
    error: null,
    loading: !!path,
  });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!path) return;
    let live = true;
    void (async () => {
      const fetched = await api.central.fetch({ path });
      let error: AppError;
      if (fetched.ok && fetched.value.kind === 'json') {
        const parsed = schema.safeParse(fetched.value.json);
        if (parsed.success) {
          await putCachedReport(db, path, fetched.value.json, new Date().toISOString());
          if (live) setState({ for: path, data: parsed.data, cachedAt: null, error: null, loading: false });
          return;
        }
        error = { code: 'server-error', message: parsed.error.issues[0]?.message ?? 'unexpected report' };
      } else {
        error = fetched.ok ? { code: 'server-error', message: 'central sent a file, not a report' } : fetched.error;
      }
      const cached = await getCachedReport(db, path);
      const fromCache = cached ? schema.safeParse(cached.json) : null;
      if (live) {
        setState({
          for: path,
          data: fromCache?.success ? fromCache.data : null,
          cachedAt: fromCache?.success && cached ? cached.fetchedAt : null,
          error,
          loading: false,
        });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, db, path, schema, attempt]);

  if (state.for !== path) return { data: null, cachedAt: null, error: null, loading: !!path, reload };
  const { for: _for, ...rest } = state;
  return { ...rest, loading: state.loading, reload };
}
