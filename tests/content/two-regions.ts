import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import type { StageId } from '@/lib/labs/types';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack, type StackProgress } from '@/lib/stacks/follow';

/**
 * Stage 06 runs one template in two regions, in the order the lab teaches: the secondary (the sandbox account's
 * second region, us-west-2) first, then the primary in the lab region, given the secondary's outputs and a hosted
 * zone. The stretch goal (an Aurora global database) then needs the primary's global cluster before the secondary's
 * stack can join it, so the secondary is updated last. It runs on Aurora Serverless v2, the cheapest class a global
 * database takes (the lab's recommendation); tests/sandbox/stage-06-checks.test.ts keeps a db.r6g.large case.
 */
export const TWO_REGION_STAGES: StageId[] = ['06-go-global'];
export const SECOND_REGION = 'us-west-2';
export const DOMAIN = 'scalelab-harness.example.com';
export const STRETCH = { AuroraGlobalDatabase: 'true', AuroraInstanceClass: 'db.serverless' };

/** Does the template take part in a pair of regions (it declares the Role parameter)? */
export const isTwoRegionTemplate = (body: string) => /^Parameters:\n(?: .*\n|\n)*? {2}Role:\n/m.test(body);

async function launch(clients: AwsClients, stackName: string, body: string, parameters: Record<string, string>) {
  const preview = await prepareChangeSet({ clients, stackName, templateBody: body, parameters });
  await executeChangeSet(clients, stackName, preview.changeSetId);
  return followStack(clients, stackName, new Date(0), () => {}, { intervalMs: 5 });
}

async function outputs(clients: AwsClients, stackName: string): Promise<Record<string, string>> {
  const out = await clients.cloudformation.send(new DescribeStacksCommand({ StackName: stackName }));
  return Object.fromEntries((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

/** Deploy the pair; the primary's final progress is returned (or the first that did not complete). */
export async function deployTwoRegions(
  primary: AwsClients,
  stackName: string,
  body: string,
  stretch: boolean,
): Promise<StackProgress> {
  const secondary = primary.forRegion(SECOND_REGION);
  const extra = stretch ? STRETCH : {};
  const west = await launch(secondary, stackName, body, { Role: 'secondary' });
  if (west.status !== 'CREATE_COMPLETE') return west;
  const second = await outputs(secondary, stackName);
  // The learner's domain: a public hosted zone made beforehand (the sandbox answers Route 53 through CloudFormation).
  const zoneStack = `${stackName}-zone`;
  const zoneBody = `Resources:\n  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: ${DOMAIN} } }\nOutputs:\n  ZoneId: { Value: !Ref Zone }\n`;
  const made = await launch(primary, zoneStack, zoneBody, {});
  if (made.status !== 'CREATE_COMPLETE') return made;
  const zoneId = (await outputs(primary, zoneStack)).ZoneId ?? '';
  const east = await launch(primary, stackName, body, {
    Role: 'primary',
    SecondRegion: SECOND_REGION,
    SecondaryAlbDnsName: second.AlbDnsName ?? '',
    ReplicaBucketArn: second.StaticBucketArn ?? '',
    HostedZoneId: zoneId.replace('/hostedzone/', ''),
    DomainName: DOMAIN,
    ...extra,
  });
  if (east.status !== 'CREATE_COMPLETE' || !stretch) return east;
  const joined = await launch(secondary, stackName, body, { Role: 'secondary', ...extra });
  return joined.status === 'UPDATE_COMPLETE' ? east : joined;
}
