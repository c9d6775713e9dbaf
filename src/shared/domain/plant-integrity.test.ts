import { describe, expect, it } from 'vitest';
import { plantBundleSchema, type PlantBundleInput } from './plant';
import { checkPlantIntegrity, compareDecimalStrings, integrityErrors, type IntegrityProblem } from './plant-integrity';

/** A small plant with no problems at all; each test breaks one thing. */
function baseInput(): PlantBundleInput {
  return {
    schemaVersion: 1,
    plant: { id: 'P1', name: 'Test plant', shifts: [{ id: 'A', name: 'Morning', startsAt: '06:00' }] },
    workshops: [{ id: 'W1', name: 'Machining' }],
    lines: [
      { id: 'L1', workshopId: 'W1', name: 'Turning' },
      { id: 'L2', workshopId: 'W1', name: 'Milling' },
    ],
    workstations: [
      { id: 'WS1', lineId: 'L1', name: 'Lathe 1', equipmentIds: ['EQ1'] },
      { id: 'WS2', lineId: 'L2', name: 'Mill 1' },
    ],
    equipment: [
      { id: 'EQ1', name: 'CNC lathe', lineId: 'L1' },
      { id: 'EQ2', name: 'Machining centre', lineId: 'L2' },
    ],
    items: [{ id: 'RM1', name: 'Steel bar', unit: 'm' }],
    products: [
      {
        id: 'SHAFT',
        name: 'Shaft',
        gtin: '04006381333931',
        routing: [
          {
            operation: '10',
            name: { es: 'Torneado', en: 'Turning' },
            process: 'TURN',
            lineId: 'L1',
            workstationIds: ['WS1'],
            gaugeTypes: ['micrometer'],
          },
          {
            operation: '20',
            name: { es: 'Fresado', en: 'Milling' },
            process: 'MILL',
            lineId: 'L2',
            workstationIds: ['WS2'],
          },
        ],
        bom: [{ itemId: 'RM1', qtyPer: 0.05, operation: '10' }],
        inspectionPlans: [
          {
            operation: '10',
            patrol: { everyPieces: 50 },
            final: {
              sampling: [
                { maxLotSize: 15, sampleSize: 2 },
                { maxLotSize: 90, sampleSize: 5 },
              ],
            },
            characteristics: [
              {
                kind: 'variable',
                id: 'C1',
                name: 'Diameter',
                nominal: '12.000',
                lower: '11.982',
                upper: '12.000',
                unit: 'mm',
                resolution: '0.001',
                gaugeType: 'micrometer',
              },
              { kind: 'attribute', id: 'C2', name: 'Thread go/no-go', defectCodes: ['D1'] },
            ],
          },
        ],
      },
      {
        id: 'KIT',
        name: 'Kit',
        routing: [
          {
            operation: '10',
            name: { es: 'Montaje', en: 'Assembly' },
            process: 'MILL',
            lineId: 'L2',
            workstationIds: ['WS2'],
          },
        ],
        bom: [{ itemId: 'SHAFT', qtyPer: 1, operation: '10' }],
      },
    ],
    operators: [
      {
        id: 'OP1',
        name: 'Ana',
        badge: 'B-1',
        roles: ['operator'],
        qualifications: [{ process: 'TURN', validUntil: '2028-12-31' }],
      },
      { id: 'OP2', name: 'Luis', badge: 'B-2', roles: ['inspector'] },
    ],
    gauges: [
      {
        id: 'G1',
        name: 'Micrometer',
        gaugeType: 'micrometer',
        unit: 'mm',
        resolution: '0.001',
        calibrationDueOn: '2028-12-31',
        lastCalibratedOn: '2026-12-01',
      },
    ],
    lots: [
      { id: 'LOT1', itemId: 'RM1', qty: 100, location: 'A-01' },
      { id: 'LOT2', itemId: 'SHAFT', qty: 20, location: 'B-01' },
    ],
    scrapReasons: [{ code: 'S1', name: { es: 'Cota', en: 'Dimension' } }],
    downtimeReasons: [{ code: 'T1', name: { es: 'Avería', en: 'Breakdown' } }],
    defectCodes: [{ code: 'D1', name: { es: 'Rosca', en: 'Thread' } }],
  };
}

