import { paginateDescribeVpcEndpoints, type VpcEndpoint } from '@aws-sdk/client-ec2';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/**
 * The region's VPC endpoints, deleted ones left out: asked without a `vpc-id` filter, so the describe need not wait
 * for the lab VPC's id (the caller keeps the lab VPC's by `VpcId`).
 */
export function loadVpcEndpoints(clients: AwsClients, memo: Memo): Promise<VpcEndpoint[]> {
  return memo.get('ec2.vpcEndpoints', async () =>
    (await collect(paginateDescribeVpcEndpoints({ client: clients.ec2 }, {}), (p) => p.VpcEndpoints)).filter(
      (e) => !['deleted', 'deleting', 'failed', 'rejected'].includes(String(e.State ?? '').toLowerCase()),
    ),
  );
}

/**
 * A gateway endpoint for S3 in this region: VpcEndpointType `Gateway` and ServiceName `com.amazonaws.<region>.s3`
 * (AWS PrivateLink guide, "Gateway endpoints for Amazon S3"). An interface endpoint for S3 is a different, priced thing.
 */
export const isS3Gateway = (e: VpcEndpoint, region: string): boolean =>
  String(e.VpcEndpointType ?? '').toLowerCase() === 'gateway' && e.ServiceName === `com.amazonaws.${region}.s3`;
