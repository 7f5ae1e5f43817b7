import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CostNote, hourlyCostLabel } from '@/components/mdx/cost-note';
import { translator } from '@/lib/i18n/messages';
import { costIn, hourlyRange, hoursPerWeek } from '@/lib/labs/cost';
import { labs } from '@/lib/labs/registry';
import { type LabCost, pricedRegions } from '@/lib/labs/types';

describe('every lab prices its stage in us-east-1 and Seoul', () => {
  it.each(labs.map((l) => [l.id, l] as const))(
    '%s has both regions, a price date and what the figure covers',
    (_, lab) => {
      expect(lab.cost.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(lab.cost.pricesAsOf))).toBe(false);
      expect(Object.keys(lab.cost.byRegion).sort()).toEqual([...pricedRegions].sort());
      for (const region of pricedRegions) {
        const { hourlyUsd, weeklyUsd } = lab.cost.byRegion[region];
        expect(hourlyUsd, `${lab.id} ${region}`).toBeGreaterThan(0);
        // A week is 168 hours; the weekly figure may round, never drift.
        expect(
          Math.abs(weeklyUsd - hourlyUsd * hoursPerWeek),
          `${lab.id} ${region}: weekly vs hourly × 168`,
        ).toBeLessThan(0.01 * weeklyUsd + 0.01);
      }
      expect(lab.cost.note?.en.trim()).toBeTruthy();
      expect(lab.cost.note?.ko).toMatch(/[가-힣]/);
    },
  );

  it.each(labs.map((l) => [l.id, l] as const))('%s says which waits its minutes include', (_, lab) => {
    expect(lab.minutes).toBeGreaterThan(0);
    expect(lab.waits.en).toMatch(/minute/);
    expect(lab.waits.ko).toMatch(/분/);
  });

  it('gets dearer as the architecture grows, in both regions', () => {
    for (const region of pricedRegions) {
      const hourly = labs.map((l) => l.cost.byRegion[region].hourlyUsd);
      expect(
        [...hourly].sort((a, b) => a - b),
        region,
      ).toEqual(hourly);
    }
  });

  it('gives the stages with a database or a cache enough minutes for AWS to create and delete them', () => {
    // RDS takes ~10 min to create and 5–10 to delete; Multi-AZ conversion 10–30; ElastiCache 10–20 to create.
    const byId = Object.fromEntries(labs.map((l) => [l.id, l.minutes]));
    expect(byId['01-split-database']).toBeGreaterThanOrEqual(60);
    expect(byId['02-high-availability']).toBeGreaterThanOrEqual(90);
    expect(byId['04-cache-automate-secure']).toBeGreaterThanOrEqual(100);
  });
});

describe('the figure a page shows', () => {
  const cost: LabCost = {
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.114, weeklyUsd: 19.15 },
      'ap-northeast-2': { hourlyUsd: 0.138, weeklyUsd: 23.18 },
    },
  };

  it('uses the stack region’s figure, and the dearest one for a region it does not price', () => {
    expect(costIn(cost, 'ap-northeast-2')).toMatchObject({ hourlyUsd: 0.138, exact: true });
    expect(costIn(cost, 'us-east-1')).toMatchObject({ hourlyUsd: 0.114, exact: true });
    expect(costIn(cost, 'eu-west-1')).toMatchObject({ hourlyUsd: 0.138, region: 'ap-northeast-2', exact: false });
  });

  it('shows a range when the regions differ and one figure when they round alike', () => {
    expect(hourlyRange({ cost })).toEqual({ low: 0.114, high: 0.138 });
    expect(hourlyCostLabel({ cost }, translator('en'))).toBe('≈ 0.11–0.14 USD/h');
    const same: LabCost = {
      ...cost,
      byRegion: {
        'us-east-1': { hourlyUsd: 0.016, weeklyUsd: 2.69 },
        'ap-northeast-2': { hourlyUsd: 0.019, weeklyUsd: 3.19 },
      },
    };
    expect(hourlyCostLabel({ cost: same }, translator('ko'))).toBe('시간당 약 0.02 USD');
  });
});

describe('the cost note on a lab page', () => {
  const lab = labs.find((l) => l.id === '04-cache-automate-secure')!;

  it.each(['en', 'ko'] as const)(
    'shows both regions per hour and per week, the price date and the estimate (%s)',
    (locale) => {
      const html = renderToStaticMarkup(createElement(CostNote, { lab, locale, t: translator(locale) }));
      for (const region of pricedRegions) {
        expect(html).toContain(`data-region="${region}"`);
        expect(html).toContain(region);
        expect(html).toContain(lab.cost.byRegion[region].hourlyUsd.toFixed(3));
        expect(html).toContain(lab.cost.byRegion[region].weeklyUsd.toFixed(2));
      }
      expect(html).toContain(lab.cost.pricesAsOf);
      expect(html).toContain(lab.waits[locale]);
      expect(html).toContain(lab.cost.caveat![locale]);
    },
  );
});
