/**
 * The scan router: every scan from the device layer arrives here and goes to the screen that has
 * claimed scans most recently (login claims badges, the queue claims work orders...). A screen
 * claims on mount and releases on unmount; a scan nobody claims is dropped with a notice.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { ScanEvent } from '../../shared/devices/types';

export type ScanHandler = (scan: ScanEvent) => void;

interface Claim {
  token: number;
  handler: ScanHandler;
}

interface ScanRouterState {
  claims: Claim[];
  lastUnclaimed: ScanEvent | null;
  scanClaimed: (token: number, handler: ScanHandler) => void;
  claimReleased: (token: number) => void;
  scanReceived: (scan: ScanEvent) => void;
}

const useScanRouterStore = create<ScanRouterState>()((set, get) => ({
  claims: [],
  lastUnclaimed: null,
  scanClaimed: (token, handler) =>
    set((s) => ({ claims: [...s.claims.filter((c) => c.token !== token), { token, handler }] })),
  claimReleased: (token) => set((s) => ({ claims: s.claims.filter((c) => c.token !== token) })),
  scanReceived: (scan) => {
    const top = get().claims.at(-1);
    if (top) top.handler(scan);
    else set({ lastUnclaimed: scan });
  },
}));

let nextToken = 1;

/** Claims scans while the calling component is mounted. The latest handler is always used. */
export function useScanClaim(handler: ScanHandler): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const token = nextToken++;
    const { scanClaimed, claimReleased } = useScanRouterStore.getState();
    scanClaimed(token, (scan) => ref.current(scan));
    return () => claimReleased(token);
  }, []);
}

export const scanReceived = (scan: ScanEvent) => useScanRouterStore.getState().scanReceived(scan);
export const scanRouterStore = useScanRouterStore;
