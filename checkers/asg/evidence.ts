import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Evidence } from '../define';

/** Evidence for an Auto Scaling group: its name and the properties a check read. */
export function asgEvidence(asg: AutoScalingGroup, values: Evidence['values']): Evidence {
  return { id: asg.AutoScalingGroupName ?? '?', type: 'AWS::AutoScaling::AutoScalingGroup', values };
}

export const noAsg = {
  en: 'No Auto Scaling group launches into the lab VPC’s subnets yet.',
  ko: '실습 VPC의 서브넷으로 인스턴스를 띄우는 Auto Scaling 그룹이 아직 없습니다.',
};
