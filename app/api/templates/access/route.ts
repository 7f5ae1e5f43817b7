import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The learner-access bootstrap template, for download or a console quick-create link. */
export async function GET() {
  const body = await readFile(join(process.cwd(), 'templates/access/learner-access.yaml'), 'utf8');
  return new Response(body, {
    headers: {
      'Content-Type': 'application/yaml; charset=utf-8',
      'Content-Disposition': 'attachment; filename="learner-access.yaml"',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
