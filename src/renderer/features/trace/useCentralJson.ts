/** GETs a trace path from central through the terminal (api.central.fetch); null path = idle. */
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';

export type CentralState<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ok'; value: T } | { kind: 'failed'; code: string; message: string };

export function useCentralJson<T>(path: string | null): CentralState<T> {
  const { api } = useServices();
  // The answer is kept with the path it answers, so a new path reads as loading at once.
  const [answer, setAnswer] = useState<{ path: string; state: CentralState<T> } | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    void api.central.fetch({ path }).then((r) => {
      if (!live) return;
      const state: CentralState<T> = !r.ok
        ? { kind: 'failed', code: r.error.code, message: r.error.message }
        : r.value.kind !== 'json'
          ? { kind: 'failed', code: 'server-error', message: 'unexpected file' }
          : { kind: 'ok', value: r.value.json as T };
      setAnswer({ path, state });
    });
    return () => {
      live = false;
    };
  }, [api, path]);
  if (!path) return { kind: 'idle' };
  return answer?.path === path ? answer.state : { kind: 'loading' };
}
