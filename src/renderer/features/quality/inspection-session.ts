/**
 * One inspection being taken at the terminal: the plan's characteristics, the active one, and a
 * result per characteristic. Pure transitions (reading received, manual value entered, attribute
 * judged, characteristic chosen), so the rules can be tested without a screen: a reading passes
 * the gauge gate before it fills the active characteristic, which then moves on to the next one
 * still open; a refusal leaves everything as it was and says why.
 */
import type { Characteristic, Gauge } from '../../../shared/domain/plant';
import type { Reading } from '../../../shared/devices/types';
import { checkGauge, type GateIssue } from '../../../shared/quality/gauge-gate';
import { normaliseManualValue, overallVerdict, toleranceVerdict, type Verdict } from '../../../shared/quality/tolerance';
import type { EventPayload } from '../../../shared/sync/events';

export type InspectionResult = EventPayload<'inspection.recorded'>['results'][number];

export type SessionNotice =
  | { kind: 'refused'; characteristicId: string; issue: GateIssue; raw?: string }
  | { kind: 'accepted'; characteristicId: string; verdict: Verdict; warnings: GateIssue[] }
  | { kind: 'invalid'; characteristicId: string; problem: 'value' | 'reason' | 'gauge' | 'attribute-needs-judgement' };

export interface SessionState {
  characteristics: Characteristic[];
  results: Record<string, InspectionResult>;
  activeIndex: number;
  notice: SessionNotice | null;
}

export interface GateContext {
  gauges: readonly Gauge[];
  today: string;
  warningDays: number;
}

export function startSession(characteristics: Characteristic[]): SessionState {
  return { characteristics, results: {}, activeIndex: 0, notice: null };
}

/** The next characteristic without a result after `from`, wrapping; stays put when all are done. */
function nextOpen(state: SessionState, results: Record<string, InspectionResult>, from: number): number {
  const n = state.characteristics.length;
  for (let k = 1; k <= n; k++) {
    const i = (from + k) % n;
    if (!results[state.characteristics[i]!.id]) return i;
  }
  return from;
}

function fill(state: SessionState, result: InspectionResult, notice: SessionNotice): SessionState {
  const results = { ...state.results, [result.characteristicId]: result };
  return { ...state, results, activeIndex: nextOpen(state, results, state.activeIndex), notice };
}

export function characteristicChosen(state: SessionState, index: number): SessionState {
  if (index < 0 || index >= state.characteristics.length) return state;
  return { ...state, activeIndex: index, notice: null };
}

function provenance(gauge: Gauge) {
  return {
    gaugeId: gauge.id,
    gaugeCalibrationDueOn: gauge.calibrationDueOn,
    ...(gauge.certificate ? { gaugeCertificate: gauge.certificate } : {}),
  };
}

/** An instrument reading for the active characteristic. */
export function readingReceived(state: SessionState, reading: Reading, ctx: GateContext): SessionState {
  const c = state.characteristics[state.activeIndex];
  if (!c) return state;
  // The device layer marks the frame that completes a steady run as accepted; frames before it
  // are the instrument settling. Those wait silently, but a bad one (unstable, overload) is shown.
  const isSettling = reading.accepted === false && reading.status === 'ok' && reading.stable !== false;
  if (isSettling) return state;
  if (c.kind === 'attribute') return { ...state, notice: { kind: 'invalid', characteristicId: c.id, problem: 'attribute-needs-judgement' } };
  const gate = checkGauge({ gaugeId: reading.gaugeId, gauges: ctx.gauges, characteristic: c, reading, today: ctx.today, warningDays: ctx.warningDays });
  if (!gate.ok) return { ...state, notice: { kind: 'refused', characteristicId: c.id, issue: gate.refusal, raw: reading.raw } };
  const value = reading.value!.replace(/^\+/, '');
  const { verdict } = toleranceVerdict(value, c);
  return fill(
    state,
    { characteristicId: c.id, value, unit: c.unit, source: 'instrument', raw: reading.raw, verdict, ...provenance(gate.gauge) },
    { kind: 'accepted', characteristicId: c.id, verdict, warnings: gate.warnings },
  );
}

/** A value typed by hand: only with a reason and the gauge it was read on, which must pass the gate. */
export function manualEntered(state: SessionState, input: { value: string; reason: string; gaugeId: string | null }, ctx: GateContext): SessionState {
  const c = state.characteristics[state.activeIndex];
  if (!c || c.kind !== 'variable') return state;
  const value = normaliseManualValue(input.value);
  if (!value) return { ...state, notice: { kind: 'invalid', characteristicId: c.id, problem: 'value' } };
  const reason = input.reason.trim();
  if (!reason) return { ...state, notice: { kind: 'invalid', characteristicId: c.id, problem: 'reason' } };
  if (!input.gaugeId) return { ...state, notice: { kind: 'invalid', characteristicId: c.id, problem: 'gauge' } };
  const gate = checkGauge({ gaugeId: input.gaugeId, gauges: ctx.gauges, characteristic: c, reading: null, today: ctx.today, warningDays: ctx.warningDays });
  if (!gate.ok) return { ...state, notice: { kind: 'refused', characteristicId: c.id, issue: gate.refusal } };
  const { verdict } = toleranceVerdict(value, c);
  return fill(
    state,
    { characteristicId: c.id, value, unit: c.unit, source: 'manual', manualReason: reason, verdict, ...provenance(gate.gauge) },
    { kind: 'accepted', characteristicId: c.id, verdict, warnings: gate.warnings },
  );
}

/** Pass/fail on an attribute characteristic (go/no-go gauge, visual). */
export function attributeJudged(state: SessionState, verdict: Verdict): SessionState {
  const c = state.characteristics[state.activeIndex];
  if (!c || c.kind !== 'attribute') return state;
  return fill(state, { characteristicId: c.id, attribute: verdict, source: 'manual', verdict }, { kind: 'accepted', characteristicId: c.id, verdict, warnings: [] });
}

export function sessionVerdict(state: SessionState): Verdict | null {
  return overallVerdict(state.characteristics.map((c) => state.results[c.id]?.verdict));
}

/** The results in plan order (only once every characteristic has one). */
export function sessionResults(state: SessionState): InspectionResult[] | null {
  const list = state.characteristics.map((c) => state.results[c.id]);
  return list.every((r): r is InspectionResult => !!r) ? list : null;
}
