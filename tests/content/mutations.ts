import { DescribeInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import type { AwsClients } from '@/lib/aws/clients';
import type { StageId } from '@/lib/labs/types';
import { goGlobalMutations } from './mutations-06';

/**
 * One mutation per check: a small change to the stage's solution (a template patch, or what a learner might do in
 * the console after deploying) that must make that check fail. `alsoFails` lists the other required checks that
 * cannot help failing with it (a check whose subject is missing takes its dependants down) — declared, not ignored.
 */
export interface Mutation {
  check: string;
  stage: StageId;
  what: string;
  patch?: [RegExp, string] | ((template: string) => string);
  after?: (clients: AwsClients) => Promise<void>;
  alsoFails?: string[];
  /** The mutation is that the learner skipped the stage's own update (harness-support: learnerUpdates). */
  withoutLearnerUpdate?: true;
  /** A two-region stage deployed without its stretch goal (two-regions.ts), which the harness otherwise takes. */
  withoutStretch?: true;
}

async function stopWebInstances(clients: AwsClients) {
  const out = await clients.ec2.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'tag:scalelab:role', Values: ['web'] }] }),
  );
  const ids = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId ?? '');
  await clients.ec2.send(new StopInstancesCommand({ InstanceIds: ids }));
}

/** Stop the web instance in the second AZ (us-east-1b), as a learner might in the console. */
async function stopSecondAzWebInstance(clients: AwsClients) {
  const out = await clients.ec2.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'tag:scalelab:role', Values: ['web'] }] }),
  );
  const instances = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const second = instances.filter((i) => i.Placement?.AvailabilityZone?.endsWith('b')).map((i) => i.InstanceId ?? '');
  await clients.ec2.send(new StopInstancesCommand({ InstanceIds: second }));
}

