/**
 * `data-app-state` on #root tells tests, kiosk watchdogs and scripts whether the terminal can be
 * used: "loading" while starting, "ready" once the shell is up, "fatal" when startup failed or a
 * screen crashed.
 */
import { useEffect } from 'react';

export type AppState = 'loading' | 'ready' | 'fatal';

export function setAppState(state: AppState, doc: Document = document): void {
  doc.getElementById('root')?.setAttribute('data-app-state', state);
}

/** Marks the app state while the calling screen is shown. */
export function useAppState(state: AppState): void {
  useEffect(() => setAppState(state), [state]);
}
