/**
 * The plant bundle: master data the production department maintains at central and every
 * terminal receives through the `plant`, `catalog`, `people`, `gauges` and `inventory` streams.
 * `resources/demo/plant.json` is one, validated by `plantBundleSchema` (and its JSON Schema).
 */
import { z } from 'zod';
import { clockTime, decimalString, id, isoDate, localizedText, qty } from './ids';

export const roles = ['operator', 'inspector', 'supervisor', 'planner', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const plantSettingsSchema = z.object({
  id,
  name: z.string().min(1),
  timezone: z.string().min(1).default('Europe/Madrid'),
  dayStartsAt: clockTime.default('06:00'),
  shifts: z
    .array(z.object({ id, name: z.string(), startsAt: clockTime }))
    .default([{ id: 'A', name: 'A', startsAt: '06:00' }]),
  gs1CompanyPrefix: z.string().regex(/^\d{6,12}$/).optional(),
  /** Lot numbering rule (src/shared/trace/numbering.ts); default `{yymmdd}-{ws}-{seq}`. */
  lotNumbering: z.string().min(1).max(60).optional(),
  /** SSCC extension digit for package ids (default 0). */
  ssccExtension: z.string().regex(/^\d$/).optional(),
  calibrationWarningDays: z.number().int().nonnegative().default(14),
  firstArticleStopLimitMinutes: z.number().int().positive().default(120),
  requirePin: z.boolean().default(false),
});
export type PlantSettings = z.infer<typeof plantSettingsSchema>;

export const workshopSchema = z.object({ id, name: z.string().min(1) });
export const lineSchema = z.object({ id, workshopId: id, name: z.string().min(1) });
export const workstationSchema = z.object({
  id,
  lineId: id,
  name: z.string().min(1),
  equipmentIds: z.array(id).default([]),
});
export const equipmentStatus = z.enum(['available', 'down', 'maintenance']);
export const equipmentSchema = z.object({
  id,
  name: z.string().min(1),
  lineId: id,
  status: equipmentStatus.default('available'),
});

export const itemSchema = z.object({
  id,
  name: z.string().min(1),
  unit: z.string().min(1).default('pcs'),
  kind: z.enum(['raw', 'component', 'packaging']).default('raw'),
});

export const characteristicSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('variable'),
    id,
    name: z.string().min(1),
    nominal: decimalString,
    lower: decimalString,
    upper: decimalString,
    unit: z.string().min(1),
    /** Finest resolution the gauge must have, e.g. "0.01". */
    resolution: decimalString,
    gaugeType: z.string().min(1),
  }),
  z.object({
    kind: z.literal('attribute'),
    id,
    name: z.string().min(1),
    defectCodes: z.array(z.string()).default([]),
  }),
]);
export type Characteristic = z.infer<typeof characteristicSchema>;

export const inspectionPlanSchema = z.object({
  operation: z.string().min(1),
  characteristics: z.array(characteristicSchema).min(1),
  firstArticle: z.object({ sampleSize: z.number().int().positive().default(1) }).default({ sampleSize: 1 }),
  patrol: z
    .object({
      everyPieces: z.number().int().positive().optional(),
      everyMinutes: z.number().int().positive().optional(),
      sampleSize: z.number().int().positive().default(1),
    })
    .optional(),
  final: z
    .object({
      /** Sample size by lot size: the first row whose maxLotSize >= lot size applies. */
      sampling: z.array(z.object({ maxLotSize: z.number().int().positive(), sampleSize: z.number().int().positive() })),
    })
    .optional(),
});

export const routingStepSchema = z.object({
  /** Operation number within the routing, e.g. "10", "20"; a work order id is `<order>/<operation>`. */
  operation: z.string().regex(/^\d{1,4}$/),
  name: localizedText,
  /** The process (skill) an operator must be qualified for. */
  process: id,
  lineId: id,
  workstationIds: z.array(id).min(1),
  standardMinutesPerPiece: z.number().positive().optional(),
  gaugeTypes: z.array(z.string()).default([]),
});
export const bomLineSchema = z.object({ itemId: id, qtyPer: z.number().positive(), operation: z.string() });

export const productSchema = z.object({
  id,
  name: z.string().min(1),
  unit: z.string().default('pcs'),
  gtin: z.string().regex(/^\d{14}$/).optional(),
  /** Serial-numbered product: each good piece gets a serial (AI 21) with its lot. */
  serialized: z.boolean().optional(),
  routing: z.array(routingStepSchema).min(1),
  bom: z.array(bomLineSchema).default([]),
  inspectionPlans: z.array(inspectionPlanSchema).default([]),
});
export type Product = z.infer<typeof productSchema>;

export const qualificationSchema = z.object({ process: id, validUntil: isoDate });
export const operatorSchema = z.object({
  id,
  name: z.string().min(1),
  badge: z.string().min(1),
  /** SHA-256 hex of the PIN, where the plant uses PINs. */
  pinHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  roles: z.array(roleSchema).min(1),
  qualifications: z.array(qualificationSchema).default([]),
});
export type Operator = z.infer<typeof operatorSchema>;

export const gaugeStatus = z.enum(['active', 'blocked', 'out-of-tolerance']);
export const gaugeSchema = z.object({
  id,
  name: z.string().min(1),
  /** Kind of instrument (caliper, micrometer, balance...), matched against characteristics' gaugeType. */
  gaugeType: z.string().min(1),
  unit: z.string().min(1),
  resolution: decimalString,
  calibrationDueOn: isoDate,
  lastCalibratedOn: isoDate.optional(),
  certificate: z.string().optional(),
  status: gaugeStatus.default('active'),
});
export type Gauge = z.infer<typeof gaugeSchema>;

export const lotStatus = z.enum(['released', 'quarantine', 'hold', 'consumed']);
export const materialLotSchema = z.object({
  id,
  itemId: id,
  qty: z.number().nonnegative(),
  location: z.string().min(1),
  status: lotStatus.default('released'),
  receivedOn: isoDate.optional(),
});

export const reasonSchema = z.object({ code: z.string().min(1), name: localizedText });

export const plantBundleSchema = z.object({
  schemaVersion: z.literal(1),
  plant: plantSettingsSchema,
  workshops: z.array(workshopSchema).min(1),
  lines: z.array(lineSchema).min(1),
  workstations: z.array(workstationSchema).min(1),
  equipment: z.array(equipmentSchema).default([]),
  items: z.array(itemSchema).default([]),
  products: z.array(productSchema).default([]),
  operators: z.array(operatorSchema).default([]),
  gauges: z.array(gaugeSchema).default([]),
  lots: z.array(materialLotSchema).default([]),
  scrapReasons: z.array(reasonSchema).default([]),
  downtimeReasons: z.array(reasonSchema).default([]),
  defectCodes: z.array(reasonSchema).default([]),
});
export type PlantBundle = z.infer<typeof plantBundleSchema>;
export type PlantBundleInput = z.input<typeof plantBundleSchema>;
export { qty };
