import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { DescribeLaunchTemplateVersionsCommand } from '@aws-sdk/client-ec2';
import { GetServiceSettingCommand, paginateDescribeInstanceInformation } from '@aws-sdk/client-ssm';
import type { AwsClients } from '@/lib/aws/clients';
import { explainAwsError } from '@/lib/aws/errors';
import { collect, type Memo } from './memo';

/**
 * What Systems Manager itself says about the instances: `PingStatus` per registered instance (Online,
 * ConnectionLost, Inactive). `answered: false` with the reason when SSM cannot be asked (no permission, the sandbox).
 */
export type SsmView = { answered: true; pingStatus: Map<string, string> } | { answered: false; reason: string };

export function loadSsmView(clients: AwsClients, memo: Memo): Promise<SsmView> {
  return memo.get('ssm.instanceInformation', async () => {
    try {
      const list = await collect(
        paginateDescribeInstanceInformation({ client: clients.ssm }, {}),
        (p) => p.InstanceInformationList,
      );
      return {
        answered: true,
        pingStatus: new Map(list.flatMap((i) => (i.InstanceId ? [[i.InstanceId, i.PingStatus ?? 'Unknown']] : []))),
      };
    } catch (err) {
      return {
        answered: false,
        reason: explainAwsError(err, { service: 'SSM', operation: 'DescribeInstanceInformation' }).reason.en,
      };
    }
  });
}

/** The setting that turns on Default Host Management Configuration (SSM manages every EC2 instance of the region). */
export const DHMC_SETTING = '/ssm/managed-instance/default-ec2-instance-management-role';

/**
 * The role Default Host Management Configuration lends instances, when it is on (Systems Manager User Guide,
 * "Managing EC2 instances with Default Host Management Configuration"). Undefined when it is off ("$None") or
 * when the setting cannot be read.
 */
export function loadDefaultHostManagementRole(clients: AwsClients, memo: Memo): Promise<string | undefined> {
  return memo.get('ssm.dhmc', async () => {
    try {
      const out = await clients.ssm.send(new GetServiceSettingCommand({ SettingId: DHMC_SETTING }));
      const value = out.ServiceSetting?.SettingValue;
      return value && value !== '$None' ? value : undefined;
    } catch {
      return undefined;
    }
  });
}

/** The configuration a group's instances start with: its launch template version's user data, decoded. */
export interface LaunchConfiguration {
  /** `lt-0abc… version 3`: which deployed version was read. */
  source: string;
  userData: string;
}

export function launchConfigurationOf(
  clients: AwsClients,
  memo: Memo,
  group: AutoScalingGroup,
): Promise<LaunchConfiguration | undefined> {
  const spec = group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  if (!spec?.LaunchTemplateId && !spec?.LaunchTemplateName) return Promise.resolve(undefined);
  const version = spec.Version ?? '$Default';
  return memo.get(`ec2.ltVersion:${spec.LaunchTemplateId ?? spec.LaunchTemplateName}:${version}`, async () => {
    const out = await clients.ec2.send(
      new DescribeLaunchTemplateVersionsCommand({
        ...(spec.LaunchTemplateId
          ? { LaunchTemplateId: spec.LaunchTemplateId }
          : { LaunchTemplateName: spec.LaunchTemplateName }),
        Versions: [version],
      }),
    );
    const v = out.LaunchTemplateVersions?.[0];
    if (!v) return undefined;
    const raw = v.LaunchTemplateData?.UserData ?? '';
    return {
      source: `${v.LaunchTemplateId} version ${v.VersionNumber}`,
      userData: Buffer.from(raw, 'base64').toString('utf8'),
    };
  });
}

/** Does the configuration name this value as a whole word (an endpoint, a table name), not as part of a longer one? */
export function configurationNames(config: LaunchConfiguration | undefined, value: string | undefined): boolean {
  if (!config || !value) return false;
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_.-])${escaped}($|[^A-Za-z0-9_.-])`).test(config.userData);
}

/** The endpoint addresses clients can reach a cache by: primary, reader, configuration (cluster mode). */
export function cacheAddresses(group: {
  NodeGroups?: { PrimaryEndpoint?: { Address?: string }; ReaderEndpoint?: { Address?: string } }[];
  ConfigurationEndpoint?: { Address?: string };
}): string[] {
  return [
    ...(group.NodeGroups ?? []).flatMap((n) => [n.PrimaryEndpoint?.Address, n.ReaderEndpoint?.Address]),
    group.ConfigurationEndpoint?.Address,
  ].filter((a): a is string => Boolean(a));
}
