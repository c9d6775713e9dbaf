/**
 * Cross-reference checks for a plant bundle. `plantBundleSchema` validates the shape of each record;
 * this module checks that the records fit together (a workstation's line exists, a routing step's
 * workstation is on that step's line, tolerance limits are in order, ...). Central runs it before it
 * imports a plant and the demo plant's test runs it on `resources/demo/plant.json`.
 *
 * `error` problems make the bundle unusable (a reference to nothing, limits in the wrong order);
 * `warning` problems are suspicious but workable (a qualification for a process no routing uses).
 * Pure: no clock. Date-dependent states (an overdue gauge, an expired qualification) are normal
 * plant life, not integrity problems, and are checked where readings and logins happen.
 */
import { type PlantBundle } from './plant';

export type IntegrityLevel = 'error' | 'warning';
export interface IntegrityProblem {
  level: IntegrityLevel;
  /** Where in the bundle, e.g. `products[2].routing[0].workstationIds[1]`. */
  path: string;
  /** English, naming the offending id. */
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Decimal strings (`-12.345`), compared exactly: limits such as 11.982 / 12.000 never go through
// binary floats. Input is what `decimalString` accepts; anything else is rejected by the schema.

interface Decimal {
  units: bigint;
  scale: number;
}

function parseDecimal(text: string): Decimal | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2] ?? '0'}${fraction}`);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; null when either is not a decimal. */
export function compareDecimalStrings(a: string, b: string): -1 | 0 | 1 | null {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  const dx = rescale(x, scale);
  const dy = rescale(y, scale);
  return dx < dy ? -1 : dx > dy ? 1 : 0;
}

/** Is `resolution` × 10 no larger than `upper` − `lower` (the usual 1/10 rule for a gauge)? */
function resolutionFitsTolerance(resolution: string, lower: string, upper: string): boolean {
  const r = parseDecimal(resolution);
  const lo = parseDecimal(lower);
  const hi = parseDecimal(upper);
  if (!r || !lo || !hi) return true;
  const scale = Math.max(r.scale, lo.scale, hi.scale);
  return rescale(r, scale) * 10n <= rescale(hi, scale) - rescale(lo, scale);
}

// ---------------------------------------------------------------------------------------------

/** GS1 mod-10 check digit of a numeric key (GTIN-8/12/13/14), check digit included. */
function hasValidGs1CheckDigit(key: string): boolean {
  let sum = 0;
  for (let i = 0; i < key.length - 1; i++) {
    const digit = Number(key[key.length - 2 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10 === Number(key[key.length - 1]);
}

export function checkPlantIntegrity(bundle: PlantBundle): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const error = (path: string, message: string): void => {
    problems.push({ level: 'error', path, message });
  };
  const warning = (path: string, message: string): void => {
    problems.push({ level: 'warning', path, message });
  };

  function uniqueKeys<T>(collection: string, rows: readonly T[], key: (row: T) => string, what: string): Set<string> {
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const k = key(row);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, index);
      else error(`${collection}[${index}]`, `Duplicate ${what} "${k}" (already used by ${collection}[${first}]).`);
    });
    return new Set(seen.keys());
  }
  const byId = (row: { id: string }): string => row.id;

  uniqueKeys('plant.shifts', bundle.plant.shifts, byId, 'shift id');
  const workshopIds = uniqueKeys('workshops', bundle.workshops, byId, 'workshop id');
  const lineIds = uniqueKeys('lines', bundle.lines, byId, 'line id');
  uniqueKeys('workstations', bundle.workstations, byId, 'workstation id');
  uniqueKeys('equipment', bundle.equipment, byId, 'equipment id');
  const itemIds = uniqueKeys('items', bundle.items, byId, 'item id');
  const productIds = uniqueKeys('products', bundle.products, byId, 'product id');
  uniqueKeys('operators', bundle.operators, byId, 'operator id');
  uniqueKeys('operators', bundle.operators, (o) => o.badge, 'badge');
  uniqueKeys('gauges', bundle.gauges, byId, 'gauge id');
  uniqueKeys('lots', bundle.lots, byId, 'lot id');
  uniqueKeys('scrapReasons', bundle.scrapReasons, (r) => r.code, 'scrap reason code');
  uniqueKeys('downtimeReasons', bundle.downtimeReasons, (r) => r.code, 'downtime reason code');
  const defectCodes = uniqueKeys('defectCodes', bundle.defectCodes, (r) => r.code, 'defect code');

  if (bundle.plant.shifts.length > 0 && !bundle.plant.shifts.some((s) => s.startsAt === bundle.plant.dayStartsAt)) {
    warning('plant.dayStartsAt', `The production day starts at ${bundle.plant.dayStartsAt} but no shift starts then.`);
  }

  bundle.items.forEach((item, i) => {
    if (productIds.has(item.id)) {
      warning(
        `items[${i}].id`,
        `Id "${item.id}" is both an item and a product; bills of materials and lots become ambiguous.`,
      );
    }
  });

  const lineById = new Map(bundle.lines.map((l) => [l.id, l]));
  bundle.lines.forEach((line, i) => {
    if (!workshopIds.has(line.workshopId)) {
      error(
        `lines[${i}].workshopId`,
        `Line "${line.id}" refers to workshop "${line.workshopId}", which does not exist.`,
      );
    }
  });

  const equipmentById = new Map(bundle.equipment.map((e) => [e.id, e]));
  bundle.equipment.forEach((eq, i) => {
    if (!lineIds.has(eq.lineId)) {
      error(`equipment[${i}].lineId`, `Equipment "${eq.id}" refers to line "${eq.lineId}", which does not exist.`);
    }
  });

  const workstationById = new Map(bundle.workstations.map((w) => [w.id, w]));
  bundle.workstations.forEach((ws, i) => {
    if (!lineById.has(ws.lineId)) {
      error(`workstations[${i}].lineId`, `Workstation "${ws.id}" refers to line "${ws.lineId}", which does not exist.`);
    }
    ws.equipmentIds.forEach((eqId, j) => {
      const eq = equipmentById.get(eqId);
      if (!eq) {
        error(
          `workstations[${i}].equipmentIds[${j}]`,
          `Workstation "${ws.id}" refers to equipment "${eqId}", which does not exist.`,
        );
      } else if (eq.lineId !== ws.lineId) {
        warning(
          `workstations[${i}].equipmentIds[${j}]`,
          `Workstation "${ws.id}" (line "${ws.lineId}") uses equipment "${eqId}", which belongs to line "${eq.lineId}".`,
        );
      }
    });
  });

  const processesInUse = new Set<string>();
  const gaugesByType = new Map<string, PlantBundle['gauges']>();
  for (const g of bundle.gauges) gaugesByType.set(g.gaugeType, [...(gaugesByType.get(g.gaugeType) ?? []), g]);

  bundle.products.forEach((product, p) => {
    const at = `products[${p}]`;
    const label = `Product "${product.id}"`;

    if (product.gtin !== undefined && !hasValidGs1CheckDigit(product.gtin)) {
      error(`${at}.gtin`, `${label} has GTIN ${product.gtin} with a wrong check digit.`);
    }

    const stepByOperation = new Map<string, PlantBundle['products'][number]['routing'][number]>();
    product.routing.forEach((step, s) => {
      const stepAt = `${at}.routing[${s}]`;
      processesInUse.add(step.process);
      if (stepByOperation.has(step.operation)) {
        error(`${stepAt}.operation`, `${label} has operation ${step.operation} more than once in its routing.`);
      } else {
        stepByOperation.set(step.operation, step);
      }
      const line = lineById.get(step.lineId);
      if (!line) {
        error(`${stepAt}.lineId`, `${label}, operation ${step.operation}: line "${step.lineId}" does not exist.`);
      }
      step.workstationIds.forEach((wsId, w) => {
        const ws = workstationById.get(wsId);
        if (!ws) {
          error(
            `${stepAt}.workstationIds[${w}]`,
            `${label}, operation ${step.operation}: workstation "${wsId}" does not exist.`,
          );
        } else if (line && ws.lineId !== line.id && lineById.has(ws.lineId)) {
          // (a workstation on an unknown line is reported once, at the workstation)
          error(
            `${stepAt}.workstationIds[${w}]`,
            `${label}, operation ${step.operation}: workstation "${wsId}" is on line "${ws.lineId}", not on the step's line "${step.lineId}".`,
          );
        }
      });
    });

    product.bom.forEach((bomLine, b) => {
      const bomAt = `${at}.bom[${b}]`;
      if (bomLine.itemId === product.id) {
        error(`${bomAt}.itemId`, `${label} lists itself in its bill of materials.`);
      } else if (!itemIds.has(bomLine.itemId) && !productIds.has(bomLine.itemId)) {
        error(`${bomAt}.itemId`, `${label}: bill of materials item "${bomLine.itemId}" does not exist.`);
      }
      if (!stepByOperation.has(bomLine.operation)) {
        error(
          `${bomAt}.operation`,
          `${label}: bill of materials line for "${bomLine.itemId}" is issued at operation ${bomLine.operation}, which is not in the routing.`,
        );
      }
    });

    const plannedOperations = new Set<string>();
    const characteristicIds = new Map<string, string>();
    product.inspectionPlans.forEach((plan, ip) => {
      const planAt = `${at}.inspectionPlans[${ip}]`;
      const step = stepByOperation.get(plan.operation);
      if (!step) {
        error(
          `${planAt}.operation`,
          `${label}: inspection plan for operation ${plan.operation}, which is not in the routing.`,
        );
      }
      if (plannedOperations.has(plan.operation)) {
        error(`${planAt}.operation`, `${label} has more than one inspection plan for operation ${plan.operation}.`);
      }
      plannedOperations.add(plan.operation);

      if (plan.patrol && plan.patrol.everyPieces === undefined && plan.patrol.everyMinutes === undefined) {
        warning(
          `${planAt}.patrol`,
          `${label}, operation ${plan.operation}: patrol inspection has neither everyPieces nor everyMinutes, so it never comes due.`,
        );
      }
      plan.final?.sampling.forEach((row, r) => {
        const rowAt = `${planAt}.final.sampling[${r}]`;
        const previous = plan.final?.sampling[r - 1];
        if (previous && row.maxLotSize <= previous.maxLotSize) {
          error(
            `${rowAt}.maxLotSize`,
            `${label}, operation ${plan.operation}: final sampling rows must have increasing maxLotSize (${row.maxLotSize} after ${previous.maxLotSize}).`,
          );
        }
        if (row.sampleSize > row.maxLotSize) {
          error(
            `${rowAt}.sampleSize`,
            `${label}, operation ${plan.operation}: sample size ${row.sampleSize} exceeds the lot size ${row.maxLotSize}.`,
          );
        }
      });

      plan.characteristics.forEach((c, ci) => {
        const cAt = `${planAt}.characteristics[${ci}]`;
        const owner = characteristicIds.get(c.id);
        if (owner !== undefined) {
          error(
            `${cAt}.id`,
            `${label}: characteristic id "${c.id}" is used more than once (first in operation ${owner}).`,
          );
        } else {
          characteristicIds.set(c.id, plan.operation);
        }
        const cLabel = `${label}, characteristic "${c.id}"`;
        if (c.kind === 'attribute') {
          c.defectCodes.forEach((code, d) => {
            if (!defectCodes.has(code))
              error(`${cAt}.defectCodes[${d}]`, `${cLabel}: defect code "${code}" does not exist.`);
          });
          return;
        }
        if (compareDecimalStrings(c.lower, c.nominal) === 1) {
          error(`${cAt}.lower`, `${cLabel}: lower limit ${c.lower} is above the nominal ${c.nominal}.`);
        }
        if (compareDecimalStrings(c.nominal, c.upper) === 1) {
          error(`${cAt}.upper`, `${cLabel}: upper limit ${c.upper} is below the nominal ${c.nominal}.`);
        }
        if (compareDecimalStrings(c.resolution, '0') !== 1) {
          error(`${cAt}.resolution`, `${cLabel}: resolution must be greater than zero.`);
        } else if (
          compareDecimalStrings(c.lower, c.upper) !== 1 &&
          !resolutionFitsTolerance(c.resolution, c.lower, c.upper)
        ) {
          warning(
            `${cAt}.resolution`,
            `${cLabel}: resolution ${c.resolution} ${c.unit} is coarser than a tenth of the tolerance ${c.lower}..${c.upper}.`,
          );
        }
        if (step && !step.gaugeTypes.includes(c.gaugeType)) {
          warning(
            `${cAt}.gaugeType`,
            `${cLabel}: gauge type "${c.gaugeType}" is not listed in operation ${plan.operation}'s gaugeTypes.`,
          );
        }
        const usable = (gaugesByType.get(c.gaugeType) ?? []).filter(
          (g) => g.status === 'active' && g.unit === c.unit && compareDecimalStrings(g.resolution, c.resolution) !== 1,
        );
        if (usable.length === 0) {
          warning(
            `${cAt}.gaugeType`,
            `${cLabel}: no active gauge of type "${c.gaugeType}" reads ${c.unit} at resolution ${c.resolution} or finer.`,
          );
        }
      });
    });
  });

  bundle.operators.forEach((op, o) => {
    op.qualifications.forEach((q, qi) => {
      if (!processesInUse.has(q.process)) {
        warning(
          `operators[${o}].qualifications[${qi}].process`,
          `Operator "${op.id}" is qualified for process "${q.process}", which no routing uses.`,
        );
      }
    });
  });

  bundle.gauges.forEach((g, i) => {
    if (g.lastCalibratedOn !== undefined && g.lastCalibratedOn > g.calibrationDueOn) {
      error(
        `gauges[${i}].lastCalibratedOn`,
        `Gauge "${g.id}" was last calibrated on ${g.lastCalibratedOn}, after its due date ${g.calibrationDueOn}.`,
      );
    }
    if (compareDecimalStrings(g.resolution, '0') !== 1) {
      error(`gauges[${i}].resolution`, `Gauge "${g.id}": resolution must be greater than zero.`);
    }
  });

  bundle.lots.forEach((lot, i) => {
    if (!itemIds.has(lot.itemId) && !productIds.has(lot.itemId)) {
      error(`lots[${i}].itemId`, `Lot "${lot.id}" refers to item "${lot.itemId}", which does not exist.`);
    }
  });

  return problems;
}

export function integrityErrors(problems: readonly IntegrityProblem[]): IntegrityProblem[] {
  return problems.filter((p) => p.level === 'error');
}
