import type { Parameter, Stack } from '@aws-sdk/client-cloudformation';
import { ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import type { AwsClients } from '@/lib/aws/clients';
import { parseTemplate } from '@/lib/cfn';

/**
 * Parameter values the platform fills in so that a lab update changes only what the learner changed.
 *
 * - `AmiId`: CloudFormation resolves an `AWS::SSM::Parameter::Value<…>` parameter again on every stack update, even
 *   with UsePreviousValue (AWS CloudFormation User Guide, "Specify existing resources at runtime with
 *   CloudFormation-supplied parameter types" → "SSM parameter types"). After a new Amazon Linux release an unrelated
 *   update would then change ImageId and replace the web servers. The lab templates take the AMI from `AmiId` when
 *   it is set, so on an update the platform passes the AMI the stack already runs: the previous `AmiId`, else the
 *   value `LatestAmiId` resolved to at the last deployment (DescribeStacks' `ResolvedValue`).
 * - `CreateGuardDutyDetector`: a region has at most one detector, and an organization's delegated administrator may
 *   already run it ("A detector already exists for the current account" rolls the stack back). When the stack does
 *   not own a detector yet and one exists, the platform passes 'false'; a stack that created its own keeps it.
 *
 * A value the caller gives explicitly always wins.
 */
export async function platformParameters(
  clients: AwsClients,
  templateBody: string,
  stack: Stack | undefined,
  given: Record<string, string> = {},
): Promise<Record<string, string>> {
  const declared = new Set(parseTemplate(templateBody, 'template.yaml').parameters.map((p) => p.name));
  const out: Record<string, string> = {};
  const previous = (key: string): Parameter | undefined => stack?.Parameters?.find((p) => p.ParameterKey === key);

  if (declared.has('AmiId') && !('AmiId' in given) && stack) {
    const pinned = previous('AmiId')?.ParameterValue || previous('LatestAmiId')?.ResolvedValue;
    if (pinned) out.AmiId = pinned;
  }

  if (declared.has('CreateGuardDutyDetector') && !('CreateGuardDutyDetector' in given)) {
    const before = previous('CreateGuardDutyDetector')?.ParameterValue;
    if (before === 'true') out.CreateGuardDutyDetector = 'true';
    else if (await regionHasDetector(clients)) out.CreateGuardDutyDetector = 'false';
  }
  return out;
}

/** Does the region already have a GuardDuty detector (this account's, or one its organization enabled)? */
async function regionHasDetector(clients: AwsClients): Promise<boolean> {
  try {
    const out = await clients.guardduty.send(new ListDetectorsCommand({}));
    return (out.DetectorIds ?? []).length > 0;
  } catch {
    // Not allowed to look: leave the template's default (create one), as a learner deploying by hand would.
    return false;
  }
}
