import { readFileSync } from 'node:fs';
import type { Stack } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { platformParameters } from '@/lib/stacks/platform-parameters';
import { awsError, type Fixtures, fixtureClients } from '../support/aws-fixtures';

const stage00 = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
const stage04 = readFileSync('templates/04-cache-automate-secure/solution.yaml', 'utf8');
const stack = (parameters: Record<string, { value?: string; resolved?: string }>): Stack => ({
  StackName: 'scalelab-test',
  StackStatus: 'UPDATE_COMPLETE',
  CreationTime: new Date('2026-11-23T10:00:00Z'),
  Parameters: Object.entries(parameters).map(([ParameterKey, p]) => ({
    ParameterKey,
    ParameterValue: p.value,
    ResolvedValue: p.resolved,
  })),
});
const detectors = (ids: string[]): Fixtures => ({ 'GuardDuty.ListDetectors': { DetectorIds: ids } });
const latest = { value: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' };

describe('the parameters the platform fills in', () => {
  it('passes nothing on a first launch of a stage without GuardDuty (LatestAmiId decides the AMI)', async () => {
    expect(await platformParameters(fixtureClients({}), stage00, undefined)).toEqual({});
  });

  it('pins the AMI the stack runs on an update: what LatestAmiId resolved to last time', async () => {
    const before = stack({ LatestAmiId: { ...latest, resolved: 'ami-0aaaaaaaaaaaaaaa1' }, AmiId: { value: '' } });
    expect(await platformParameters(fixtureClients({}), stage00, before)).toEqual({ AmiId: 'ami-0aaaaaaaaaaaaaaa1' });
  });

  it('keeps a pinned AmiId over what LatestAmiId resolves to now', async () => {
    const before = stack({
      LatestAmiId: { ...latest, resolved: 'ami-0bbbbbbbbbbbbbbb2' },
      AmiId: { value: 'ami-0aaaaaaaaaaaaaaa1' },
    });
    expect((await platformParameters(fixtureClients({}), stage00, before)).AmiId).toBe('ami-0aaaaaaaaaaaaaaa1');
  });

  it('leaves a value the caller gives alone', async () => {
    const before = stack({ LatestAmiId: { ...latest, resolved: 'ami-0aaaaaaaaaaaaaaa1' } });
    expect(await platformParameters(fixtureClients({}), stage00, before, { AmiId: '' })).toEqual({});
  });

  it('does not create a second GuardDuty detector when the region already has one', async () => {
    const out = await platformParameters(fixtureClients(detectors(['12abc'])), stage04, undefined);
    expect(out).toEqual({ CreateGuardDutyDetector: 'false' });
  });

  it('keeps the detector a stack created, although ListDetectors now lists it', async () => {
    const before = stack({ CreateGuardDutyDetector: { value: 'true' }, LatestAmiId: latest });
    const out = await platformParameters(fixtureClients(detectors(['12abc'])), stage04, before);
    expect(out.CreateGuardDutyDetector).toBe('true');
  });

  it('leaves the default (create one) when the region has none, or when it may not look', async () => {
    expect(await platformParameters(fixtureClients(detectors([])), stage04, undefined)).toEqual({});
    const denied = { 'GuardDuty.ListDetectors': awsError('AccessDeniedException', 'no', 403) };
    expect(await platformParameters(fixtureClients(denied), stage04, undefined)).toEqual({});
  });
});
