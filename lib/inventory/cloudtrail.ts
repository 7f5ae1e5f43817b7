import { DescribeTrailsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import type { AwsClients } from '@/lib/aws/clients';
import type { Memo } from './memo';

/** A trail as DescribeTrails shows it, and whether it logs (asked only for multi-region trails). */
export interface TrailState {
  trail: Trail;
  isLogging: boolean | undefined;
}

/**
 * The trails that cover this region (its own, and multi-region trails homed elsewhere, which AWS lists as shadow
 * trails), with the logging status of every multi-region one: one DescribeTrails plus one GetTrailStatus each.
 */
export function loadTrails(clients: AwsClients, memo: Memo): Promise<TrailState[]> {
  return memo.get('cloudtrail.trails', async () => {
    const trails = (await clients.cloudtrail.send(new DescribeTrailsCommand({}))).trailList ?? [];
    return Promise.all(
      trails.map(async (trail) => {
        if (!trail.IsMultiRegionTrail) return { trail, isLogging: undefined };
        const status = await clients.cloudtrail.send(new GetTrailStatusCommand({ Name: trail.TrailARN ?? trail.Name }));
        return { trail, isLogging: status.IsLogging === true };
      }),
    );
  });
}
