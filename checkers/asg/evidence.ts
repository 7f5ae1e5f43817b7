import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Evidence } from '../define';

/** Evidence for an Auto Scaling group: its name and the properties a check read. */
export function asgEvidence(asg: AutoScalingGroup, values: Evidence['values']): Evidence {
  return { id: asg.AutoScalingGroupName ?? '?', type: 'AWS::AutoScaling::AutoScalingGroup', values };
}

/** No web group by the lab rule: not the stack's `WebAsgName`, none tagged `scalelab:lab`, none named after the stack. */
export const noAsg = {
  en: 'No web Auto Scaling group in the lab VPC’s subnets yet (the stack’s WebAsgName output, a group tagged scalelab:lab with your stack name, or one whose name starts with it).',
  ko: '실습 VPC의 서브넷에 웹 Auto Scaling 그룹이 아직 없습니다 (스택 출력 WebAsgName, 스택 이름으로 scalelab:lab 태그를 단 그룹, 또는 이름이 스택 이름으로 시작하는 그룹).',
};
