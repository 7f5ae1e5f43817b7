import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/templates/[stage]/route';

const get = (stage: string, query = '') =>
  GET(new Request(`http://localhost/api/templates/${stage}${query}`), { params: Promise.resolve({ stage }) });

describe('the stage templates for download and for the reference solution', () => {
  it('serves what the stage launches, as a file when asked', async () => {
    const res = await get('03-scale-out', '?file=start&download=1');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync('templates/03-scale-out/start.yaml', 'utf8'));
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="scalelab-03-scale-out-start.yaml"');
  });

  it('serves the reference solution inline; stage 00 launches its solution', async () => {
    const res = await get('02-high-availability', '?file=solution');
    expect(await res.text()).toBe(readFileSync('templates/02-high-availability/solution.yaml', 'utf8'));
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(await (await get('00-one-user')).text()).toBe(readFileSync('templates/00-one-user/solution.yaml', 'utf8'));
  });

  it('refuses an unknown stage, another file or a path', async () => {
    for (const [stage, q] of [
      ['99-nope', ''],
      ['03-scale-out', '?file=../../package.json'],
      ['..%2F..%2Fpackage.json', ''],
    ]) {
      expect((await get(stage as string, q as string)).status).toBe(404);
    }
  });
});
