/**
 * Packing (clause 4.9): the lots this workstation made that are not packed yet, and recording a
 * package — its id an SSCC from the plant's GS1 company prefix (shared/trace/package-id.ts),
 * continuing after every package number this terminal or central knows in its block.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { EventPayload } from '../../../shared/sync/events';
import { nextSscc, workstationBlock } from '../../../shared/trace/package-id';
import { useServices } from '../../app/services';
import { useRecorder } from '../../data/use-recorder';

export interface PackableLot {
  lotId: string;
  itemId: string;
  qty: number;
  workOrderId: string | undefined;
}

export type PackResult = { ok: true; packageId: string } | { ok: false; reason: 'no-prefix' | 'no-block' | 'no-lots' | 'failed'; message?: string };

export function usePackableLots(): PackableLot[] | undefined {
  const { db, info } = useServices();
  return useLiveQuery(async () => {
    const created = await db.events.where('type').equals('lot.created').toArray();
    const packed = new Set((await db.events.where('type').equals('package.recorded').toArray()).flatMap((e) => (e.payload as EventPayload<'package.recorded'>).lotIds));
    const mine = created
      .filter((e) => e.workstationId === info.workstationId)
      .map((e) => e.payload as EventPayload<'lot.created'>)
      .filter((p) => !packed.has(p.lotId))
      .map((p) => ({ lotId: p.lotId, itemId: p.itemId, qty: p.qty, workOrderId: p.workOrderId }));
    const seen = new Set(mine.map((l) => l.lotId));
    const streamed = (await db.lots.toArray())
      .filter((l) => l.workOrderId && l.location === info.workstationId && l.status === 'released' && !seen.has(l.id) && !packed.has(l.id))
      .map((l) => ({ lotId: l.id, itemId: l.itemId, qty: l.qty, workOrderId: l.workOrderId }));
    return [...mine, ...streamed].sort((a, b) => b.lotId.localeCompare(a.lotId));
  }, [db, info.workstationId]);
}

export function useRecordPackage(): (lotIds: string[], qty: number) => Promise<PackResult> {
  const { db, api, info } = useServices();
  const record = useRecorder();
  return useCallback(
    async (lotIds, qty) => {
      if (lotIds.length === 0 || !(qty > 0)) return { ok: false, reason: 'no-lots' };
      const settings = await db.settings.toCollection().first();
      const prefix = settings?.gs1CompanyPrefix;
      if (!prefix) return { ok: false, reason: 'no-prefix' };
      const block = workstationBlock((await db.workstations.toArray()).map((w) => w.id), info.workstationId);
      if (block === null) return { ok: false, reason: 'no-block' };
      const known = (await db.events.where('type').equals('package.recorded').toArray()).map((e) => (e.payload as EventPayload<'package.recorded'>).packageId);
      // Best effort: offline, the terminal's own numbers are enough (central flags a reuse).
      const central = await api.central.fetch({ path: `/api/v1/trace/sscc-counter?prefix=${prefix}&block=${block}` }).catch(() => null);
      const after = central?.ok && central.value.kind === 'json' ? Number((central.value.json as { highest?: unknown }).highest) || 0 : 0;
      try {
        const packageId = nextSscc({ companyPrefix: prefix, extension: settings.ssccExtension, block, known, after });
        await record('package.recorded', { packageId, lotIds, qty });
        return { ok: true, packageId };
      } catch (e) {
        return { ok: false, reason: 'failed', message: e instanceof Error ? e.message : String(e) };
      }
    },
    [api, db, info.workstationId, record],
  );
}
