/**
 * The live diagram as the lab page serves it (server-rendered markup), from real check runs on the sandbox deploys:
 * the elements drawn, a failing check's marker focusable and described by its tooltip, the text version, both
 * languages, and the states before a diagram exists.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { ArchitectureView, type DiagramRun } from '@/components/architecture/architecture-view';
import { LiveArchitecture } from '@/components/architecture/live-architecture';
import { architectureSnapshot } from '@/lib/architecture/snapshot';
import { evaluateChecks } from '@/lib/checks/evaluate';
import type { Locale } from '@/lib/i18n/locales';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { createSandbox } from '@/lib/sandbox';
import { deployIntoSandbox, STACK, templateText } from '../content/harness-support';

async function runOf(
  stage: StageId,
  file: 'start.yaml' | 'solution.yaml',
  mutate = (b: string) => b,
): Promise<DiagramRun> {
  const { clients } = await deployIntoSandbox(mutate(templateText(stage, file) ?? ''));
  const inventory = new Inventory(clients, { stackName: STACK });
  const checks = getLab(stage).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
  const [results, architecture] = await Promise.all([
    evaluateChecks(checks, inventory),
    architectureSnapshot(inventory),
  ]);
  return { status: 'finished', error: null, finishedAt: new Date(), results, architecture };
}

const render = (run: DiagramRun | null, locale: Locale = 'en') =>
  renderToStaticMarkup(createElement(ArchitectureView, { run, locale, idPrefix: 'live' }));

/** Keep what the test saw, to look at (test-results is ignored by git). */
function keep(name: string, html: string) {
  mkdirSync('test-results/architecture', { recursive: true });
  writeFileSync(
    `test-results/architecture/${name}.html`,
    `<!doctype html><meta charset="utf-8"><body style="max-width:900px">${html}`,
  );
}

const sshOpen = (b: string) =>
  b.replace(
    'Description: HTTP from the internet',
    'Description: HTTP from the internet\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }',
  );

describe('the live diagram’s markup', () => {
  it('draws stage 00’s instance and Elastic IP, marks the open SSH rule on the instance, focusable and described', async () => {
    const run = await runOf('00-one-user', 'solution.yaml', sshOpen);
    const html = render(run);
    keep('stage-00-ssh-open', html);
    const instanceId = /data-arch-node="(i-[0-9a-f]+)" data-kind="instance"/.exec(html)?.[1];
    expect(instanceId).toBeDefined();
    expect(html).toMatch(/data-kind="elastic-ip"/);
    expect(html).toMatch(/>EIP \d+\.\d+\.\d+\.\d+</);
    // The instance carries a marker: a focusable badge whose description is a tooltip naming the check and evidence.
    const badge = new RegExp(
      `data-arch-node="${instanceId}"[^]*?<g role="button" tabindex="0" aria-label="([^"]+)" aria-describedby="([^"]+)"`,
    ).exec(html);
    expect(badge?.[1]).toContain(`failing checks on EC2 ${instanceId}`);
    const tip = new RegExp(`<div id="${badge?.[2]}" role="tooltip" hidden=""[^>]*>([^]*?)</div>`).exec(html)?.[1] ?? '';
    expect(tip).toContain('sg.no-open-admin-ports');
    expect(tip).toMatch(/sg-[0-9a-f]+: port=22/);
    // The text version lists the same facts.
    expect(html).toContain(`EC2 instance ${instanceId} (web, running, t3.micro)`);
    expect(html).toMatch(/Elastic IP \d+\.\d+\.\d+\.\d+ on instance i-/);
    expect(html).toContain(`sg.no-open-admin-ports fails on EC2 ${instanceId}`);
  });

  it('reads in Korean with the glossary’s words: 가용 영역, 기본 DB 인스턴스, 대기 인스턴스', async () => {
    const run = await runOf('02-high-availability', 'solution.yaml');
    const html = render(run, 'ko');
    keep('stage-02-solution-ko', html);
    expect(html).toContain('가용 영역 us-east-1a');
    expect(html).toContain('기본 DB 인스턴스');
    expect(html).toContain('대기 인스턴스');
    expect(html).toContain('인터넷 경계');
    expect(html).toContain('배포된 아키텍처 텍스트 설명');
    expect(html).not.toContain('data-arch-marker');
    expect(html).toContain('data-failing-elements="0"');
  });

  it('puts the stage’s target diagram beside it on the lab page', async () => {
    const run = await runOf('03-scale-out', 'solution.yaml');
    const html = renderToStaticMarkup(createElement(LiveArchitecture, { stageId: '03-scale-out', locale: 'en', run }));
    keep('stage-03-solution-section', html);
    expect(html).toContain('Stage 03 architecture');
    expect(html).toContain('data-live-diagram-svg');
    expect(html).toContain('Auto Scaling group · 2 (min 2, max');
    expect(html).toContain('Read replica');
  });

  it.each([
    [null, 'none', 'Run the checks'],
    [{ status: 'running', error: null, finishedAt: null, results: [], architecture: null }, 'running', 'running'],
    [
      {
        status: 'failed',
        error: 'Permission missing: sts:GetCallerIdentity.',
        finishedAt: new Date(),
        results: [],
        architecture: null,
      },
      'failed',
      'sts:GetCallerIdentity',
    ],
    [
      { status: 'finished', error: null, finishedAt: new Date(), results: [], architecture: null },
      'old',
      'run the checks again',
    ],
  ] as const)('says what there is before a diagram (%#)', (run, state, text) => {
    const html = render(run as DiagramRun | null);
    expect(html).toContain(`data-live-diagram-state="${state}"`);
    expect(html).toContain(text);
  });

  it('says nothing is deployed on stage 00’s start', async () => {
    const clients = createSandbox({ accountId: '777788889999' }).clientsFor('us-east-1', { maxAttempts: 1 });
    const inventory = new Inventory(clients, { stackName: STACK });
    const html = render({
      status: 'finished',
      error: null,
      finishedAt: new Date(),
      results: [],
      architecture: await architectureSnapshot(inventory),
    });
    expect(html).toContain('data-live-diagram-state="nothing"');
  });
});
