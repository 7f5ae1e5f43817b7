import { describe, expect, it } from 'vitest';
import { evaluate, type RequestContext, type Statement } from '@/lib/iam';
import { ACCOUNT, operatorPolicies, REGION } from './support';

const GAME_DAY = ['autoscaling:SetInstanceHealth', 'ec2:StartInstances', 'ec2:StopInstances', 'rds:RebootDBInstance'];
const RESOURCE: Record<string, string> = {
  'autoscaling:SetInstanceHealth': `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:1:autoScalingGroupName/scalelab-x-web`,
  'ec2:StartInstances': `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`,
  'ec2:StopInstances': `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`,
  'rds:RebootDBInstance': `arn:aws:rds:${REGION}:${ACCOUNT}:db:scalelab-x-db`,
};
const labTagged = { 'aws:ResourceTag/scalelab:lab': 'scalelab-1a2b3c4d' };

const decide = (policies: ReturnType<typeof operatorPolicies>, action: string, context: RequestContext) =>
  evaluate(policies, { action, resource: RESOURCE[action] ?? '*', context }).decision;

/** The operator policies with `action` taken out of every statement that lists it. */
function without(action: string) {
  const policies = operatorPolicies();
  for (const p of policies)
    for (const st of [p.document.Statement].flat() as Statement[])
      if (Array.isArray(st.Action)) st.Action = st.Action.filter((a) => a !== action);
  return policies;
}

describe('the operator role’s game-day permissions', () => {
  it.each(GAME_DAY)('allows %s directly (not through CloudFormation) on a lab-tagged resource', (action) => {
    expect(decide(operatorPolicies(), action, labTagged)).toBe('allow');
  });

  it.each(GAME_DAY)('refuses %s on a resource without the lab tag, or tagged for something else', (action) => {
    expect(decide(operatorPolicies(), action, {})).not.toBe('allow');
    expect(decide(operatorPolicies(), action, { 'aws:ResourceTag/scalelab:lab': 'prod-shop' })).not.toBe('allow');
  });

  it.each(GAME_DAY)('refuses %s on a lab resource once it is removed from the role', (action) => {
    expect(decide(without(action), action, labTagged)).not.toBe('allow');
  });

  it('grants exactly these actions outside CloudFormation, each only on the lab tag', () => {
    const statements = operatorPolicies().flatMap((p) =>
      p.name.endsWith('/ReadOnlyAccess') ? [] : ([p.document.Statement].flat() as Statement[]),
    );
    const gameDay = statements.find((s) => s.Sid === 'GameDayOnLabTaggedResources');
    expect([gameDay?.Action].flat().sort()).toEqual(GAME_DAY);
    expect(gameDay?.Condition).toEqual({ StringLike: { 'aws:ResourceTag/scalelab:lab': 'scalelab-*' } });
    // Nothing else that breaks things is allowed directly on a lab resource: terminating, deleting, rebooting EC2.
    for (const action of [
      'ec2:TerminateInstances',
      'ec2:RebootInstances',
      'rds:DeleteDBInstance',
      'rds:FailoverDBCluster',
    ])
      expect(decide(operatorPolicies(), action, labTagged), action).not.toBe('allow');
  });
});
