/**
 * The live diagram's model from each stage's start and solution, deployed into the sandbox the way a learner deploys
 * them (tests/content/harness-support.ts) and read through the same Inventory the checks use.
 */
import { describe, expect, it } from 'vitest';
import { azOf, isPublic, ofKind, snapshotOfTemplate } from './support';

describe('the architecture snapshot of each stage', () => {
  it('stage 00 start: nothing deployed, no VPC, nothing unread', async () => {
    const s = await snapshotOfTemplate('00-one-user', 'start.yaml');
    expect(s.vpc).toBeNull();
    expect(s.nodes).toEqual([]);
    expect(s.subnets).toEqual([]);
    expect(s.unread).toEqual([]);
  });

  it('stage 00 solution: one running web instance in a public subnet with an Elastic IP, behind an IGW', async () => {
    const s = await snapshotOfTemplate('00-one-user', 'solution.yaml');
    expect(s.vpc?.id).toMatch(/^vpc-/);
    expect(s.internetGateway).toMatch(/^igw-/);
    expect(s.azs).toHaveLength(1);
    expect(s.subnets).toHaveLength(1);
    expect(s.subnets[0]?.public).toBe(true);
    const [web, ...others] = ofKind(s, 'instance');
    expect(others).toEqual([]);
    expect(web).toMatchObject({ role: 'web', state: 'running', azs: s.azs, facts: { InstanceType: 't3.small' } });
    expect(isPublic(s, web?.subnetIds?.[0])).toBe(true);
    const [eip] = ofKind(s, 'elastic-ip');
    expect(eip?.parent).toBe(web?.id);
    expect(eip?.name).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(s.edges).toContainEqual({ from: eip?.id, to: web?.id, kind: 'eip' });
    expect(ofKind(s, 'database')).toEqual([]);
    expect(ofKind(s, 'load-balancer')).toEqual([]);
    expect(s.unread).toEqual([]);
  });

  it('stage 01 solution: a single-AZ RDS primary in a private subnet, the web instance public', async () => {
    const s = await snapshotOfTemplate('01-split-database', 'solution.yaml');
    expect(s.subnets.filter((x) => !x.public)).toHaveLength(2);
    expect(new Set(s.subnets.filter((x) => !x.public).map((x) => x.az)).size).toBe(2);
    const dbs = ofKind(s, 'database');
    expect(dbs.map((d) => d.role)).toEqual(['primary']);
    expect(dbs[0]?.facts).toMatchObject({ MultiAZ: false, StorageEncrypted: true, PubliclyAccessible: false });
    expect(isPublic(s, dbs[0]?.subnetIds?.[0])).toBe(false);
    expect(ofKind(s, 'instance', 'web')).toHaveLength(1);
  });

  it('stage 02 start is stage 01: one web instance, no load balancer, no standby', async () => {
    const s = await snapshotOfTemplate('02-high-availability', 'start.yaml');
    expect(ofKind(s, 'instance')).toHaveLength(1);
    expect(ofKind(s, 'load-balancer')).toEqual([]);
    expect(ofKind(s, 'database', 'standby')).toEqual([]);
  });

  it('stage 02 solution: an internet-facing ALB in 2 AZs, 2 web instances in 2 AZs, healthy targets, a Multi-AZ standby in the other AZ', async () => {
    const s = await snapshotOfTemplate('02-high-availability', 'solution.yaml');
    expect(s.azs).toHaveLength(2);
    const [lb, ...moreLbs] = ofKind(s, 'load-balancer');
    expect(moreLbs).toEqual([]);
    expect(lb).toMatchObject({ role: 'internet-facing', azs: s.azs, facts: { Type: 'application' } });
    const web = ofKind(s, 'instance', 'web');
    expect(web).toHaveLength(2);
    expect(new Set(web.map(azOf))).toEqual(new Set(s.azs));
    const [tg] = ofKind(s, 'target-group');
    expect(tg?.parent).toBe(lb?.id);
    expect(s.edges).toContainEqual({ from: lb?.id, to: tg?.id, kind: 'serves' });
    for (const w of web)
      expect(s.edges).toContainEqual({ from: tg?.id, to: w.id, kind: 'target', state: expect.any(String) });
    const [primary] = ofKind(s, 'database', 'primary');
    const [standby] = ofKind(s, 'database', 'standby');
    expect(primary?.facts?.MultiAZ).toBe(true);
    expect(standby?.parent).toBe(primary?.id);
    expect(azOf(standby)).toBeDefined();
    expect(azOf(standby)).not.toBe(azOf(primary));
    expect(s.edges).toContainEqual({ from: primary?.id, to: standby?.id, kind: 'sync' });
    expect(ofKind(s, 'elastic-ip')).toEqual([]);
  });

  it('stage 03 solution: the web tier is an Auto Scaling group across 2 AZs; a read replica; CloudFront in front of a private bucket', async () => {
    const s = await snapshotOfTemplate('03-scale-out', 'solution.yaml');
    const [group] = ofKind(s, 'auto-scaling-group');
    expect(group?.azs).toEqual(s.azs);
    const members = ofKind(s, 'instance').filter((i) => i.parent === group?.id);
    expect(members.length).toBeGreaterThanOrEqual(2);
    expect(new Set(members.map(azOf)).size).toBe(2);
    const [primary] = ofKind(s, 'database', 'primary');
    const [replica] = ofKind(s, 'database', 'replica');
    expect(s.edges).toContainEqual({ from: primary?.id, to: replica?.id, kind: 'async' });
    const [bucket] = ofKind(s, 'bucket', 'static');
    const [cdn] = ofKind(s, 'distribution');
    expect(s.edges).toContainEqual({ from: cdn?.id, to: bucket?.id, kind: 'origin', state: 'oac' });
  });

  it('stage 04 start is stage 03: no cache, no session table', async () => {
    const s = await snapshotOfTemplate('04-cache-automate-secure', 'start.yaml');
    expect(ofKind(s, 'auto-scaling-group')).toHaveLength(1);
    expect(ofKind(s, 'cache-node')).toEqual([]);
    expect(ofKind(s, 'table')).toEqual([]);
  });

  it('stage 04 solution: a cache with a primary and a replica node in 2 AZs, and the session table', async () => {
    const s = await snapshotOfTemplate('04-cache-automate-secure', 'solution.yaml');
    const nodes = ofKind(s, 'cache-node');
    expect(nodes).toHaveLength(2);
    expect(new Set(nodes.map(azOf)).size).toBe(2);
    expect(new Set(nodes.map((n) => n.parent)).size).toBe(1);
    expect(nodes.map((n) => n.role).sort()).toEqual(['primary', 'replica']);
    expect(ofKind(s, 'table', 'sessions')).toHaveLength(1);
    expect(ofKind(s, 'table')[0]?.facts).toEqual({ TimeToLive: 'ENABLED' });
  });
});
