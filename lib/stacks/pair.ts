/**
 * Stage 06's pair: one template, the lab stack under the same name in two regions. The secondary goes first (it
 * needs nothing from the primary); the primary is then given the secondary's outputs and adds what exists once —
 * the global table with its replica in the second region, the Aurora cluster, the replication rule, the Route 53
 * records (templates/06-go-global/solution.yaml, parameters Role … DomainName). Deleting goes the other way: the
 * primary first (it owns the global table, the replication rule to the secondary's bucket and the failover records
 * that point at the secondary's ALB), the secondary once the primary is gone.
 */
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import type { AwsClients } from '@/lib/aws/clients';
import { parseTemplate } from '@/lib/cfn';
import { currentStack, executeChangeSet, prepareChangeSet } from './change-sets';
import { StackError } from './errors';
import { followStack } from './follow';

/** The parameter names a template declares (CloudFormation refuses a value for any other: "do not exist"). */
export function declaredParameters(templateBody: string): Set<string> {
  return new Set(parseTemplate(templateBody, 'template.yaml').parameters.map((p) => p.name));
}

/** A template that takes part in a pair declares `Role` (primary | secondary); any other deploys in one region. */
export function isPairTemplate(templateBody: string): boolean {
  return declaredParameters(templateBody).has('Role');
}

const COMPLETE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE']);

/** Only what the template declares: a draft that has not added a parameter yet still deploys. */
function declaredOnly(templateBody: string, values: Record<string, string>): Record<string, string> {
  const declared = declaredParameters(templateBody);
  return Object.fromEntries(Object.entries(values).filter(([k]) => declared.has(k)));
}

export function secondaryParameters(templateBody: string): Record<string, string> {
  return declaredOnly(templateBody, { Role: 'secondary' });
}

export interface PrimaryInput {
  primary: AwsClients;
  secondary: AwsClients;
  stackName: string;
  templateBody: string;
  /** A hosted zone the learner owns (Route 53 ID, with or without `/hostedzone/`); empty: keep the stack's. */
  hostedZoneId?: string;
}

/**
 * The primary's parameters: its role, the second region, and the secondary's `AlbDnsName` (the failover record's
 * answer) and `StaticBucketArn` (the replication's destination). The hosted zone is the learner's, else the one the
 * primary already uses, else — in the sandbox, where a domain costs nothing — a zone made for the lab.
 */
export async function primaryParameters(input: PrimaryInput): Promise<Record<string, string>> {
  const { secondary, stackName, templateBody } = input;
  const other = await currentStack(secondary, stackName);
  if (!other || !COMPLETE.has(other.StackStatus ?? ''))
    throw new StackError(
      'secondary-missing',
      `Stack ${stackName} in ${secondary.region} is ${other?.StackStatus ?? 'not there'}: the primary takes the secondary's outputs, so deploy the secondary first.`,
    );
  const out = (key: string) => other.Outputs?.find((o) => o.OutputKey === key)?.OutputValue ?? '';
  const declared = declaredParameters(templateBody);
  const zone = declared.has('HostedZoneId') ? await hostedZone(input) : undefined;
  return declaredOnly(templateBody, {
    Role: 'primary',
    SecondRegion: secondary.region,
    SecondaryAlbDnsName: out('AlbDnsName'),
    ReplicaBucketArn: out('StaticBucketArn'),
    ...(zone ? { HostedZoneId: zone.id, DomainName: zone.domain } : {}),
  });
}

interface Zone {
  id: string;
  domain: string;
}

async function hostedZone(input: PrimaryInput): Promise<Zone | undefined> {
  const { primary, stackName } = input;
  const given = input.hostedZoneId?.replace('/hostedzone/', '').trim();
  if (given) return { id: given, domain: await zoneDomain(primary, given) };
  const stack = await currentStack(primary, stackName);
  const previous = (key: string) => stack?.Parameters?.find((p) => p.ParameterKey === key)?.ParameterValue ?? '';
  if (previous('HostedZoneId') && previous('DomainName'))
    return { id: previous('HostedZoneId'), domain: previous('DomainName') };
  return primary.account.kind === 'sandbox' ? sandboxZone(primary, stackName) : undefined;
}

/** The zone's domain (`example.com`, without Route 53's final dot), read from the account's hosted zones. */
async function zoneDomain(clients: AwsClients, id: string): Promise<string> {
  let marker: string | undefined;
  do {
    const page = await clients.route53.send(new ListHostedZonesCommand({ Marker: marker }));
    const zone = page.HostedZones?.find((z) => z.Id?.replace('/hostedzone/', '') === id);
    if (zone) {
      if (zone.Config?.PrivateZone)
        throw new StackError(
          'hosted-zone',
          `Hosted zone ${id} is private: failover records for users need a public zone.`,
        );
      return (zone.Name ?? '').replace(/\.$/, '');
    }
    marker = page.IsTruncated ? page.NextMarker : undefined;
  } while (marker);
  throw new StackError('hosted-zone', `No hosted zone found with ID: ${id}`);
}

/** The sandbox's zone for the lab: a stack of its own (`<stack>-zone`), so deleting the lab stack leaves it alone. */
export const zoneStackName = (stackName: string) => `${stackName}-zone`;
export const sandboxDomain = (stackName: string) => `${stackName}.example.com`;

async function sandboxZone(clients: AwsClients, stackName: string): Promise<Zone> {
  const name = zoneStackName(stackName);
  let stack = await currentStack(clients, name);
  if (!stack || !COMPLETE.has(stack.StackStatus ?? '')) {
    const body = [
      'Description: The sandbox hosted zone of the lab pair (stage 06); a real account uses a domain of its own.',
      'Resources:',
      `  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: ${sandboxDomain(stackName)} } }`,
      'Outputs:',
      '  ZoneId: { Value: !Ref Zone }',
      '',
    ].join('\n');
    const preview = await prepareChangeSet({
      clients,
      stackName: name,
      templateBody: body,
      tags: { 'scalelab:role': 'zone' },
    });
    await executeChangeSet(clients, name, preview.changeSetId);
    await followStack(clients, name, new Date(Date.now() - 1000), () => {}, { intervalMs: 200 });
    stack = await currentStack(clients, name);
  }
  const id = (stack?.Outputs?.find((o) => o.OutputKey === 'ZoneId')?.OutputValue ?? '').replace('/hostedzone/', '');
  if (!id) throw new StackError('hosted-zone', `The sandbox could not make a hosted zone (${stack?.StackStatus}).`);
  return { id, domain: sandboxDomain(stackName) };
}
