/**
 * Claims scans like store/scan-router's useScanClaim, but a tick later. React runs a child's
 * effects before its parent's, so a panel inside a screen that itself claims scans (the work-order
 * screen claims work-order ids) would otherwise sit under the screen's claim and never get a scan.
 */
import { useEffect, useRef } from 'react';
import { scanRouterStore, type ScanHandler } from '../../store/scan-router';

let nextToken = 1_000_000;

export function useLateScanClaim(handler: ScanHandler): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const token = nextToken++;
    const { scanClaimed, claimReleased } = scanRouterStore.getState();
    const timer = setTimeout(() => scanClaimed(token, (scan) => ref.current(scan)), 0);
    return () => {
      clearTimeout(timer);
      claimReleased(token);
    };
  }, []);
}
