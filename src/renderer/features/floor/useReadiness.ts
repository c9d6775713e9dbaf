/**
 * Readiness of one work order before it starts (procedure 4.2.1 a): gathers the facts this
 * terminal holds, runs the pure rules (shared/floor/readiness.ts), and handles the scans the panel
 * receives: a material lot (plain id or GS1 AI 10) is judged and, if accepted, recorded as
 * `material.consumed`; a supervisor's badge overrides the failed checks and is recorded in
 * `readiness.checked` with overriddenBy. The gate tells the Start button whether it may proceed.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState } from 'react';
import { productionDay } from '../../../shared/production-day';
import {
  checkEquipment,
  checkGauges,
  checkMaterials,
  checkOperator,
  checksPayload,
  fromMilli,
  judgeLot,
  materialNeeds,
  readinessOf,
  remainingPieces,
  type LotVerdict,
  type MaterialNeed,
  type Readiness,
} from '../../../shared/floor/readiness';
import { lotIdFromScan } from '../../../shared/floor/lot-scan';
import { useServices } from '../../app/services';
import { useNow, useSettings } from '../../data/hooks';
import { defaultPlantTime } from '../../data/repositories/plant';
import { findOperatorByBadge, getOperator } from '../../data/repositories/operators';
import { pendingOutput } from '../../data/repositories/outbox';
import { progressOf } from '../../data/progress';
import { RecordError } from '../../data/record';
import { useRecorder } from '../../data/use-recorder';
import { useOperator } from '../../store/session-store';
import { equipmentStates, findLot, issuedLots, latestOverride, pendingUseOfLot, type IssuedLot } from './floor-repository';

export type ScanOutcome =
  | { kind: 'accepted'; lotId: string; itemId: string; qty: number }
  | { kind: 'refused'; verdict: Extract<LotVerdict, { ok: false }> }
  | { kind: 'unreadable'; reason: 'no-lot-in-label' | 'unreadable'; text: string }
  | { kind: 'override'; supervisorName: string }
  | { kind: 'not-supervisor'; name: string }
  | { kind: 'failed'; message: string };

export interface ReadinessFacts {
  readiness: Readiness;
  needs: (MaterialNeed & { itemName: string; unit: string })[];
  issued: IssuedLot[];
  process: string | null;
  productionDay: string;
  override: { supervisorId: string; at: string } | null;
}

export interface StartGate {
  canStart: boolean;
  /** Records `readiness.checked` (all ok) right before the start request; false if it could not be stored. */
  beforeStart: () => Promise<boolean>;
}

export interface ReadinessController {
  facts: ReadinessFacts | undefined;
  outcome: ScanOutcome | null;
  busy: boolean;
  /** A scan or typed text: a lot to issue or a supervisor's badge. */
  submitted: (text: string, symbology?: string | null) => Promise<void>;
  gate: StartGate;
}