type Input = ReturnType<typeof baseInput>;
/** Non-null access into the fixture: the fixture's shape is known, a miss is a broken test. */
function at<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('fixture index out of range');
  return value;
}
const product = (b: Input, i = 0) => at(at(b.products)[i]);
const plan = (b: Input) => at(at(product(b).inspectionPlans)[0]);
const diameter = (b: Input) => {
  const c = at(plan(b).characteristics[0]);
  if (c.kind !== 'variable') throw new Error('fixture characteristic 0 is variable');
  return c;
};

function problemsAfter(mutate: (bundle: Input) => void): IntegrityProblem[] {
  const input = structuredClone(baseInput());
  mutate(input);
  return checkPlantIntegrity(plantBundleSchema.parse(input));
}

function expectOnly(
  problems: IntegrityProblem[],
  level: IntegrityProblem['level'],
  path: string,
  ...mentions: string[]
): void {
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  expect(problem?.level).toBe(level);
  expect(problem?.path).toBe(path);
  for (const text of mentions) expect(problem?.message).toContain(text);
}

describe('compareDecimalStrings', () => {
  it.each([
    ['12.000', '12', 0],
    ['9.5', '10.0', -1],
    ['11.982', '12.000', -1],
    ['-0.050', '0.000', -1],
    ['-0.05', '-0.050', 0],
    ['-1.2', '-1.15', -1],
    ['0.30000000000000001', '0.3', 1],
    ['100', '99.999', 1],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(compareDecimalStrings(a, b)).toBe(expected);
    expect(compareDecimalStrings(b, a)).toBe(expected === 0 ? 0 : -expected);
  });

  it('returns null for text that is not a decimal', () => {
    expect(compareDecimalStrings('1e3', '1')).toBeNull();
    expect(compareDecimalStrings('1', '')).toBeNull();
  });
});

