import { describe, expect, it } from 'vitest';
import { type EtaEvent, secondsLeft } from '@/lib/stacks/eta';

const t0 = Date.parse('2026-12-01T10:00:00Z');
const ev = (s: number, logicalId: string, type: string, status: string): EtaEvent => ({
  at: new Date(t0 + s * 1000).toISOString(),
  logicalId,
  type,
  status,
});

describe('time left in a stack operation', () => {
  const stage01 = [
    ev(0, 'scalelab-x', 'AWS::CloudFormation::Stack', 'UPDATE_IN_PROGRESS'),
    ev(1, 'DbSubnetGroup', 'AWS::RDS::DBSubnetGroup', 'CREATE_IN_PROGRESS'),
    ev(3, 'DbSubnetGroup', 'AWS::RDS::DBSubnetGroup', 'CREATE_COMPLETE'),
    ev(4, 'Database', 'AWS::RDS::DBInstance', 'CREATE_IN_PROGRESS'),
    ev(5, 'DbSecret', 'AWS::SecretsManager::Secret', 'CREATE_IN_PROGRESS'),
    ev(8, 'DbSecret', 'AWS::SecretsManager::Secret', 'CREATE_COMPLETE'),
  ];

  it('follows the slowest resource in progress: an RDS instance is minutes, not seconds', () => {
    const s = secondsLeft(stage01, 8_000)!;
    expect(s).toBeGreaterThan(500); // ~600 s typical, 4 s in
    expect(s).toBeLessThanOrEqual(600);
  });

  it('scales by the wall time seen so far (a sandbox replaying 20× faster)', () => {
    const s = secondsLeft(stage01, 400)!; // 8 s of events arrived in 0.4 s
    expect(s).toBeGreaterThan(25);
    expect(s).toBeLessThan(31);
  });

  it('says little when only quick resources remain, and nothing before any resource started', () => {
    const quick = [
      ev(0, 'Vpc', 'AWS::EC2::VPC', 'CREATE_IN_PROGRESS'),
      ev(2, 'Eip', 'AWS::EC2::EIP', 'CREATE_IN_PROGRESS'),
    ];
    expect(secondsLeft(quick, 2_000)).toBeLessThanOrEqual(5);
    expect(
      secondsLeft([ev(0, 'scalelab-x', 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS')], 1000),
    ).toBeUndefined();
  });

  it('keeps a floor for a resource running longer than usual', () => {
    const late = [
      ev(0, 'Database', 'AWS::RDS::DBInstance', 'CREATE_IN_PROGRESS'),
      ev(900, 'Other', 'AWS::EC2::VPC', 'CREATE_COMPLETE'),
    ];
    expect(secondsLeft(late, 900_000)).toBe(60);
  });
});
