import { describe, expect, it } from 'vitest';
import { runDrill } from '@/lib/gameday/engine';
import type { DrillResult } from '@/lib/gameday/types';
import { deployedWorld } from './support';

const window = (r: DrillResult, from: number, to: number) => r.ticks.filter((t) => t.t >= from && t.t < to);
const bad = (ticks: DrillResult['ticks']) => ticks.reduce((a, t) => a + t.errors + t.degraded, 0);
const kinds = (r: DrillResult) => r.events.map((e) => e.kind);

describe('game day, stage 02', () => {
  it('holds through an AZ failure on the solution: the ALB routes around, the Multi-AZ database fails over', async () => {
    const { sandbox, world } = await deployedWorld('02-high-availability', 'solution.yaml');
    const before = JSON.stringify(sandbox.snapshot());
    const r = runDrill(world, 'az-outage');
    expect(r.verdict.outcome, r.verdict.says.en).toBe('blip');
    expect(r.verdict.says.en).toMatch(
      /^Served \d+(\.\d)?% of requests through the AZ failure \(another [\d.]+% answered without the database\); the database failed over .*the service held\.$/,
    );
    expect(r.verdict.says.ko).toContain('서비스가 버텼습니다');
    expect(kinds(r)).toEqual(expect.arrayContaining(['failure', 'detected', 'failover', 'recovered', 'end']));
    // The database is back 60 s after the failure; after that every request is answered in full.
    const failover = r.events.find((e) => e.kind === 'failover')!;
    expect(failover.t).toBe(30 + 60);
    expect(bad(window(r, failover.t, 210))).toBe(0);
    expect(bad(window(r, 30, 90))).toBeGreaterThan(0);
    // Served from both AZs before, from the live one only while the other is dark.
    const azs = (ticks: DrillResult['ticks']) => new Set(ticks.flatMap((t) => Object.keys(t.azs)));
    expect(azs(window(r, 0, 30)).size).toBe(2);
    const dark = r.events.find((e) => e.kind === 'failure')!.says.en.split(' ')[0]!;
    expect([...azs(window(r, 100, 200))]).not.toContain(dark);
    expect(r.ticks).toHaveLength(240);
    expect(JSON.stringify(sandbox.snapshot())).toBe(before); // the drill never changes the account
  });

  it('shows the outage on the start template: one instance and a single-AZ database in the dark AZ', async () => {
    const { world } = await deployedWorld('02-high-availability', 'start.yaml');
    const r = runDrill(world, 'az-outage');
    expect(r.verdict.outcome).toBe('outage');
    // Where the database's AZ goes dark depends on the AZ RDS put it in; either way nothing is served in full.
    expect(r.verdict.fullPct).toBeLessThan(30);
    expect(r.verdict.says.en).toMatch(/through the AZ failure.*was the outage/);
    expect(bad(window(r, 31, 210))).toBe(window(r, 31, 210).reduce((a, t) => a + t.requests, 0));
    expect(bad(window(r, 0, 30))).toBe(0);
  });

  it('names the single-AZ database as the outage when only the database is in the dark AZ', async () => {
    const { world } = await deployedWorld('02-high-availability', 'solution.yaml', (b) =>
      b.replace(/MultiAZ: true/, 'MultiAZ: false'),
    );
    const r = runDrill(world, 'az-outage');
    expect(r.verdict.outcome).toBe('outage');
    expect(r.verdict.says.en).toMatch(/the single-AZ database \S+ in us-east-1\w was the outage/);
    expect(r.verdict.says.ko).toContain('단일 AZ 데이터베이스');
    // The app still answers its page while the database is gone: degraded, not errors.
    const during = window(r, 60, 200);
    expect(during.reduce((a, t) => a + t.degraded, 0)).toBeGreaterThan(0);
  });

  it('a Multi-AZ primary failover is a blip of the documented failover time; single-AZ is down for the failure', async () => {
    const multi = runDrill((await deployedWorld('02-high-availability', 'solution.yaml')).world, 'db-failover');
    expect(multi.verdict.outcome).toBe('blip');
    expect(bad(window(multi, 30, 90))).toBe(window(multi, 30, 90).reduce((a, t) => a + t.requests, 0));
    expect(bad(window(multi, 90, 180))).toBe(0);
    const single = runDrill(
      (
        await deployedWorld('02-high-availability', 'solution.yaml', (b) =>
          b.replace(/MultiAZ: true/, 'MultiAZ: false'),
        )
      ).world,
      'db-failover',
    );
    expect(single.verdict.outcome).toBe('outage');
    expect(single.verdict.says.en).toContain('single-AZ database');
  });
});

describe('game day, stages 03 and 05', () => {
  it('replaces a dead web instance: the Auto Scaling group launches another, which takes requests', async () => {
    const { world } = await deployedWorld('03-scale-out', 'solution.yaml');
    const r = runDrill(world, 'instance-dies');
    expect(r.verdict.outcome).toBe('blip');
    expect(r.verdict.says.en).toContain('the Auto Scaling group replaced 1 instance');
    const replaced = r.events.find((e) => e.kind === 'replaced')!;
    const inService = r.events.find((e) => e.kind === 'in-service')!;
    // Detected after its failed health checks (3 × 10 s in the template), back to two in service after boot + 2 × 10 s.
    expect(replaced.t).toBe(60);
    expect(inService.t).toBe(60 + 60 + 20);
    expect(r.ticks[inService.t]?.inService).toBe(2);
    expect(bad(window(r, 60, 300))).toBe(0);
  });

  it('scales out on a traffic spike once target tracking has seen three minutes above the target', async () => {
    const { world } = await deployedWorld('03-scale-out', 'solution.yaml');
    const r = runDrill(world, 'traffic-spike');
    const alarm = r.events.find((e) => e.kind === 'alarm')!;
    expect(alarm.says.en).toMatch(/CPU 100% > 50% for 3 minutes; desired capacity 2 → 4/);
    expect(alarm.t).toBeGreaterThanOrEqual(60 + 180 - 1);
    expect(r.events.filter((e) => e.kind === 'launched')).toHaveLength(2);
    const before = window(r, 61, alarm.t);
    expect(before.every((t) => t.cpu === 100 && t.errors > 0)).toBe(true);
    const after = window(r, alarm.t + 81, 420);
    expect(after.every((t) => t.inService === 4 && t.errors === 0 && t.cpu < 100)).toBe(true);
    expect(r.verdict.says.en).toContain('target tracking scaled the fleet out');
  });

  it('keeps the jobs in the queue while the workers are stopped and drains them after', async () => {
    const { world } = await deployedWorld('05-decouple', 'solution.yaml');
    const r = runDrill(world, 'workers-stop');
    const backlog = (t: number) => r.ticks[t]?.backlog ?? -1;
    expect(backlog(29)).toBe(0);
    expect(backlog(90)).toBeGreaterThan(backlog(60));
    expect(backlog(149)).toBeGreaterThan(backlog(90));
    expect(r.ticks[100]?.workers).toBe(0);
    expect(r.events.some((e) => e.kind === 'alarm' && /messages per worker/.test(e.says.en))).toBe(true);
    expect(backlog(359)).toBe(0);
    expect(r.verdict.says.en).toMatch(
      /^Served 100% of requests while the workers were stopped; \d+ jobs waited in the queue and none was lost: the service held\.$/,
    );
  });
});