describe('checkPlantIntegrity', () => {
  it('finds nothing wrong with a consistent plant', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  it.each([
    ['workshops', (b: Input) => b.workshops.push({ id: 'W1', name: 'Again' }), 'workshops[1]', 'W1'],
    ['lines', (b: Input) => b.lines.push({ id: 'L2', workshopId: 'W1', name: 'Again' }), 'lines[2]', 'L2'],
    [
      'workstations',
      (b: Input) => b.workstations.push({ id: 'WS1', lineId: 'L1', name: 'Again' }),
      'workstations[2]',
      'WS1',
    ],
    [
      'equipment',
      (b: Input) => at(b.equipment).push({ id: 'EQ2', name: 'Again', lineId: 'L2' }),
      'equipment[2]',
      'EQ2',
    ],
    ['items', (b: Input) => at(b.items).push({ id: 'RM1', name: 'Again' }), 'items[1]', 'RM1'],
    [
      'operators',
      (b: Input) => at(b.operators).push({ id: 'OP2', name: 'Again', badge: 'B-9', roles: ['admin'] }),
      'operators[2]',
      'OP2',
    ],
    ['gauges', (b: Input) => at(b.gauges).push({ ...at(at(b.gauges)[0]) }), 'gauges[1]', 'G1'],
    ['lots', (b: Input) => at(b.lots).push({ id: 'LOT1', itemId: 'RM1', qty: 1, location: 'X' }), 'lots[2]', 'LOT1'],
    [
      'badges',
      (b: Input) => at(b.operators).push({ id: 'OP3', name: 'Eva', badge: 'B-1', roles: ['operator'] }),
      'operators[2]',
      'B-1',
    ],
    [
      'shifts',
      (b: Input) => at(b.plant.shifts).push({ id: 'A', name: 'Late', startsAt: '14:00' }),
      'plant.shifts[1]',
      '"A"',
    ],
    [
      'defect codes',
      (b: Input) => at(b.defectCodes).push({ code: 'D1', name: { es: 'x', en: 'x' } }),
      'defectCodes[1]',
      'D1',
    ],
    [
      'scrap reasons',
      (b: Input) => at(b.scrapReasons).push({ code: 'S1', name: { es: 'x', en: 'x' } }),
      'scrapReasons[1]',
      'S1',
    ],
    [
      'downtime reasons',
      (b: Input) => at(b.downtimeReasons).push({ code: 'T1', name: { es: 'x', en: 'x' } }),
      'downtimeReasons[1]',
      'T1',
    ],
  ])('reports duplicate %s', (_what, mutate, path, id) => {
    expectOnly(problemsAfter(mutate), 'error', path, id, 'Duplicate');
  });

  it('reports a duplicate product id', () => {
    expectOnly(
      problemsAfter((b) => at(b.products).push({ ...product(b, 1), bom: [] })),
      'error',
      'products[2]',
      '"KIT"',
      'Duplicate',
    );
  });

  it('reports a line in a workshop that does not exist', () => {
    expectOnly(
      problemsAfter((b) => void (at(b.lines[1]).workshopId = 'W9')),
      'error',
      'lines[1].workshopId',
      'L2',
      'W9',
    );
  });

  it('reports a workstation on a line that does not exist', () => {
    expectOnly(
      problemsAfter((b) => void (at(b.workstations[1]).lineId = 'L9')),
      'error',
      'workstations[1].lineId',
      'WS2',
      'L9',
    );
  });

  it('reports a workstation using equipment that does not exist', () => {
    expectOnly(
      problemsAfter((b) => void (at(b.workstations[1]).equipmentIds = ['EQ9'])),
      'error',
      'workstations[1].equipmentIds[0]',
      'WS2',
      'EQ9',
    );
  });

  it('warns when a workstation uses equipment of another line', () => {
    expectOnly(
      problemsAfter((b) => void (at(b.workstations[1]).equipmentIds = ['EQ1'])),
      'warning',
      'workstations[1].equipmentIds[0]',
      'WS2',
      'EQ1',
      'L1',
    );
  });

  it('reports equipment on a line that does not exist', () => {
    expectOnly(
      problemsAfter((b) => void (at(at(b.equipment)[1]).lineId = 'L9')),
      'error',
      'equipment[1].lineId',
      'EQ2',
      'L9',
    );
  });

  it('reports a routing step on a line that does not exist', () => {
    const problems = problemsAfter((b) => void (at(product(b).routing[1]).lineId = 'L9'));
    expectOnly(problems, 'error', 'products[0].routing[1].lineId', 'SHAFT', 'L9');
  });

  it('reports a routing step at a workstation that does not exist', () => {
    const problems = problemsAfter((b) => void (at(product(b).routing[1]).workstationIds = ['WS2', 'WS9']));
    expectOnly(problems, 'error', 'products[0].routing[1].workstationIds[1]', 'SHAFT', 'WS9');
  });

  it('reports a routing step at a workstation of another line', () => {
    const problems = problemsAfter((b) => void (at(product(b).routing[0]).workstationIds = ['WS2']));
    expectOnly(problems, 'error', 'products[0].routing[0].workstationIds[0]', 'SHAFT', 'WS2', 'L2', 'L1');
  });

  it('reports an operation number used twice in a routing', () => {
    const problems = problemsAfter((b) => void (at(product(b).routing[1]).operation = '10'));
    expectOnly(problems, 'error', 'products[0].routing[1].operation', 'SHAFT', '10');
  });

  it('reports a bill of materials item that does not exist, and accepts another product', () => {
    const problems = problemsAfter((b) => void (at(at(product(b).bom)[0]).itemId = 'RM9'));
    expectOnly(problems, 'error', 'products[0].bom[0].itemId', 'SHAFT', 'RM9');
  });

  it('reports a product listed in its own bill of materials', () => {
    const problems = problemsAfter((b) => void (at(at(product(b, 1).bom)[0]).itemId = 'KIT'));
    expectOnly(problems, 'error', 'products[1].bom[0].itemId', 'KIT');
  });

  it('reports a bill of materials line issued at an operation not in the routing', () => {
    const problems = problemsAfter((b) => void (at(at(product(b).bom)[0]).operation = '30'));
    expectOnly(problems, 'error', 'products[0].bom[0].operation', 'SHAFT', 'RM1', '30');
  });

  it('reports an inspection plan for an operation not in the routing', () => {
    const problems = problemsAfter((b) => void (plan(b).operation = '30'));
    expectOnly(problems, 'error', 'products[0].inspectionPlans[0].operation', 'SHAFT', '30');
  });

  it('reports two inspection plans for the same operation', () => {
    const problems = problemsAfter((b) => {
      at(product(b).inspectionPlans).push({
        operation: '10',
        characteristics: [{ kind: 'attribute', id: 'C9', name: 'Burrs' }],
      });
    });
    expectOnly(problems, 'error', 'products[0].inspectionPlans[1].operation', 'SHAFT', '10');
  });

  it('reports a characteristic id used twice in a product', () => {
    const problems = problemsAfter((b) => {
      at(product(b).inspectionPlans).push({
        operation: '20',
        characteristics: [{ kind: 'attribute', id: 'C2', name: 'Burrs' }],
      });
    });
    expectOnly(problems, 'error', 'products[0].inspectionPlans[1].characteristics[0].id', 'C2');
  });

  it('reports a lower limit above the nominal', () => {
    const problems = problemsAfter((b) => void (diameter(b).lower = '12.0001'));
    expectOnly(problems, 'error', 'products[0].inspectionPlans[0].characteristics[0].lower', 'C1', '12.0001', '12.000');
  });

  it('reports an upper limit below the nominal', () => {
    const problems = problemsAfter((b) => void (diameter(b).upper = '11.999'));
    expectOnly(problems, 'error', 'products[0].inspectionPlans[0].characteristics[0].upper', 'C1', '11.999');
  });

  it('compares limits as decimals, not as binary floats', () => {
    // As doubles 0.30000000000000001 === 0.3; as written, the lower limit is above the nominal.
    const problems = problemsAfter((b) => {
      Object.assign(diameter(b), { nominal: '0.3', lower: '0.30000000000000001', upper: '0.4', resolution: '0.001' });
    });
    expectOnly(problems, 'error', 'products[0].inspectionPlans[0].characteristics[0].lower', 'C1');
  });

  it('accepts limits written with a different number of decimals than the nominal', () => {
    expect(
      problemsAfter((b) => void Object.assign(diameter(b), { nominal: '12', lower: '11.982', upper: '12.0' })),
    ).toEqual([]);
  });

  it('warns when the required resolution is coarser than a tenth of the tolerance', () => {
    const problems = problemsAfter((b) => void (diameter(b).resolution = '0.002'));
    expect(problems).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        path: 'products[0].inspectionPlans[0].characteristics[0].resolution',
      }),
    );
  });

  it('reports a resolution of zero', () => {
    const problems = problemsAfter((b) => void (diameter(b).resolution = '0.000'));
    expect(integrityErrors(problems)).toEqual([
      expect.objectContaining({ path: 'products[0].inspectionPlans[0].characteristics[0].resolution' }),
    ]);
  });

  it("warns when a characteristic's gauge type is not listed on its routing step", () => {
    const problems = problemsAfter((b) => void (at(product(b).routing[0]).gaugeTypes = ['caliper']));
    expectOnly(problems, 'warning', 'products[0].inspectionPlans[0].characteristics[0].gaugeType', 'C1', 'micrometer');
  });

  it('warns when no active gauge can read a characteristic', () => {
    const blocked = problemsAfter((b) => void (at(at(b.gauges)[0]).status = 'blocked'));
    expectOnly(blocked, 'warning', 'products[0].inspectionPlans[0].characteristics[0].gaugeType', 'C1', 'micrometer');
    const coarse = problemsAfter((b) => void (at(at(b.gauges)[0]).resolution = '0.01'));
    expectOnly(coarse, 'warning', 'products[0].inspectionPlans[0].characteristics[0].gaugeType', '0.001');
    const otherUnit = problemsAfter((b) => void (at(at(b.gauges)[0]).unit = 'in'));
    expectOnly(otherUnit, 'warning', 'products[0].inspectionPlans[0].characteristics[0].gaugeType', 'mm');
  });

  it('reports an attribute characteristic with a defect code that does not exist', () => {
    const problems = problemsAfter((b) => {
      const c = at(plan(b).characteristics[1]);
      if (c.kind === 'attribute') c.defectCodes = ['D1', 'D7'];
    });
    expectOnly(problems, 'error', 'products[0].inspectionPlans[0].characteristics[1].defectCodes[1]', 'C2', 'D7');
  });

  it('reports final sampling rows out of order and samples larger than the lot', () => {
    const unordered = problemsAfter(
      (b) =>
        void (at(plan(b).final).sampling = [
          { maxLotSize: 90, sampleSize: 5 },
          { maxLotSize: 15, sampleSize: 2 },
        ]),
    );
    expectOnly(unordered, 'error', 'products[0].inspectionPlans[0].final.sampling[1].maxLotSize', '15', '90');
    const oversized = problemsAfter((b) => void (at(plan(b).final).sampling = [{ maxLotSize: 3, sampleSize: 5 }]));
    expectOnly(oversized, 'error', 'products[0].inspectionPlans[0].final.sampling[0].sampleSize', '5', '3');
  });

  it('warns about a patrol inspection that never comes due', () => {
    const problems = problemsAfter((b) => void (plan(b).patrol = { sampleSize: 2 }));
    expectOnly(problems, 'warning', 'products[0].inspectionPlans[0].patrol', 'SHAFT');
  });

  it('warns about a qualification for a process no routing uses', () => {
    const problems = problemsAfter(
      (b) => void at(at(at(b.operators)[0]).qualifications).push({ process: 'WELD', validUntil: '2028-01-31' }),
    );
    expectOnly(problems, 'warning', 'operators[0].qualifications[1].process', 'OP1', 'WELD');
  });

  it('reports a lot of an item that does not exist', () => {
    expectOnly(
      problemsAfter((b) => void (at(at(b.lots)[0]).itemId = 'RM9')),
      'error',
      'lots[0].itemId',
      'LOT1',
      'RM9',
    );
  });

  it('reports a gauge calibrated after its due date', () => {
    const problems = problemsAfter((b) => void (at(at(b.gauges)[0]).lastCalibratedOn = '2029-01-15'));
    expectOnly(problems, 'error', 'gauges[0].lastCalibratedOn', 'G1', '2029-01-15');
  });

  it('reports a GTIN with a wrong check digit', () => {
    expectOnly(
      problemsAfter((b) => void (product(b).gtin = '04006381333932')),
      'error',
      'products[0].gtin',
      'SHAFT',
      '04006381333932',
    );
  });

  it('warns about an id that is both an item and a product', () => {
    expectOnly(
      problemsAfter((b) => void at(b.items).push({ id: 'KIT', name: 'Kit box' })),
      'warning',
      'items[1].id',
      'KIT',
    );
  });

  it('warns when no shift starts when the production day starts', () => {
    expectOnly(
      problemsAfter((b) => void (b.plant.dayStartsAt = '07:00')),
      'warning',
      'plant.dayStartsAt',
      '07:00',
    );
  });

  it('separates errors from warnings', () => {
    const problems = problemsAfter((b) => {
      b.plant.dayStartsAt = '07:00';
      at(b.lines[1]).workshopId = 'W9';
    });
    expect(problems.map((p) => p.level).sort()).toEqual(['error', 'warning']);
    expect(integrityErrors(problems).map((p) => p.path)).toEqual(['lines[1].workshopId']);
  });
});
