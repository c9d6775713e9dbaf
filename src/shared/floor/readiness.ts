/**
 * Readiness before a work order starts (procedure 4.2.1 a, 4.2.2, 4.5, 4.6, 4.7): material lots
 * issued against the operation's bill of materials, the workstation's equipment available, the
 * operator qualified for the routing step's process, the step's gauges within calibration.
 * Pure rules: the terminal feeds them what it holds locally and shows every failure with what to do.
 *
 * Material quantities are kept in thousandths of the item's unit (integers) so sums and
 * comparisons never go through binary floats (0.05 m x 5000 pcs is exactly 250 m).
 */

export type CheckName = 'materials' | 'equipment' | 'operator' | 'gauges';
export const CHECK_NAMES: readonly CheckName[] = ['materials', 'equipment', 'operator', 'gauges'];

/** Thousandths of a unit, rounded: the one conversion into integer arithmetic. */
export function toMilli(x: number): number {
  return Math.round(x * 1000);
}
export function fromMilli(m: number): number {
  return m / 1000;
}

export interface BomLine {
  itemId: string;
  qtyPer: number;
  operation: string;
}

export interface LotFacts {
  id: string;
  itemId: string;
  qty: number;
  status: 'released' | 'quarantine' | 'hold' | 'consumed';
}

/** What a BOM line needs for the pieces still to make, and what has been issued so far. */
export interface MaterialNeed {
  itemId: string;
  requiredMilli: number;
  issuedMilli: number;
}

/** Pieces still to make: the order quantity minus good output so far (never negative). */
export function remainingPieces(orderQty: number, good: number): number {
  return Math.max(0, orderQty - good);
}

/** The operation's BOM lines with required (qtyPer x remaining pieces) and issued quantities. */
export function materialNeeds(
  bom: readonly BomLine[],
  operation: string,
  pieces: number,
  issuedMilliByItem: ReadonlyMap<string, number>,
): MaterialNeed[] {
  const byItem = new Map<string, MaterialNeed>();
  for (const line of bom) {
    if (line.operation !== operation) continue;
    const need = byItem.get(line.itemId) ?? { itemId: line.itemId, requiredMilli: 0, issuedMilli: issuedMilliByItem.get(line.itemId) ?? 0 };
    // qtyPer is in the item's unit per piece; milli-units per piece times whole pieces stays integral.
    need.requiredMilli += toMilli(line.qtyPer) * pieces;
    byItem.set(line.itemId, need);
  }
  return [...byItem.values()];
}

export type LotRefusal = 'unknown-lot' | 'wrong-item' | 'quarantine' | 'hold' | 'consumed' | 'insufficient' | 'already-covered';

export type LotVerdict =
  | { ok: true; lotId: string; itemId: string; qtyMilli: number }
  | { ok: false; lotId: string; reason: LotRefusal; itemId?: string; availableMilli?: number };

/**
 * Judges one scanned lot against the operation's needs. `usedMilli` is what this terminal has
 * already issued from the lot and central's inventory row does not reflect yet. The quantity
 * issued is what the lot has left or what the line still needs, whichever is smaller.
 */
export function judgeLot(lotId: string, lot: LotFacts | null, needs: readonly MaterialNeed[], usedMilli = 0): LotVerdict {
  if (!lot) return { ok: false, lotId, reason: 'unknown-lot' };
  const need = needs.find((n) => n.itemId === lot.itemId);
  if (!need) return { ok: false, lotId, reason: 'wrong-item', itemId: lot.itemId };
  if (lot.status === 'quarantine' || lot.status === 'hold' || lot.status === 'consumed') {
    return { ok: false, lotId, reason: lot.status, itemId: lot.itemId };
  }
  const availableMilli = Math.max(0, toMilli(lot.qty) - usedMilli);
  if (availableMilli <= 0) return { ok: false, lotId, reason: 'insufficient', itemId: lot.itemId, availableMilli };
  const outstanding = need.requiredMilli - need.issuedMilli;
  if (outstanding <= 0) return { ok: false, lotId, reason: 'already-covered', itemId: lot.itemId };
  return { ok: true, lotId, itemId: lot.itemId, qtyMilli: Math.min(availableMilli, outstanding) };
}

