/** Amazon Route 53: failover record pairs and health checks. */
import type { ModelContext } from '../resources';
import { num, obj, str } from '../resources/model';
import { isSelf, refuse, rule } from './rule';

const RECORD = 'AWS::Route53::RecordSet';

const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`).toLowerCase();
const zoneOf = (props: Record<string, unknown>) =>
  String(props.HostedZoneId ?? props.HostedZoneName ?? '').replace('/hostedzone/', '');

/** The other records of this zone with the same name and type. */
function siblings(ctx: ModelContext) {
  const name = fqdn(str(ctx.props, 'Name') ?? '');
  return ctx.world.all(RECORD, true).filter(
    (r) =>
      !isSelf(ctx, r) &&
      zoneOf(r.props) === zoneOf(ctx.props) &&
      fqdn(String(r.props.Name ?? '')) === name &&
      r.props.Type === ctx.props.Type &&
      // the same set identifier twice is the model's "already exists"
      String(r.props.SetIdentifier ?? '') !== String(ctx.props.SetIdentifier ?? ''),
  );
}

// Route 53 Developer Guide › Configuring DNS failover › "Configuring active-passive failover with one primary and one
// secondary resource": a name and type has one record with Failover PRIMARY and one with Failover SECONDARY, and a
// failover record cannot share its name and type with a record of another routing policy.
export const failoverPair = rule({
  id: 'route53.failover-one-primary-one-secondary',
  types: [RECORD],
  says: 'A failover name and type has one PRIMARY and one SECONDARY record, and no record of another routing policy.',
  source: {
    title:
      'Amazon Route 53 Developer Guide: Configuring active-passive failover with one primary and one secondary resource',
    url: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-types.html',
  },
  check(ctx) {
    const failover = str(ctx.props, 'Failover');
    const others = siblings(ctx);
    const name = fqdn(str(ctx.props, 'Name') ?? '');
    const type = String(ctx.props.Type);
    // Wording: Route 53's InvalidChangeBatch form ("[RRSet …]"); its exact sentence for these cases was not found.
    if (failover && others.some((r) => r.props.Failover === failover))
      refuse(
        `[RRSet with DNS name ${name}, type ${type} cannot have more than one failover record with Failover ${failover}]`,
        'InvalidChangeBatch',
      );
    if (others.some((r) => Boolean(r.props.Failover) !== Boolean(failover)))
      refuse(
        `[RRSet with DNS name ${name}, type ${type} cannot be created because a record with the same name and type and a different routing policy already exists]`,
        'InvalidChangeBatch',
      );
  },
});

// Route 53 API Reference › HealthCheckConfig: RequestInterval is 10 or 30 seconds; FailureThreshold is 1 to 10; a TCP
// check needs a Port.
export const healthCheckConfig = rule({
  id: 'route53.health-check-config',
  types: ['AWS::Route53::HealthCheck'],
  says: 'A health check polls every 10 or 30 seconds, fails after 1 to 10 failures, and a TCP check names its port.',
  source: {
    title: 'Amazon Route 53 API Reference: HealthCheckConfig',
    url: 'https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html',
  },
  check(ctx) {
    const config = obj(ctx.props, 'HealthCheckConfig');
    const interval = num(config, 'RequestInterval');
    const threshold = num(config, 'FailureThreshold');
    if (interval !== undefined && interval !== 10 && interval !== 30)
      refuse(`Invalid parameter : RequestInterval must be 10 or 30, got ${interval}.`, 'InvalidInput');
    if (threshold !== undefined && (threshold < 1 || threshold > 10))
      refuse(`Invalid parameter : FailureThreshold must be between 1 and 10, got ${threshold}.`, 'InvalidInput');
    if (str(config, 'Type') === 'TCP' && config.Port === undefined)
      refuse('Invalid parameter : Port is required for a TCP health check.', 'InvalidInput');
  },
});

export const route53Rules = [failoverPair, healthCheckConfig];
