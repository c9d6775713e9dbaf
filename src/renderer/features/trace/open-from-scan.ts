/**
 * Scanning a Takt lot, serial or package label on a screen that does not claim it for itself
 * (the home screen's queue) opens it in the trace screen. Returns false for every other scan, so
 * work-order labels keep opening work orders.
 */
import type { ScanEvent } from '../../../shared/devices/types';
import { traceTargetOfScan } from '../../../shared/trace/scan-target';
import { routeStore } from '../../store/route-store';

export function openTraceFromScan(scan: ScanEvent): boolean {
  const target = traceTargetOfScan(scan.text, scan.symbology);
  if (!target) return false;
  routeStore.setState({ route: { name: 'trace', target } });
  return true;
}
