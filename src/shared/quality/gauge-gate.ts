/**
 * The calibration gate (shared/reference/devices-and-barcodes.md §5, ISO 9001 §7.1.5.2): before a
 * reading is accepted for a characteristic, the gauge must be known, released and within its
 * calibration date as of the production day, fit for the characteristic (type, unit, resolution
 * no coarser than a tenth of the tolerance and than the plan asks) and the reading itself valid
 * (stable, no overload, status ok). Checks run in that order; the first failure is the refusal.
 */
import type { Gauge } from '../domain/plant';
import type { LocalizedText } from '../domain/ids';
import type { ReadingStatus } from '../devices/types';
import { compareDecimal, formatDecimal, isDecimal, multiplyDecimal, subtractDecimal } from './decimal';
import type { VariableCharacteristic } from './tolerance';

export const gateCodes = [
  'gauge-missing',
  'gauge-unknown',
  'gauge-blocked',
  'gauge-out-of-tolerance',
  'gauge-overdue',
  'gauge-type-mismatch',
  'unit-mismatch',
  'resolution-too-coarse',
  'reading-no-value',
  'reading-unstable',
  'reading-overload',
  'reading-error',
  'calibration-due-soon',
] as const;
export type GateCode = (typeof gateCodes)[number];

export interface GateIssue {
  code: GateCode;
  message: LocalizedText;
}

export type GateOutcome = { ok: true; warnings: GateIssue[]; gauge: Gauge } | { ok: false; refusal: GateIssue };

export interface GateReading {
  value: string | null;
  unit: string | null;
  stable: boolean | null;
  status: ReadingStatus;
}

export interface GateInput {
  gaugeId: string | null | undefined;
  /** The gauge register (from the `gauges` stream). */
  gauges: readonly Gauge[];
  characteristic: VariableCharacteristic;
  /** Null for a manual entry (no instrument frame to judge). */
  reading: GateReading | null;
  /** Production day, YYYY-MM-DD in the plant's time zone. */
  today: string;
  warningDays: number;
}

function issue(code: GateCode, es: string, en: string): GateIssue {
  return { code, message: { es, en } };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** The register's verdict on a gauge alone (used by the gate and by readiness/gauge screens). */
export function gaugeStatusIssue(gauge: Gauge, today: string): GateIssue | null {
  if (gauge.status === 'blocked') {
    return issue('gauge-blocked', `El equipo ${gauge.id} está bloqueado en el registro de equipos de medición.`, `Gauge ${gauge.id} is blocked in the gauge register.`);
  }
  if (gauge.status === 'out-of-tolerance') {
    return issue('gauge-out-of-tolerance', `El equipo ${gauge.id} está marcado fuera de tolerancia.`, `Gauge ${gauge.id} is marked out of tolerance.`);
  }
  if (today > gauge.calibrationDueOn) {
    return issue(
      'gauge-overdue',
      `La calibración del equipo ${gauge.id} venció el ${gauge.calibrationDueOn}.`,
      `Gauge ${gauge.id} calibration was due on ${gauge.calibrationDueOn}.`,
    );
  }
  return null;
}

export function checkGauge(input: GateInput): GateOutcome {
  const { characteristic: c, reading } = input;
  if (!input.gaugeId) {
    return { ok: false, refusal: issue('gauge-missing', 'La lectura no indica de qué equipo de medición procede.', 'The reading does not say which gauge it came from.') };
  }
  const gauge = input.gauges.find((g) => g.id === input.gaugeId);
  if (!gauge) {
    return { ok: false, refusal: issue('gauge-unknown', `El equipo ${input.gaugeId} no está en el registro de equipos de medición.`, `Gauge ${input.gaugeId} is not in the gauge register.`) };
  }
  const status = gaugeStatusIssue(gauge, input.today);
  if (status) return { ok: false, refusal: status };
  if (gauge.gaugeType !== c.gaugeType) {
    return {
      ok: false,
      refusal: issue('gauge-type-mismatch', `${c.name} se mide con ${c.gaugeType}; ${gauge.id} es ${gauge.gaugeType}.`, `${c.name} is measured with a ${c.gaugeType}; ${gauge.id} is a ${gauge.gaugeType}.`),
    };
  }
  if (gauge.unit !== c.unit || (reading?.unit != null && reading.unit !== c.unit)) {
    const got = reading?.unit ?? gauge.unit;
    return { ok: false, refusal: issue('unit-mismatch', `La unidad ${got} no es la de la característica (${c.unit}).`, `Unit ${got} is not the characteristic's unit (${c.unit}).`) };
  }
  // 10:1 rule (ASME B89.7.3.1): resolution ≤ (USL − LSL) / 10, and never coarser than the plan asks.
  const span = subtractDecimal(c.upper, c.lower);
  const tooCoarseForTolerance = compareDecimal(multiplyDecimal(gauge.resolution, 10), span) > 0;
  if (tooCoarseForTolerance || compareDecimal(gauge.resolution, c.resolution) > 0) {
    return {
      ok: false,
      refusal: issue(
        'resolution-too-coarse',
        `La resolución de ${gauge.id} (${gauge.resolution} ${gauge.unit}) es insuficiente: la tolerancia es ${formatDecimal(span)} y el plan pide ${c.resolution}.`,
        `${gauge.id} resolution (${gauge.resolution} ${gauge.unit}) is too coarse: the tolerance is ${formatDecimal(span)} and the plan asks for ${c.resolution}.`,
      ),
    };
  }
  if (reading) {
    if (reading.status === 'overload' || reading.status === 'underload') {
      return { ok: false, refusal: issue('reading-overload', 'El instrumento indica sobrecarga o subcarga: la lectura no vale.', 'The instrument reports overload or underload: the reading is not valid.') };
    }
    if (reading.status !== 'ok') {
      return { ok: false, refusal: issue('reading-error', `El instrumento envió un estado «${reading.status}», no una medida.`, `The instrument sent status "${reading.status}", not a measurement.`) };
    }
    if (reading.stable === false) {
      return { ok: false, refusal: issue('reading-unstable', 'Lectura inestable: espere a que el instrumento se estabilice y repita.', 'Unstable reading: wait for the instrument to settle and send again.') };
    }
    if (reading.value == null || !isDecimal(reading.value)) {
      return { ok: false, refusal: issue('reading-no-value', 'La trama no contiene un valor medido.', 'The frame carries no measured value.') };
    }
  }
  const warnings: GateIssue[] = [];
  const daysLeft = daysBetween(input.today, gauge.calibrationDueOn);
  if (daysLeft <= input.warningDays) {
    warnings.push(
      issue(
        'calibration-due-soon',
        `La calibración de ${gauge.id} vence el ${gauge.calibrationDueOn} (quedan ${daysLeft} días).`,
        `${gauge.id} calibration is due on ${gauge.calibrationDueOn} (${daysLeft} days left).`,
      ),
    );
  }
  return { ok: true, warnings, gauge };
}
