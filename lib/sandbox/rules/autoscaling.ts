/** Amazon EC2 Auto Scaling: group sizes and where a group launches. */
import { list, num } from '../resources/model';
import { refuse, rule } from './rule';

const ASG = 'AWS::AutoScaling::AutoScalingGroup';

// EC2 Auto Scaling User Guide › Set scaling limits for your Auto Scaling group: the desired capacity must be equal to
// or greater than the minimum and equal to or less than the maximum.
export const sizeBounds = rule({
  id: 'autoscaling.min-desired-max',
  types: [ASG],
  says: 'MinSize ≤ DesiredCapacity ≤ MaxSize.',
  source: {
    title: 'Amazon EC2 Auto Scaling User Guide: Set scaling limits for your Auto Scaling group',
    url: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-capacity-limits.html',
  },
  check(ctx) {
    const min = num(ctx.props, 'MinSize');
    const max = num(ctx.props, 'MaxSize');
    if (min === undefined || max === undefined) return;
    if (min > max) refuse(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`, 'ValidationError');
    const desired = num(ctx.props, 'DesiredCapacity') ?? min;
    if (desired < min || desired > max)
      refuse(
        `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
        'ValidationError',
      );
  },
});

// EC2 Auto Scaling User Guide › Auto Scaling groups › "Create an Auto Scaling group using a launch template": the
// subnets you choose must all belong to the one VPC you selected.
export const subnetsOneVpc = rule({
  id: 'autoscaling.subnets-one-vpc',
  types: [ASG],
  says: "An Auto Scaling group's subnets belong to one VPC.",
  source: {
    title: 'Amazon EC2 Auto Scaling User Guide: Create an Auto Scaling group using a launch template',
    url: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-asg-launch-template.html',
  },
  check(ctx) {
    const subnets = list(ctx.props, 'VPCZoneIdentifier').map((s) => ctx.world.find('AWS::EC2::Subnet', s));
    if (subnets.some((s) => !s)) return;
    const vpcs = new Set(subnets.map((s) => s?.attrs.VpcId));
    // Wording: the sandbox's (Auto Scaling's own text was not found); the code is the one Auto Scaling uses.
    if (vpcs.size > 1)
      refuse(`The subnets ${subnets.map((s) => s?.physicalId).join(', ')} are not in the same VPC.`, 'ValidationError');
  },
});

export const autoscalingRules = [sizeBounds, subnetsOneVpc];
