/** Loads resources/labels/<kind>.json, falling back to the built-in template when it is missing or invalid. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultTemplates, labelTemplateSchema, type LabelTemplate } from '../../shared/labels/template';
import { projectRoot } from '../paths';

export async function loadTemplate(kind: 'lot' | 'package', dir = join(projectRoot(), 'resources', 'labels')): Promise<{ template: LabelTemplate; warning?: string }> {
  try {
    const raw = JSON.parse(await readFile(join(dir, `${kind}.json`), 'utf8')) as unknown;
    const parsed = labelTemplateSchema.safeParse(raw);
    if (parsed.success && parsed.data.kind === kind) return { template: parsed.data };
    return { template: defaultTemplates[kind], warning: `resources/labels/${kind}.json is not a valid ${kind} template; the built-in one was used` };
  } catch (e) {
    return { template: defaultTemplates[kind], warning: `resources/labels/${kind}.json could not be read (${e instanceof Error ? e.message : String(e)}); the built-in one was used` };
  }
}
