import { paginateDescribeAutoScalingGroups, paginateDescribePolicies } from '@aws-sdk/client-auto-scaling';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import type { Localized } from '@/lib/i18n/locales';
import type { NetworkView } from '@/lib/sandbox/data-plane/view';
import type { DrillWorld } from './world';

/** A drill that cannot start, with the reason in the learner's words. */
export class DrillUnavailableError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
    this.name = 'DrillUnavailableError';
  }
}

/** The lab's public URL from its stack (the AppUrl output every stage's template has) and the stack's status. */
export async function labEndpoint(clients: AwsClients, stackName: string): Promise<string> {
  const stack = await clients.cloudformation
    .send(new DescribeStacksCommand({ StackName: stackName }))
    .then((o) => o.Stacks?.[0])
    .catch(() => undefined);
  if (!stack || stack.StackStatus?.startsWith('DELETE'))
    throw new DrillUnavailableError({
      en: `There is no lab stack ${stackName} to drill: launch the stage's template first.`,
      ko: `훈련할 실습 스택 ${stackName}이(가) 없습니다. 먼저 스테이지 템플릿을 시작하세요.`,
    });
  if (stack.StackStatus?.endsWith('_IN_PROGRESS'))
    throw new DrillUnavailableError({
      en: `The lab stack is ${stack.StackStatus}: wait until it has finished.`,
      ko: `실습 스택이 ${stack.StackStatus} 상태입니다. 끝날 때까지 기다리세요.`,
    });
  const url = stack.Outputs?.find((o) => o.OutputKey === 'AppUrl')?.OutputValue;
  if (!url || !/^https?:\/\//.test(url))
    throw new DrillUnavailableError({
      en: 'The lab stack has no AppUrl output: the drill sends its traffic only to the lab’s own endpoint.',
      ko: '실습 스택에 AppUrl 출력이 없습니다. 훈련은 실습 자신의 엔드포인트로만 트래픽을 보냅니다.',
    });
  return url;
}

/** The world a drill plays over: the given network view plus the region's Auto Scaling groups and policies. */
export async function loadWorld(clients: AwsClients, view: NetworkView, stackName: string): Promise<DrillWorld> {
  const url = await labEndpoint(clients, stackName);
  const groups = [];
  for await (const page of paginateDescribeAutoScalingGroups({ client: clients.autoscaling }, {}))
    groups.push(...(page.AutoScalingGroups ?? []));
  const policies = [];
  for await (const page of paginateDescribePolicies({ client: clients.autoscaling }, {}))
    policies.push(...(page.ScalingPolicies ?? []));
  const lab = groups.filter((g) => g.Tags?.some((t) => t.Key === 'scalelab:lab' && t.Value === stackName));
  return { view, region: clients.region, url, groups: lab.length ? lab : groups, policies };
}
