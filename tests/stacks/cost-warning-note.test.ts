import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CostWarningNote, usdRange } from '@/components/stacks/cost-warning';
import { type CostWarning, costWarning } from '@/lib/stacks/cost-warnings';

// The warning the preview computes for stage 06's primary turning the stretch on (tests/stacks/cost-warnings.test.ts).
const stretch = costWarning({
  templateBody: readFileSync('templates/06-go-global/solution.yaml', 'utf8'),
  parameters: { AuroraGlobalDatabase: 'true', AuroraInstanceClass: 'db.serverless' },
  changes: [
    { action: 'Modify', logicalId: 'AuroraWriter', resourceType: 'AWS::RDS::DBInstance' },
    { action: 'Modify', logicalId: 'AuroraReader', resourceType: 'AWS::RDS::DBInstance' },
    { action: 'Add', logicalId: 'GlobalCluster', resourceType: 'AWS::RDS::GlobalCluster' },
  ],
  region: 'us-east-1',
}) as CostWarning;
const html = (warning: CostWarning, locale: 'en' | 'ko') =>
  renderToStaticMarkup(createElement(CostWarningNote, { warning, locale }));

describe('the preview’s cost warning', () => {
  it('states the global database’s hourly and weekly range in English', () => {
    const out = html(stretch, 'en');
    expect(out).toContain('Cost warning');
    expect(out).toContain(
      '2 Aurora instances in this Region (db.serverless): about 0.12–0.48 USD an hour, 20–81 USD a week.',
    );
    expect(out).toContain('0.20 USD per million');
    expect(out).toContain('On-demand prices of us-east-1.');
    expect(out).toContain('data-cost-warning="global-database"');
  });

  it('states it in Korean on a Korean page, with the estimate named', () => {
    const out = html({ ...stretch, pricedAs: 'ap-northeast-2', estimated: true }, 'ko');
    expect(out).toContain('비용 경고');
    expect(out).toContain('이 리전의 Aurora 인스턴스 2개(db.serverless): 시간당 약 0.12–0.48 USD, 일주일에 20–81 USD.');
    expect(out).toContain('ap-northeast-2 요금으로 계산했습니다');
  });

  it('shows one figure for provisioned instances and names what it could not price', () => {
    const out = html(
      {
        ...stretch,
        globalDatabase: false,
        replicatedWritesPerMillionUsd: null,
        instances: [{ logicalId: 'Writer', instanceClass: 'db.r6g.large' }],
        hourlyUsd: { min: 0.26, max: 0.26 },
        weeklyUsd: { min: 44, max: 44 },
        unpriced: ['db.x2g.large'],
      },
      'en',
    );
    expect(out).toContain('1 Aurora instance in this Region (db.r6g.large): about 0.26 USD an hour, 44 USD a week.');
    expect(out).not.toContain('replicated');
    expect(out).not.toContain('ACU-hour');
    expect(out).toContain('db.x2g.large');
  });

  it('writes a range only when it is one', () => {
    expect(usdRange({ min: 0.1, max: 0.1 }, 2)).toBe('0.10');
    expect(usdRange({ min: 30.2, max: 121 }, 0)).toBe('30–121');
  });
});
