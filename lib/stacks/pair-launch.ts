/**
 * The stack card's steps for stage 06's pair (pair.ts): preview the secondary in the second region, then the primary
 * with the secondary's outputs; delete the primary, then the secondary. Every launch is still a change set the
 * learner sees before it runs, one region at a time.
 */
import type { AwsClients } from '@/lib/aws/clients';
import { type ChangeSetPreview, currentStack, prepareChangeSet } from './change-sets';
import { StackError } from './errors';
import { primaryParameters, secondaryParameters, zoneStackName } from './pair';
import { preflight } from './preflight';

export type PairTarget = 'primary' | 'secondary';

export interface PairPreview extends ChangeSetPreview {
  region: string;
  target: PairTarget;
  /** The secondary was asked for and had nothing to change: this is the primary's change set. */
  secondaryUnchanged?: boolean;
}

export interface PairPreviewInput {
  primary: AwsClients;
  secondRegion: string;
  stackName: string;
  templateBody: string;
  tags: Record<string, string>;
  target: PairTarget;
  hostedZoneId?: string;
}

/** On a real account: room (VPCs, Elastic IPs) and permissions in this region, before anything is created. */
async function assertRoom(clients: AwsClients, stackName: string, templateBody: string): Promise<void> {
  if (clients.account.kind === 'sandbox') return;
  const check = await preflight(clients, templateBody, Boolean(await currentStack(clients, stackName)));
  if (check.problems.length)
    throw new StackError('preflight', `${clients.region}: ${check.problems.map((p) => p.message).join(' ')}`);
}

/** The change set of one stack of the pair; the secondary's "nothing to change" moves on to the primary's. */
export async function previewPair(input: PairPreviewInput): Promise<PairPreview> {
  const { primary, stackName, templateBody, tags } = input;
  const secondary = primary.forRegion(input.secondRegion);
  if (input.target === 'secondary') {
    await assertRoom(secondary, stackName, templateBody);
    try {
      const preview = await prepareChangeSet({
        clients: secondary,
        stackName,
        templateBody,
        parameters: secondaryParameters(templateBody),
        tags,
      });
      return { ...preview, region: secondary.region, target: 'secondary' };
    } catch (err) {
      if (!(err instanceof StackError && err.code === 'no-changes')) throw err;
      const next = await previewPair({ ...input, target: 'primary' });
      return { ...next, secondaryUnchanged: true };
    }
  }
  await assertRoom(primary, stackName, templateBody);
  const parameters = await primaryParameters({
    primary,
    secondary,
    stackName,
    templateBody,
    ...(input.hostedZoneId ? { hostedZoneId: input.hostedZoneId } : {}),
  });
  const preview = await prepareChangeSet({ clients: primary, stackName, templateBody, parameters, tags });
  return { ...preview, region: primary.region, target: 'primary' };
}

/** What a delete of the pair removes, in order: the first stack now, the rest once it is gone. */
export interface PairDeletion {
  first: AwsClients | undefined;
  after: { region: string; stackName: string }[];
}

export async function planPairDeletion(
  primary: AwsClients,
  secondRegion: string,
  stackName: string,
): Promise<PairDeletion> {
  const secondary = primary.forRegion(secondRegion);
  const [main, other, zone] = await Promise.all([
    currentStack(primary, stackName),
    currentStack(secondary, stackName),
    // The sandbox's hosted zone of the pair (pair.ts), emptied once the primary's failover records are gone.
    primary.account.kind === 'sandbox' ? currentStack(primary, zoneStackName(stackName)) : undefined,
  ]);
  const after = [
    ...(other ? [{ region: secondRegion, stackName }] : []),
    ...(zone ? [{ region: primary.region, stackName: zoneStackName(stackName) }] : []),
  ];
  if (main) return { first: primary, after };
  // The primary is gone already (or was never made): the secondary goes at once.
  return { first: other ? secondary : undefined, after: after.filter((t) => t.stackName !== stackName) };
}