export function useReadiness(workOrderId: string): ReadinessController {
  const { db, info } = useServices();
  const operator = useOperator();
  const record = useRecorder();
  const settings = useSettings();
  const now = useNow();
  const day = productionDay(now, settings?.timezone ?? defaultPlantTime.timezone, settings?.dayStartsAt ?? defaultPlantTime.dayStartsAt);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const facts = useLiveQuery(async (): Promise<ReadinessFacts | undefined> => {
    const wo = await db.workOrders.where('id').equals(workOrderId).first();
    if (!wo) return undefined;
    const [product, workstation, gauges, issued, pending, me, override] = await Promise.all([
      db.products.where('id').equals(wo.productId).first(),
      db.workstations.where('id').equals(info.workstationId).first(),
      db.gauges.toArray(),
      issuedLots(db, wo.id),
      pendingOutput(db),
      operator ? getOperator(db, operator.id) : Promise.resolve(null),
      latestOverride(db, wo.id),
    ]);
    const step = product?.routing.find((s) => s.operation === wo.operation);
    const issuedByItem = new Map<string, number>();
    for (const l of issued) issuedByItem.set(l.itemId, (issuedByItem.get(l.itemId) ?? 0) + Math.round(l.qty * 1000));
    const good = progressOf(wo, pending.get(wo.id)).good;
    const needs = materialNeeds(product?.bom ?? [], wo.operation, remainingPieces(wo.qty, good), issuedByItem);
    const items = needs.length > 0 ? await db.items.where('id').anyOf(needs.map((n) => n.itemId)).toArray() : [];
    const equipment = await equipmentStates(db, workstation?.equipmentIds ?? []);
    const downHere = new Set(equipment.filter((e) => e.downtime).map((e) => e.id));
    const readiness = readinessOf([
      checkMaterials(needs),
      checkEquipment(workstation ? workstation.equipmentIds : null, equipment, downHere),
      checkOperator(me?.qualifications ?? [], step?.process ?? '', day),
      checkGauges(step?.gaugeTypes ?? [], gauges, day),
    ]);
    const overrideDay =
      override && settings ? productionDay(override.occurredAt, settings.timezone, settings.dayStartsAt) : override ? day : null;
    return {
      readiness,
      needs: needs.map((n) => {
        const item = items.find((i) => i.id === n.itemId);
        return { ...n, itemName: item?.name ?? n.itemId, unit: item?.unit ?? '' };
      }),
      issued,
      process: step?.process ?? null,
      productionDay: day,
      // An override holds for the production day it was given on.
      override: override && overrideDay === day ? { supervisorId: String(override.payload.overriddenBy), at: override.occurredAt } : null,
    };
  }, [db, workOrderId, info.workstationId, operator, day, settings]);

  const submitted = useCallback(
    async (text: string, symbology: string | null = null) => {
      if (busyRef.current || !facts) return;
      const raw = text.trim();
      if (!raw) return;
      busyRef.current = true;
      setBusy(true);
      try {
        const badgeHolder = await findOperatorByBadge(db, raw);
        if (badgeHolder) {
          if (!badgeHolder.roles.includes('supervisor')) {
            setOutcome({ kind: 'not-supervisor', name: badgeHolder.name });
            return;
          }
          const failed = facts.readiness.checks.filter((c) => !c.ok).map((c) => c.name);
          await record('readiness.checked', {
            workOrderId,
            checks: checksPayload(facts.readiness, true),
            notes: failed.length > 0 ? `override: ${failed.join(', ')}` : 'override',
            overriddenBy: badgeHolder.id,
          });
          setOutcome({ kind: 'override', supervisorName: badgeHolder.name });
          return;
        }
        const scan = lotIdFromScan(raw, symbology);
        if (!scan.ok) {
          setOutcome({ kind: 'unreadable', reason: scan.reason, text: raw });
          return;
        }
        const lot = await findLot(db, scan.lotId);
        const used = lot ? await pendingUseOfLot(db, lot.id) : 0;
        const verdict = judgeLot(scan.lotId, lot, facts.needs, used);
        if (!verdict.ok) {
          setOutcome({ kind: 'refused', verdict });
          return;
        }
        const qty = fromMilli(verdict.qtyMilli);
        await record('material.consumed', { workOrderId, lotId: verdict.lotId, itemId: verdict.itemId, qty });
        setOutcome({ kind: 'accepted', lotId: verdict.lotId, itemId: verdict.itemId, qty });
      } catch (e) {
        setOutcome({ kind: 'failed', message: e instanceof RecordError || e instanceof Error ? e.message : String(e) });
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [db, facts, record, workOrderId],
  );

  const beforeStart = useCallback(async (): Promise<boolean> => {
    if (!facts) return false;
    if (!facts.readiness.allOk) return facts.override !== null;
    try {
      await record('readiness.checked', { workOrderId, checks: checksPayload(facts.readiness, false) });
      return true;
    } catch (e) {
      setOutcome({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }, [facts, record, workOrderId]);

  const canStart = !!facts && (facts.readiness.allOk || facts.override !== null);
  return { facts, outcome, busy, submitted, gate: { canStart, beforeStart } };
}
