/**
 * Writes resources/demo/plant.schema.json, the JSON Schema of a plant bundle, from the zod schema
 * that central and the terminals validate with (src/shared/domain/plant.ts). Run after changing
 * that schema: `npx tsx scripts/gen-plant-schema.ts`. A unit test (src/shared/domain/demo.test.ts)
 * fails when the committed file and the zod schema disagree.
 *
 * Input mode: the schema describes what a person may write in the file (fields with defaults are
 * optional), not the parsed result.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { plantBundleSchema } from '../src/shared/domain/plant';

const target = fileURLToPath(new URL('../resources/demo/plant.schema.json', import.meta.url));
const schema = z.toJSONSchema(plantBundleSchema, { io: 'input' });
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`Wrote ${target}`);