export type CheckResult =
  | { name: 'materials'; ok: boolean; short: MaterialNeed[] }
  | { name: 'equipment'; ok: boolean; problem: 'unknown-workstation' | 'down' | null; down: { id: string; name: string; status: string }[] }
  | { name: 'operator'; ok: boolean; problem: 'not-qualified' | 'expired' | null; process: string; validUntil?: string }
  | { name: 'gauges'; ok: boolean; missing: { gaugeType: string; problem: 'none' | 'overdue' | 'blocked' }[] };

export function checkMaterials(needs: readonly MaterialNeed[]): CheckResult {
  const short = needs.filter((n) => n.issuedMilli < n.requiredMilli);
  return { name: 'materials', ok: short.length === 0, short };
}

export interface EquipmentFacts {
  id: string;
  name: string;
  status: 'available' | 'down' | 'maintenance';
}

/**
 * The workstation's equipment must all be available. Open downtime recorded on this terminal
 * counts as down before central's status row comes back.
 */
export function checkEquipment(
  equipmentIds: readonly string[] | null,
  equipment: readonly EquipmentFacts[],
  openDowntimeEquipment: ReadonlySet<string>,
): CheckResult {
  if (equipmentIds === null) return { name: 'equipment', ok: false, problem: 'unknown-workstation', down: [] };
  const down = equipmentIds.flatMap((id) => {
    const eq = equipment.find((e) => e.id === id);
    if (!eq) return [{ id, name: id, status: 'unknown' }];
    if (openDowntimeEquipment.has(id)) return [{ id, name: eq.name, status: 'down' }];
    return eq.status === 'available' ? [] : [{ id, name: eq.name, status: eq.status }];
  });
  return { name: 'equipment', ok: down.length === 0, problem: down.length > 0 ? 'down' : null, down };
}

/** Qualified for `process` and not expired as of the production day (validUntil is the last valid day). */
export function checkOperator(
  qualifications: readonly { process: string; validUntil: string }[],
  process: string,
  productionDay: string,
): CheckResult {
  const matching = qualifications.filter((q) => q.process === process);
  if (matching.length === 0) return { name: 'operator', ok: false, problem: 'not-qualified', process };
  // ISO dates compare correctly as strings.
  const best = matching.reduce((a, b) => (a.validUntil >= b.validUntil ? a : b));
  const ok = best.validUntil >= productionDay;
  return { name: 'operator', ok, problem: ok ? null : 'expired', process, validUntil: best.validUntil };
}

export interface GaugeFacts {
  id: string;
  gaugeType: string;
  calibrationDueOn: string;
  status: 'active' | 'blocked' | 'out-of-tolerance';
}

/** Each gauge type the step needs has at least one active gauge whose calibration is not overdue. */
export function checkGauges(gaugeTypes: readonly string[], gauges: readonly GaugeFacts[], productionDay: string): CheckResult {
  const missing = [...new Set(gaugeTypes)].flatMap((gaugeType) => {
    const ofType = gauges.filter((g) => g.gaugeType === gaugeType);
    if (ofType.some((g) => g.status === 'active' && g.calibrationDueOn >= productionDay)) return [];
    const problem: 'none' | 'overdue' | 'blocked' =
      ofType.length === 0 ? 'none' : ofType.some((g) => g.status === 'active') ? 'overdue' : 'blocked';
    return [{ gaugeType, problem }];
  });
  return { name: 'gauges', ok: missing.length === 0, missing };
}

export interface Readiness {
  checks: CheckResult[];
  allOk: boolean;
}

export function readinessOf(checks: CheckResult[]): Readiness {
  return { checks, allOk: checks.every((c) => c.ok) };
}

/** The `readiness.checked` payload's checks: a failed check under a supervisor override is 'overridden'. */
export function checksPayload(r: Readiness, overridden: boolean): Record<CheckName, 'ok' | 'failed' | 'overridden'> {
  const out = { materials: 'ok', equipment: 'ok', operator: 'ok', gauges: 'ok' } as Record<CheckName, 'ok' | 'failed' | 'overridden'>;
  for (const c of r.checks) if (!c.ok) out[c.name] = overridden ? 'overridden' : 'failed';
  return out;
}
