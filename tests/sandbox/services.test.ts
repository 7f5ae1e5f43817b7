import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetDistributionConfigCommand, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTableCommand, DescribeTimeToLiveCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { paginateDescribeInstances } from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeReplicationGroupsCommand } from '@aws-sdk/client-elasticache';
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetInstanceProfileCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetBucketPolicyCommand, GetPublicAccessBlockCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListSubscriptionsByTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwsClients } from '@/lib/aws/clients';
import { fixture, sandboxWithClients } from './support';

describe('sandbox describes of a scaled-out stack', () => {
  let c: AwsClients;
  let outputs: Record<string, string>;
  beforeAll(async () => {
    c = sandboxWithClients().clients;
    await c.cloudformation.send(
      new CreateStackCommand({
        StackName: 'big',
        TemplateBody: fixture('scale-out.yaml'),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const stack = (await c.cloudformation.send(new DescribeStacksCommand({ StackName: 'big' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!]));
  });

  it('launches the Auto Scaling group across both AZs as healthy targets of the ALB', async () => {
    const group = (await c.autoscaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups?.[0];
    expect(group).toMatchObject({ MinSize: 2, MaxSize: 4, HealthCheckType: 'ELB' });
    expect(new Set(group?.Instances?.map((i) => i.AvailabilityZone)).size).toBe(2);
    const lb = (await c.elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers?.[0];
    expect(lb?.DNSName).toBe(outputs.AlbDnsName);
    expect(lb?.AvailabilityZones).toHaveLength(2);
    const tg = (await c.elbv2.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb?.LoadBalancerArn })))
      .TargetGroups?.[0];
    const health =
      (await c.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg?.TargetGroupArn })))
        .TargetHealthDescriptions ?? [];
    expect(health.map((h) => h.TargetHealth?.State)).toEqual(['healthy', 'healthy']);
    const instances: string[] = [];
    for await (const p of paginateDescribeInstances(
      { client: c.ec2 },
      {
        Filters: [
          { Name: 'vpc-id', Values: [outputs.VpcId!] },
          { Name: 'tag:scalelab:role', Values: ['web'] },
        ],
      },
    ))
      for (const r of p.Reservations ?? []) for (const i of r.Instances ?? []) instances.push(i.InstanceId!);
    expect(instances.sort()).toEqual(group?.Instances?.map((i) => i.InstanceId).sort());
    expect(
      (await c.autoscaling.send(new DescribePoliciesCommand({ AutoScalingGroupName: group?.AutoScalingGroupName })))
        .ScalingPolicies?.[0]?.PolicyType,
    ).toBe('TargetTrackingScaling');
  });

  it('shows a Multi-AZ primary and its read replica, each naming the other', async () => {
    const dbs = (await c.rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    const primary = dbs.find((d) => !d.ReadReplicaSourceDBInstanceIdentifier);
    const replica = dbs.find((d) => d.ReadReplicaSourceDBInstanceIdentifier);
    expect(primary?.MultiAZ).toBe(true);
    expect(primary?.SecondaryAvailabilityZone).not.toBe(primary?.AvailabilityZone);
    expect(primary?.ReadReplicaDBInstanceIdentifiers).toEqual([replica?.DBInstanceIdentifier]);
    expect(replica?.ReadReplicaSourceDBInstanceIdentifier).toBe(primary?.DBInstanceIdentifier);
  });

  it('serves the private bucket through CloudFront with an OAC', async () => {
    const bucket = (await c.s3.send(new ListBucketsCommand({}))).Buckets?.[0]?.Name;
    expect(
      (await c.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration
        ?.BlockPublicPolicy,
    ).toBe(true);
    const policy = JSON.parse((await c.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}');
    const dist = (await c.cloudfront.send(new ListDistributionsCommand({}))).DistributionList?.Items?.[0];
    expect(dist?.DomainName).toBe(outputs.CdnDomain);
    expect(policy.Statement[0].Condition.StringEquals['AWS:SourceArn']).toBe(dist?.ARN);
    const config = (await c.cloudfront.send(new GetDistributionConfigCommand({ Id: dist?.Id }))).DistributionConfig;
    expect(config?.Origins?.Items?.[0]?.OriginAccessControlId).toMatch(/^E[A-Z0-9]{13}$/);
    expect(config?.DefaultCacheBehavior?.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('answers the cache, table, queue, topic, alarm, IAM and GuardDuty describes', async () => {
    const rg = (await c.elasticache.send(new DescribeReplicationGroupsCommand({}))).ReplicationGroups?.[0];
    expect(rg).toMatchObject({ AutomaticFailover: 'enabled', MultiAZ: 'enabled' });
    const table = (await c.dynamodb.send(new ListTablesCommand({}))).TableNames?.[0];
    expect((await c.dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table?.TableStatus).toBe('ACTIVE');
    expect((await c.dynamodb.send(new DescribeTimeToLiveCommand({ TableName: table }))).TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expires',
    });
    const urls = (await c.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
    const attrs = await Promise.all(
      urls.map((QueueUrl) => c.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))),
    );
    expect(attrs.some((a) => JSON.parse(a.Attributes?.RedrivePolicy ?? '{}').maxReceiveCount === 5)).toBe(true);
    const topic = (await c.sns.send(new ListTopicsCommand({}))).Topics?.[0]?.TopicArn;
    expect(
      (await c.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))).Subscriptions?.[0]?.Protocol,
    ).toBe('sqs');
    expect((await c.cloudwatch.send(new DescribeAlarmsCommand({}))).MetricAlarms?.[0]?.Dimensions?.[0]?.Name).toBe(
      'AutoScalingGroupName',
    );
    const detector = (await c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds?.[0];
    expect((await c.guardduty.send(new GetDetectorCommand({ DetectorId: detector }))).Status).toBe('ENABLED');
    const group = (await c.autoscaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups?.[0];
    const profileArn = (
      await c.ec2.send(
        new (
          await import('@aws-sdk/client-ec2')
        ).DescribeInstancesCommand({ InstanceIds: [group!.Instances![0]!.InstanceId!] }),
      )
    ).Reservations?.[0]?.Instances?.[0]?.IamInstanceProfile?.Arn;
    const profile = (
      await c.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileArn?.split('/').pop() }))
    ).InstanceProfile;
    const attached = await c.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: profile?.Roles?.[0]?.RoleName }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toContain('AmazonSSMManagedInstanceCore');
  });
});
