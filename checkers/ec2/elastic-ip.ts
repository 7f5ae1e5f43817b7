import { defineCheck, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'ec2.elastic-ip',
  stage: '00-one-user',
  severity: 'required',
  reads: ['instances', 'addresses'],
  title: { en: 'The web instance has an Elastic IP', ko: '웹 인스턴스에 Elastic IP가 연결되어 있다' },
  why: {
    en: 'A stop/start (for example to scale up) gives an instance a new public IP. An Elastic IP keeps the address your users and DNS know.',
    ko: '인스턴스를 중지했다가 시작하면(예: 스케일 업) 퍼블릭 IP가 바뀝니다. Elastic IP는 사용자와 DNS가 아는 주소를 그대로 유지합니다.',
  },
  hint: {
    en: 'Allocate an Elastic IP and associate it with the web instance.',
    ko: 'Elastic IP를 할당하고 웹 인스턴스에 연결하세요.',
  },
  step: 'elastic-ip',
  remediation: {
    template: 'WebEip:\n  Type: AWS::EC2::EIP\n  Properties:\n    Domain: vpc\n    InstanceId: !Ref WebInstance',
    console: {
      en: 'EC2 → Elastic IPs → Allocate → Actions → Associate → choose the web instance.',
      ko: 'EC2 → 탄력적 IP → 할당 → 작업 → 연결 → 웹 인스턴스 선택.',
    },
    cli: 'aws ec2 associate-address --instance-id <instance-id> --allocation-id $(aws ec2 allocate-address --query AllocationId --output text)',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [web, addresses] = await Promise.all([inv.webInstances(), inv.addresses()]);
    if (web.length === 0) {
      return fail({
        en: 'No web instance in the lab VPC to attach an Elastic IP to.',
        ko: 'Elastic IP를 연결할 웹 인스턴스가 실습 VPC에 없습니다.',
      });
    }
    const ids = new Set(web.map((i) => i.InstanceId));
    const attached = addresses.filter((a) => a.InstanceId && ids.has(a.InstanceId));
    const evidence = attached.map((a) => ({
      id: a.AllocationId ?? a.PublicIp ?? '?',
      type: 'AWS::EC2::EIP',
      values: { PublicIp: a.PublicIp ?? null, InstanceId: a.InstanceId ?? null },
    }));
    const first = attached[0];
    if (first) {
      return pass(
        {
          en: `Elastic IP ${first.PublicIp} is associated with ${first.InstanceId}.`,
          ko: `Elastic IP ${first.PublicIp}가 ${first.InstanceId}에 연결되어 있습니다.`,
        },
        evidence,
      );
    }
    const names = [...ids].join(', ');
    return fail(
      {
        en: `No Elastic IP is associated with the web instance (${names}).`,
        ko: `웹 인스턴스(${names})에 연결된 Elastic IP가 없습니다.`,
      },
      web.map((i) => ({
        id: i.InstanceId ?? '?',
        type: 'AWS::EC2::Instance',
        values: { PublicIpAddress: i.PublicIpAddress ?? null },
      })),
    );
  },
});
