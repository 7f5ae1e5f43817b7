import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { PlacedTarget } from '@/lib/inventory/load-balancing';
import { loadBalancerAzs } from '@/lib/inventory/load-balancing';
import type { Evidence } from '../define';

/** Evidence for a load balancer: its name and the properties a check read. */
export function lbEvidence(lb: LoadBalancer, values: Evidence['values'] = {}): Evidence {
  return {
    id: lb.LoadBalancerName ?? lb.LoadBalancerArn ?? '?',
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    values: {
      Type: lb.Type ?? null,
      Scheme: lb.Scheme ?? null,
      AvailabilityZones: loadBalancerAzs(lb).join(', ') || null,
      ...values,
    },
  };
}

/** Evidence for a registered target: where it runs and what the load balancer thinks of it. */
export function targetEvidence(target: PlacedTarget, targetGroup: string): Evidence {
  return {
    id: target.id,
    type: 'AWS::ElasticLoadBalancingV2::Target',
    values: {
      targetGroup,
      AvailabilityZone: target.az ?? null,
      State: target.state,
      Reason: target.reason ?? null,
    },
  };
}

export const noAlb = {
  en: 'No internet-facing Application Load Balancer in the lab VPC yet.',
  ko: '실습 VPC에 아직 인터넷 경계(internet-facing) Application Load Balancer가 없습니다.',
};
