import { type LabCost, type LabMeta, type PricedRegion, pricedRegions, type RegionalCost } from './types';

export const hoursPerWeek = 168;

export function isPricedRegion(region: string): region is PricedRegion {
  return (pricedRegions as readonly string[]).includes(region);
}

/**
 * The figure for the region a stack runs in. A region the lab is not priced in gets the dearest priced figure, so an
 * estimate errs towards the larger bill rather than the smaller one.
 */
export function costIn(cost: LabCost, region: string): RegionalCost & { region: PricedRegion; exact: boolean } {
  if (isPricedRegion(region)) return { ...cost.byRegion[region], region, exact: true };
  const dearest = [...pricedRegions].sort((a, b) => cost.byRegion[b].hourlyUsd - cost.byRegion[a].hourlyUsd)[0]!;
  return { ...cost.byRegion[dearest], region: dearest, exact: false };
}

/** Lowest and highest hourly figure over the priced regions, for places that show one line per lab. */
export function hourlyRange(lab: Pick<LabMeta, 'cost'>): { low: number; high: number } {
  const hourly = pricedRegions.map((r) => lab.cost.byRegion[r].hourlyUsd);
  return { low: Math.min(...hourly), high: Math.max(...hourly) };
}