export const mutations: Mutation[] = [
  // 00 · one box
  {
    check: 'ec2.web-instance-running',
    stage: '00-one-user',
    what: 'the instance is stopped (mid scale-up)',
    after: stopWebInstances,
  },
  {
    check: 'ec2.elastic-ip',
    stage: '00-one-user',
    what: 'the Elastic IP is not associated',
    patch: [/ {2}WebEipAssociation:\n(?: {4}.*\n)+/, ''],
  },
  {
    check: 'sg.no-open-admin-ports',
    stage: '00-one-user',
    what: 'SSH open to the world',
    patch: [
      /( {10}Description: HTTP from the internet\n)/,
      '$1        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n',
    ],
  },
  {
    check: 'ec2.scaled-up',
    stage: '00-one-user',
    what: 'the learner never scaled up: the instance still runs the type it was launched with',
    withoutLearnerUpdate: true,
  },
  {
    check: 'ec2.imdsv2-required',
    stage: '00-one-user',
    what: 'IMDSv1 allowed',
    patch: [/HttpTokens: required/, 'HttpTokens: optional'],
  },
  {
    check: 'http.app-responds',
    stage: '00-one-user',
    what: 'the web SG has no port-80 rule (the sandbox data plane drops the request at the SG)',
    patch: [/( {6}SecurityGroupIngress:\n(?: {8}.*\n)+)/, ''],
  },

  // 01 · split the database
  {
    check: 'rds.instance-in-lab-vpc',
    stage: '01-split-database',
    what: 'no database in the lab VPC (the DB instance removed, its references stubbed)',
    patch: (t) =>
      t
        .replace(/ {2}Database:\n {4}Type: AWS::RDS::DBInstance\n(?: {4}.*\n|\n)+?(?= {2}\S)/, '')
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
        .replaceAll('${Database.Endpoint.Address}', 'db.invalid')
        .replaceAll('!GetAtt Database.Endpoint.Address', 'db.invalid'),
    alsoFails: ['rds.not-public', 'rds.private-subnets', 'sg.db-from-web-only', 'rds.encrypted'],
  },
  {
    check: 'rds.not-public',
    stage: '01-split-database',
    what: 'PubliclyAccessible=true',
    patch: [/PubliclyAccessible: false/, 'PubliclyAccessible: true'],
  },
  {
    check: 'rds.private-subnets',
    stage: '01-split-database',
    what: 'the DB subnet group includes the public subnet',
    patch: [
      /SubnetIds: \[!Ref PrivateSubnetA, !Ref PrivateSubnetB\]/,
      'SubnetIds: [!Ref PublicSubnet, !Ref PrivateSubnetB]',
    ],
  },
  {
    check: 'sg.db-from-web-only',
    stage: '01-split-database',
    what: 'the DB also admits the whole VPC CIDR',
    patch: [
      /( {10}Description: MySQL from the web servers\n)/,
      '$1        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/16 }\n',
    ],
  },
  {
    check: 'rds.encrypted',
    stage: '01-split-database',
    what: 'unencrypted storage',
    patch: [/StorageEncrypted: true/, 'StorageEncrypted: false'],
  },
  {
    check: 'rds.backups-enabled',
    stage: '01-split-database',
    what: 'no automated backups',
    patch: [/BackupRetentionPeriod: 1/, 'BackupRetentionPeriod: 0'],
  },

  // 02 · high availability
  {
    check: 'elb.alb-multi-az',
    stage: '02-high-availability',
    what: 'the load balancer is internal (AWS refuses an ALB in one AZ, so this is how it loses the two)',
    patch: [/Scheme: internet-facing/, 'Scheme: internal'],
    // Both grade the path through the internet-facing ALB, which is gone.
    alsoFails: ['elb.targets-multi-az', 'sg.chain-alb-web-db'],
  },
  {
    check: 'elb.targets-multi-az',
    stage: '02-high-availability',
    what: 'both web instances in one AZ',
    patch: [/( {2}WebInstanceB:\n(?: {4}.*\n)*? {6}SubnetId: )!Ref PublicSubnetB/, '$1!Ref PublicSubnet'],
  },
  {
    check: 'rds.multi-az',
    stage: '02-high-availability',
    what: 'a single-AZ database',
    patch: [/MultiAZ: true/, 'MultiAZ: false'],
  },
  {
    check: 'sg.chain-alb-web-db',
    stage: '02-high-availability',
    what: 'the web tier open to the world instead of the ALB only',
    patch: [/SourceSecurityGroupId: !Ref AlbSecurityGroup/, 'CidrIp: 0.0.0.0/0'],
  },
  {
    check: 'http.balanced-across-azs',
    stage: '02-high-availability',
    what: 'the second AZ’s web instance is stopped (the ALB routes every request to the first)',
    after: stopSecondAzWebInstance,
    // A stopped target is unused (Target.InvalidState): healthy targets are left in one AZ only.
    alsoFails: ['elb.targets-multi-az'],
  },

  // 03 · scale out
  { check: 'asg.multi-az', stage: '03-scale-out', what: 'MinSize 1', patch: [/MinSize: '2'/, "MinSize: '1'"] },
  {
    check: 'asg.elb-health-check',
    stage: '03-scale-out',
    what: 'EC2 health checks only',
    patch: [/HealthCheckType: ELB/, 'HealthCheckType: EC2'],
  },
  {
    check: 'asg.target-tracking',
    stage: '03-scale-out',
    what: 'a simple scaling policy instead of target tracking',
    patch: [
      /PolicyType: TargetTrackingScaling\n(?: {6}.*\n)+? {8}TargetValue: 50\n/,
      'PolicyType: SimpleScaling\n      AdjustmentType: ChangeInCapacity\n      ScalingAdjustment: 1\n',
    ],
  },
  {
    check: 'rds.read-replica',
    stage: '03-scale-out',
    what: 'a second standalone database instead of a replica',
    patch: [
      /SourceDBInstanceIdentifier: !Ref Database\n/,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
      "Engine: mysql\n      AllocatedStorage: 20\n      MasterUsername: admin\n      MasterUserPassword: !Sub '{{resolve:secretsmanager:${DbSecret}:SecretString:password}}'\n      DBSubnetGroupName: !Ref DbSubnetGroup\n      StorageEncrypted: true\n",
    ],
  },
  {
    check: 's3.static-bucket-private',
    stage: '03-scale-out',
    what: 'public policies allowed',
    patch: [/BlockPublicPolicy: true/, 'BlockPublicPolicy: false'],
  },
  {
    check: 'cloudfront.s3-origin-oac',
    stage: '03-scale-out',
    what: 'no origin access control',
    patch: [/ {12}OriginAccessControlId: !GetAtt StaticOac.Id\n/, ''],
  },
  {
    check: 'cloudfront.https-only',
    stage: '03-scale-out',
    what: 'plain HTTP allowed',
    patch: [/ViewerProtocolPolicy: redirect-to-https/, 'ViewerProtocolPolicy: allow-all'],
  },
  {
    check: 'cloudwatch.fleet-alarm',
    stage: '03-scale-out',
    what: 'the alarm watches something else than the fleet',
    patch: [/\{ Name: AutoScalingGroupName, Value: !Ref WebAsg \}/, '{ Name: InstanceId, Value: i-0123456789abcdef0 }'],
  },

  // 04 · cache, automate, secure
  {
    check: 'elasticache.multi-az-failover',
    stage: '04-cache-automate-secure',
    what: 'Multi-AZ off (automatic failover alone)',
    patch: [/MultiAZEnabled: true/, 'MultiAZEnabled: false'],
  },
  {
    check: 'elasticache.multi-az-failover',
    stage: '04-cache-automate-secure',
    what: 'the cache exists, but the web servers are not configured to use it (no CACHE_HOST)',
    patch: [/ +Environment=CACHE_HOST=.*\n/, ''],
  },
  {
    check: 'sg.cache-from-app-only',
    stage: '04-cache-automate-secure',
    what: 'the cache also admits the whole VPC CIDR',
    patch: [
      /( {10}Description: Valkey from the web servers\n)/,
      '$1        - { IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: 10.0.0.0/16 }\n',
    ],
  },
  {
    check: 'dynamodb.session-table-ttl',
    stage: '04-cache-automate-secure',
    what: 'TTL off on the sessions table',
    patch: [/(AttributeName: expiresAt\n {8}Enabled: )true/, '$1false'],
  },
  {
    check: 'dynamodb.session-table-ttl',
    stage: '04-cache-automate-secure',
    what: 'the table exists, but the web servers are not configured to keep sessions in it (no SESSION_TABLE)',
    patch: [/ +Environment=SESSION_TABLE=.*\n/, ''],
  },
  {
    check: 'ec2.ssm-managed',
    stage: '04-cache-automate-secure',
    what: 'the web role without AmazonSSMManagedInstanceCore',
    patch: [/ {6}ManagedPolicyArns:\n {8}- .*AmazonSSMManagedInstanceCore.*\n/, ''],
  },
  {
    check: 'sg.no-ssh',
    stage: '04-cache-automate-secure',
    what: 'SSH open to the VPC (not to the world: a "bastion" rule)',
    patch: [
      /( {10}Description: HTTP from the load balancer\n)/,
      '$1        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/16 }\n',
    ],
  },
  {
    check: 'cloudtrail.multi-region-trail',
    stage: '04-cache-automate-secure',
    what: 'the trail records its home region only',
    patch: [/IsMultiRegionTrail: true/, 'IsMultiRegionTrail: false'],
  },
  {
    check: 'guardduty.enabled',
    stage: '04-cache-automate-secure',
    what: 'the detector is suspended',
    patch: [/( {4}Condition: CreateDetector\n {4}Properties:\n {6}Enable: )true/, '$1false'],
  },
  {
    check: 'cloudwatch.dashboard',
    stage: '04-cache-automate-secure',
    what: 'the dashboard is not named after the stack',
    patch: [/DashboardName: !Sub '\$\{AWS::StackName\}-\$\{AWS::Region\}-fleet'/, 'DashboardName: ops-overview'],
  },

  // 05 · decouple
  {
    check: 'elb.internal-alb',
    stage: '05-decouple',
    what: 'the app group launches into the public subnets',
    patch: [
      /( {2}AppAsg:\n(?:.*\n)*? {6}VPCZoneIdentifier: )\[!Ref PrivateSubnetA, !Ref PrivateSubnetB\]/,
      '$1[!Ref PublicSubnet, !Ref PublicSubnetB]',
    ],
  },
  {
    check: 'sg.chain-five-tier',
    stage: '05-decouple',
    what: 'the app SG also admits 8080 from the whole VPC CIDR',
    patch: [
      /( {10}Description: App HTTP from the internal load balancer\n)/,
      '$1        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 10.0.0.0/16 }\n',
    ],
  },
  {
    check: 'sqs.queue-with-dlq',
    stage: '05-decouple',
    what: 'the work queue has no redrive policy',
    patch: [/ {6}RedrivePolicy:\n {8}deadLetterTargetArn: .*\n {8}maxReceiveCount: 5\n/, ''],
  },
  {
    check: 'asg.worker-scales-on-queue',
    stage: '05-decouple',
    what: 'the workers track the raw message count, not the backlog per instance',
    patch: [/Expression: m1 \/ m2/, 'Expression: m1'],
  },
  {
    check: 'vpc.s3-gateway-endpoint',
    stage: '05-decouple',
    what: 'the private route table has a DynamoDB gateway endpoint, not an S3 one',
    patch: [
      /ServiceName: !Sub 'com\.amazonaws\.\$\{AWS::Region\}\.s3'/,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own !Sub syntax.
      "ServiceName: !Sub 'com.amazonaws.${AWS::Region}.dynamodb'",
    ],
  },
  {
    check: 'sns.fanout-to-sqs',
    stage: '05-decouple',
    what: 'the topic exists but nothing subscribes the work queue',
    patch: [/ {2}WorkQueueSubscription:\n(?: {4}.*\n)+/, ''],
  },
  {
    check: 'cloudfront.dynamic-origin',
    stage: '05-decouple',
    what: 'the distribution with the ALB origin is disabled',
    patch: [/( {8}Enabled: )true(\n {8}Comment: !Sub '\$\{AWS::StackName\} dynamic)/, '$1false$2'],
  },
  {
    check: 'lambda.serverless-api',
    stage: '05-decouple',
    what: 'the function’s TABLE_NAME names no existing table',
    patch: [/TABLE_NAME: !Ref ItemsTable/, 'TABLE_NAME: scalelab-notes'],
  },

  ...goGlobalMutations,
];

/**
 * Checks whose failure cannot be shown in the sandbox. None since the sandbox's data plane answers HTTP
 * (lib/sandbox/data-plane): the HTTP probes fail there by their mutations, and in tests/checks with a local server.
 */
export const provenOutsideTheSandbox: string[] = [];
