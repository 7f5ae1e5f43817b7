import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import type { ResourceRecord } from '../state';
import { byPhysicalId, inRegion } from './common';

const TYPE = 'AWS::EC2::LaunchTemplate';

function findTemplate(ctx: CallContext): ResourceRecord {
  const id = ctx.input.LaunchTemplateId as string | undefined;
  const name = ctx.input.LaunchTemplateName as string | undefined;
  const found = id ? byPhysicalId(ctx, TYPE, id) : inRegion(ctx, TYPE).find((t) => t.attrs.LaunchTemplateName === name);
  if (!found) {
    throw id
      ? awsError(
          'InvalidLaunchTemplateId.NotFound',
          `The specified launch template, with template ID ${id}, does not exist.`,
        )
      : awsError(
          'InvalidLaunchTemplateName.NotFoundException',
          `At least one of the launch templates specified in the request does not exist.`,
        );
  }
  return found;
}

/**
 * DescribeLaunchTemplateVersions for the versions the sandbox keeps: only the latest one (each update of the
 * resource makes a new version and the sandbox holds its data). `$Latest`, `$Default` and that version number answer;
 * an older number is answered the way EC2 answers a version that does not exist.
 */
export const ec2LaunchTemplateHandlers: Handlers = {
  'EC2.DescribeLaunchTemplateVersions': (ctx) => {
    const t = findTemplate(ctx);
    const latest = String(t.attrs.LatestVersionNumber ?? '1');
    const asked = ((ctx.input.Versions as string[] | undefined) ?? ['$Latest']).map(String);
    const unknown = asked.filter((v) => !['$Latest', '$Default', latest].includes(v));
    if (unknown.length) {
      throw awsError(
        'InvalidLaunchTemplateId.VersionNotFound',
        `Could not find launch template version ${unknown[0]} for template ${t.physicalId}.`,
      );
    }
    const data = (t.props.LaunchTemplateData ?? {}) as Record<string, unknown>;
    return {
      LaunchTemplateVersions: [
        {
          LaunchTemplateId: t.physicalId,
          LaunchTemplateName: t.attrs.LaunchTemplateName,
          VersionNumber: Number(latest),
          DefaultVersion: true,
          CreateTime: new Date(t.createdAt),
          LaunchTemplateData: data,
        },
      ],
    };
  },
};
