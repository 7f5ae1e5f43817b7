import { GetDetectorCommand, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

export interface DetectorState {
  detectorId: string;
  status: string | undefined;
}

/** The GuardDuty detectors of the region (there is at most one per account and region) and their status. */
export function loadDetectors(clients: AwsClients, memo: Memo): Promise<DetectorState[]> {
  return memo.get('guardduty.detectors', async () => {
    const ids = await collect(paginateListDetectors({ client: clients.guardduty }, {}), (p) => p.DetectorIds);
    return Promise.all(
      ids.map(async (detectorId) => {
        const out = await clients.guardduty.send(new GetDetectorCommand({ DetectorId: detectorId }));
        return { detectorId, status: out.Status };
      }),
    );
  });
}
