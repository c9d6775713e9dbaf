/**
 * Scanning a work order label (its id, e.g. "PO-1001/20") opens it. An id this terminal does not
 * know is reported, not silently ignored.
 */
import { useState } from 'react';
import { useServices } from '../../app/services';
import { workOrderExists } from '../../data/repositories/work-orders';
import { useRouteActions } from '../../store/route-store';
import { useScanClaim } from '../../store/scan-router';
import { openTraceFromScan } from '../trace/open-from-scan';

export function useWorkOrderScan(): { unknownId: string | null; dismiss: () => void } {
  const { db } = useServices();
  const { workOrderOpened } = useRouteActions();
  const [unknownId, setUnknownId] = useState<string | null>(null);
  useScanClaim((scan) => {
    if (openTraceFromScan(scan)) return; // a lot, serial or package label (trace)
    const id = scan.text.trim();
    if (!id) return;
    void workOrderExists(db, id).then((exists) => {
      if (exists) {
        setUnknownId(null);
        workOrderOpened(id);
      } else setUnknownId(id);
    });
  });
  return { unknownId, dismiss: () => setUnknownId(null) };
}
