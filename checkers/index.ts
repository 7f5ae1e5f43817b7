import asgElbHealthCheck from './asg/elb-health-check';
import asgMultiAz from './asg/multi-az';
import asgTargetTracking from './asg/target-tracking';
import workerScalesOnQueue from './asg/worker-scales-on-queue';
import auroraClusterMultiAz from './aurora/cluster-multi-az';
import auroraGlobalDatabase from './aurora/global-database';
import secondRegion from './cloudformation/second-region';
import dynamicOrigin from './cloudfront/dynamic-origin';
import httpsOnly from './cloudfront/https-only';
import s3OriginOac from './cloudfront/s3-origin-oac';
import multiRegionTrail from './cloudtrail/multi-region-trail';
import dashboard from './cloudwatch/dashboard';
import fleetAlarm from './cloudwatch/fleet-alarm';
import type { CheckDefinition } from './define';
import globalTable from './dynamodb/global-table';
import sessionTableTtl from './dynamodb/session-table-ttl';
import elasticIp from './ec2/elastic-ip';
import imdsv2Required from './ec2/imdsv2-required';
import scaledUp from './ec2/scaled-up';
import ssmManaged from './ec2/ssm-managed';
import webInstanceRunning from './ec2/web-instance-running';
import cacheMultiAzFailover from './elasticache/multi-az-failover';
import albMultiAz from './elb/alb-multi-az';
import internalAlb from './elb/internal-alb';
import targetsMultiAz from './elb/targets-multi-az';
import guarddutyEnabled from './guardduty/enabled';
import appResponds from './http/app-responds';
import balancedAcrossAzs from './http/balanced-across-azs';
import serverlessApi from './lambda/serverless-api';
import backupsEnabled from './rds/backups-enabled';
import encrypted from './rds/encrypted';
import instanceInLabVpc from './rds/instance-in-lab-vpc';
import rdsMultiAz from './rds/multi-az';
import notPublic from './rds/not-public';
import privateSubnets from './rds/private-subnets';
import readReplica from './rds/read-replica';
import failoverRouting from './route53/failover-routing';
import crossRegionReplication from './s3/cross-region-replication';
import staticBucketPrivate from './s3/static-bucket-private';
import cacheFromAppOnly from './sg/cache-from-app-only';
import chainAlbWebDb from './sg/chain-alb-web-db';
import chainFiveTier from './sg/chain-five-tier';
import dbFromWebOnly from './sg/db-from-web-only';
import noOpenAdminPorts from './sg/no-open-admin-ports';
import noSsh from './sg/no-ssh';
import fanoutToSqs from './sns/fanout-to-sqs';
import queueWithDlq from './sqs/queue-with-dlq';
import s3GatewayEndpoint from './vpc/s3-gateway-endpoint';

export type { CheckDefinition, CheckOutcome, CheckStatus, Evidence } from './define';

/** Every check, one file each. Ids are unique (tested); a lab lists the ids it grades in its lab.ts. */
export const allChecks: readonly CheckDefinition[] = [
  webInstanceRunning,
  elasticIp,
  noOpenAdminPorts,
  imdsv2Required,
  scaledUp,
  appResponds,
  instanceInLabVpc,
  notPublic,
  privateSubnets,
  dbFromWebOnly,
  encrypted,
  backupsEnabled,
  albMultiAz,
  targetsMultiAz,
  rdsMultiAz,
  chainAlbWebDb,
  balancedAcrossAzs,
  asgMultiAz,
  asgElbHealthCheck,
  asgTargetTracking,
  readReplica,
  staticBucketPrivate,
  s3OriginOac,
  httpsOnly,
  fleetAlarm,
  cacheMultiAzFailover,
  cacheFromAppOnly,
  sessionTableTtl,
  ssmManaged,
  noSsh,
  multiRegionTrail,
  guarddutyEnabled,
  dashboard,
  internalAlb,
  chainFiveTier,
  queueWithDlq,
  workerScalesOnQueue,
  s3GatewayEndpoint,
  fanoutToSqs,
  dynamicOrigin,
  serverlessApi,
  globalTable,
  auroraClusterMultiAz,
  failoverRouting,
  secondRegion,
  crossRegionReplication,
  auroraGlobalDatabase,
];

export function getCheck(id: string): CheckDefinition | undefined {
  return allChecks.find((c) => c.id === id);
}
