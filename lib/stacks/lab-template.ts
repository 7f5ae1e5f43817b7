import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';

/** The template a stage launches: its start (the previous stage's solution), or the solution when it has none. */
export function launchTemplateName(stageId: StageId): string {
  const lab = getLab(stageId);
  return lab.templates.start ?? lab.templates.solution;
}

export async function readLabTemplate(stageId: StageId, name = launchTemplateName(stageId)): Promise<string> {
  return readFile(join(process.cwd(), 'templates', stageId, name), 'utf8');
}
