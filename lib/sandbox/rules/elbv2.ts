/** Elastic Load Balancing v2: where a load balancer's nodes go. */
import type { ModelContext } from '../resources';
import { list, str } from '../resources/model';
import { records, refuse, rule } from './rule';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

const zonesOf = (ctx: ModelContext) => {
  const ids = [...list(ctx.props, 'Subnets'), ...records(ctx.props.SubnetMappings).map((m) => String(m.SubnetId))];
  const subnets = ids.map((id) => ctx.world.find('AWS::EC2::Subnet', id));
  return subnets.every(Boolean) ? subnets.map((s) => String(s?.attrs.AvailabilityZone)) : undefined;
};

// ELB User Guide for Application Load Balancers › Application Load Balancers › "Availability Zones and load balancer
// nodes": you must enable at least two Availability Zones; you can specify only one subnet per Availability Zone.
const SOURCE = {
  title:
    'Elastic Load Balancing: User Guide for Application Load Balancers › Availability Zones and load balancer nodes',
  url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones',
};

export const albTwoZones = rule({
  id: 'elbv2.alb-two-azs',
  types: [LB],
  says: 'An Application Load Balancer has subnets in at least two Availability Zones.',
  source: SOURCE,
  check(ctx) {
    const zones = zonesOf(ctx);
    if (zones && (str(ctx.props, 'Type') ?? 'application') === 'application' && new Set(zones).size < 2)
      refuse('At least two subnets in two different Availability Zones must be specified', 'ValidationError');
  },
});

export const oneSubnetPerZone = rule({
  id: 'elbv2.one-subnet-per-az',
  types: [LB],
  says: 'A load balancer has at most one subnet per Availability Zone.',
  source: SOURCE,
  check(ctx) {
    const zones = zonesOf(ctx);
    if (zones && new Set(zones).size < zones.length)
      refuse(
        'A load balancer cannot be attached to multiple subnets in the same Availability Zone',
        'InvalidConfigurationRequest',
      );
  },
});

export const elbv2Rules = [albTwoZones, oneSubnetPerZone];
