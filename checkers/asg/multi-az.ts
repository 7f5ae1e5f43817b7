import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { asgEvidence, noAsg } from './evidence';

const azsOf = (asg: AutoScalingGroup) => [...new Set(asg.AvailabilityZones ?? [])].sort();

/** What keeps a group from being a fleet across AZs that can grow: empty when nothing does. */
function problems(asg: AutoScalingGroup): string[] {
  const min = asg.MinSize ?? 0;
  const max = asg.MaxSize ?? 0;
  const azs = azsOf(asg);
  return [
    ...(azs.length < 2 ? [`AZs ${azs.join(', ') || 'none'} (needs ≥ 2)`] : []),
    ...(min < 2 ? [`MinSize=${min} (needs ≥ 2)`] : []),
    ...(max <= min ? [`MaxSize=${max} (needs > MinSize)`] : []),
  ];
}

export default defineCheck({
  id: 'asg.multi-az',
  stage: '03-scale-out',
  severity: 'required',
  reads: ['webGroup', 'autoScalingGroups', 'subnets'],
  title: {
    en: 'An Auto Scaling group runs at least 2 instances across 2 AZs and can grow',
    ko: 'Auto Scaling 그룹이 두 AZ에 걸쳐 최소 2대를 유지하고 더 늘어날 수 있다',
  },
  why: {
    en: 'Scale out, not up: instead of buying for the peak (Amazon.com once left 76% of its November capacity idle), the group keeps a minimum of two instances in two AZs for availability and adds more up to MaxSize when load rises.',
    ko: '위로가 아니라 옆으로 확장합니다. 최대치에 맞춰 미리 사 두는 대신(Amazon.com은 한때 11월 용량의 76%를 놀렸습니다), 그룹이 가용성을 위해 두 AZ에 최소 2대를 유지하고 부하가 오르면 MaxSize까지 인스턴스를 더합니다.',
  },
  hint: {
    en: 'Replace the web instances with an Auto Scaling group over the two public subnets: MinSize 2, MaxSize 4 (greater than MinSize).',
    ko: '웹 인스턴스를 두 퍼블릭 서브넷에 걸친 Auto Scaling 그룹으로 바꾸세요. MinSize 2, MaxSize 4(MinSize보다 크게)로 설정합니다.',
  },
  step: 'auto-scaling-group',
  remediation: {
    template:
      "WebAsg:\n  Type: AWS::AutoScaling::AutoScalingGroup\n  Properties:\n    MinSize: '2'\n    MaxSize: '4'\n    VPCZoneIdentifier: [!Ref PublicSubnet, !Ref PublicSubnetB]\n    LaunchTemplate:\n      LaunchTemplateId: !Ref WebLaunchTemplate\n      Version: !GetAtt WebLaunchTemplate.LatestVersionNumber",
    console: {
      en: 'EC2 → Auto Scaling groups → Create → the web launch template → the lab VPC, both public subnets → desired 2, min 2, max 4.',
      ko: 'EC2 → Auto Scaling 그룹 → 생성 → 웹 시작 템플릿 선택 → 실습 VPC와 두 퍼블릭 서브넷 → 원하는 용량 2, 최소 2, 최대 4.',
    },
    cli: 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name <asg> --min-size 2 --max-size 4 --vpc-zone-identifier "<public-a>,<public-b>"',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    // The lab's web group, the same one every asg.* check judges (lib/inventory: webGroup).
    const web = await inv.webGroup();
    if (!web) return fail(noAsg);
    const groups = [web];
    const evidence = groups.map((g) =>
      asgEvidence(g, {
        MinSize: g.MinSize ?? null,
        MaxSize: g.MaxSize ?? null,
        DesiredCapacity: g.DesiredCapacity ?? null,
        AvailabilityZones: azsOf(g).join(', ') || null,
      }),
    );
    const good = groups.find((g) => problems(g).length === 0);
    if (good) {
      return pass(
        {
          en: `Auto Scaling group ${good.AutoScalingGroupName} spans ${azsOf(good).join(', ')} with MinSize=${good.MinSize}, MaxSize=${good.MaxSize}.`,
          ko: `Auto Scaling 그룹 ${good.AutoScalingGroupName}가 ${azsOf(good).join(', ')}에 걸쳐 있고 MinSize=${good.MinSize}, MaxSize=${good.MaxSize}입니다.`,
        },
        evidence,
      );
    }
    const list = groups.map((g) => `${g.AutoScalingGroupName}: ${problems(g).join(', ')}`).join('; ');
    return fail(
      {
        en: `No Auto Scaling group is multi-AZ with room to grow (${list}).`,
        ko: `여러 AZ에 걸쳐 있으면서 늘어날 여유가 있는 Auto Scaling 그룹이 없습니다 (${list}).`,
      },
      evidence,
    );
  },
});
