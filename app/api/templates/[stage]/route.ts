import { z } from 'zod';
import { getLab } from '@/lib/labs/registry';
import { stageIds } from '@/lib/labs/types';
import { launchTemplateName, readLabTemplate } from '@/lib/stacks/lab-template';

const query = z.object({
  stage: z.enum(stageIds),
  file: z.enum(['start', 'solution']).default('start'),
  download: z.enum(['1']).optional(),
});

/**
 * A stage's templates as plain YAML: `?file=start` (what the stage launches) or `?file=solution` (the reference
 * answer the lab lets learners copy from); `&download=1` saves it as a file. Public content, like the lab text.
 */
export async function GET(request: Request, { params }: { params: Promise<{ stage: string }> }) {
  const url = new URL(request.url);
  const parsed = query.safeParse({
    stage: (await params).stage,
    file: url.searchParams.get('file') ?? undefined,
    download: url.searchParams.get('download') ?? undefined,
  });
  if (!parsed.success) return new Response('Unknown stage or file (file=start|solution).', { status: 404 });
  const { stage, file, download } = parsed.data;
  const lab = getLab(stage);
  const name = file === 'start' ? launchTemplateName(stage) : lab.templates.solution;
  const body = await readLabTemplate(stage, name);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/yaml; charset=utf-8',
      ...(download ? { 'Content-Disposition': `attachment; filename="scalelab-${stage}-${file}.yaml"` } : {}),
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
