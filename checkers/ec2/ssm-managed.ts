import { type FleetProfile, grantsSsm, SSM_POLICIES } from '@/lib/inventory/iam';
import { defineCheck, fail, noLabYet, pass } from '../define';

const policyName = (arn: string) => arn.split('/').pop() ?? arn;
const managed = (p: FleetProfile) => p.roles.some((r) => r.policyArns.some(grantsSsm));

/** Why a profile does not make its instances SSM-managed. */
function problem(p: FleetProfile): string {
  if (!p.arn) return `${p.instanceIds.join(', ')}: no instance profile`;
  if (p.roles.length === 0) return `instance profile ${p.name} (${p.instanceIds.join(', ')}): no role`;
  const policies = p.roles.flatMap((r) => r.policyArns.map(policyName));
  return `instance profile ${p.name} (${p.instanceIds.join(', ')}): managed policies ${policies.join(', ') || 'none'}`;
}

export default defineCheck({
  id: 'ec2.ssm-managed',
  stage: '04-cache-automate-secure',
  severity: 'required',
  reads: ['fleetProfiles', 'instances', 'ssmView', 'defaultHostManagementRole'],
  title: {
    en: 'Systems Manager manages every web instance (Online in Fleet Manager)',
    ko: 'Systems Manager가 모든 웹 인스턴스를 관리한다 (Fleet Manager에서 Online)',
  },
  why: {
    en: 'With the SSM agent registered, Session Manager opens a shell through IAM: no inbound port, no key pair to leak, no bastion host to patch, and every session is logged. It is also how Run Command patches and automates a whole fleet at once.',
    ko: 'SSM 에이전트가 등록되면 Session Manager가 IAM을 통해 셸을 엽니다. 인바운드 포트도, 유출될 키 페어도, 패치할 배스천 호스트도 없고 모든 세션이 기록됩니다. Run Command로 인스턴스 그룹 전체를 한 번에 패치하고 자동화하는 길이기도 합니다.',
  },
  hint: {
    en: 'Add the AWS managed policy AmazonSSMManagedInstanceCore to the web role (ManagedPolicyArns), the role of the instance profile in the launch template.',
    ko: '시작 템플릿의 인스턴스 프로파일에 연결된 웹 역할에 AWS 관리형 정책 AmazonSSMManagedInstanceCore를 추가하세요 (ManagedPolicyArns).',
  },
  step: 'session-manager',
  remediation: {
    template:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
      "WebRole:\n  Type: AWS::IAM::Role\n  Properties:\n    ManagedPolicyArns:\n      - !Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore'",
    console: {
      en: 'IAM → Roles → the web role → Add permissions → Attach policies → AmazonSSMManagedInstanceCore. Then Systems Manager → Fleet Manager lists the instances; Session Manager → Start session.',
      ko: 'IAM → 역할 → 웹 역할 → 권한 추가 → 정책 연결 → AmazonSSMManagedInstanceCore. 이후 Systems Manager → Fleet Manager에 인스턴스가 보이고, Session Manager → 세션 시작으로 접속합니다.',
    },
    cli: 'aws iam attach-role-policy --role-name <web-role> --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [profiles, view, dhmcRole] = await Promise.all([
      inv.fleetProfiles(),
      inv.ssmView(),
      inv.defaultHostManagementRole(),
    ]);
    if (profiles.length === 0)
      return fail({ en: 'No web instance in the lab VPC.', ko: '실습 VPC에 웹 인스턴스가 없습니다.' });
    const byPolicy = (p: FleetProfile) => managed(p) || dhmcRole !== undefined;
    const ping = (id: string) => (view.answered ? (view.pingStatus.get(id) ?? 'not registered') : null);
    const evidence = profiles.map((p) => ({
      id: p.name ?? p.instanceIds.join(', '),
      type: p.arn ? 'AWS::IAM::InstanceProfile' : 'AWS::EC2::Instance',
      values: {
        instances: p.instanceIds.join(', '),
        roles: p.roles.map((r) => r.name).join(', ') || null,
        managedPolicies: p.roles.flatMap((r) => r.policyArns.map(policyName)).join(', ') || null,
        defaultHostManagementRole: dhmcRole ?? null,
        pingStatus: view.answered ? p.instanceIds.map((id) => `${id}=${ping(id)}`).join(', ') : null,
      },
    }));
    const dhmc = dhmcRole ? ` (Default Host Management Configuration lends role ${dhmcRole})` : '';

    // Systems Manager's own view decides where it answers: every web instance must be Online.
    if (view.answered) {
      const instances = profiles.flatMap((p) => p.instanceIds);
      const offline = profiles.flatMap((p) =>
        p.instanceIds.filter((id) => ping(id) !== 'Online').map((id) => ({ id, p })),
      );
      if (offline.length === 0) {
        return pass(
          {
            en: `Systems Manager reports EC2 instances ${instances.join(', ')} Online.`,
            ko: `Systems Manager가 EC2 인스턴스 ${instances.join(', ')}를 Online으로 보고합니다.`,
          },
          evidence,
        );
      }
      const list = offline
        .map(({ id, p }) =>
          byPolicy(p)
            ? `${id}: ${ping(id)} (the permissions are there${dhmc}: the agent has not registered yet, or cannot reach the SSM endpoints)`
            : `${id}: ${ping(id)}, ${problem(p)}`,
        )
        .join('; ');
      return fail(
        {
          en: `Systems Manager does not manage every web instance: ${list}.`,
          ko: `Systems Manager가 관리하지 않는 웹 인스턴스가 있습니다: ${list}.`,
        },
        evidence,
      );
    }

    // SSM could not be asked (no permission, the sandbox): judge what makes an instance managed.
    const bad = profiles.filter((p) => !byPolicy(p));
    if (bad.length === 0) {
      const names = profiles.map((p) => p.name ?? p.instanceIds.join(', ')).join(', ');
      const instances = profiles.flatMap((p) => p.instanceIds).join(', ');
      const how = dhmcRole
        ? {
            en: `Default Host Management Configuration (role ${dhmcRole})`,
            ko: `기본 호스트 관리 구성(역할 ${dhmcRole})`,
          }
        : {
            en: `IAM instance profile ${names}, which carries an SSM managed-instance policy`,
            ko: `SSM 관리형 인스턴스 정책이 있는 IAM 인스턴스 프로파일 ${names}`,
          };
      return pass(
        {
          en: `EC2 instances ${instances} are SSM-managed through ${how.en} (Systems Manager itself was not asked: ${view.reason}).`,
          ko: `EC2 인스턴스 ${instances}는 ${how.ko}로 SSM 관리 대상입니다 (Systems Manager에는 묻지 못했습니다: ${view.reason}).`,
        },
        evidence,
      );
    }
    const list = bad.map(problem).join('; ');
    return fail(
      {
        en: `Web instances are not SSM-managed (needs ${SSM_POLICIES[0]} or Default Host Management Configuration): ${list}.`,
        ko: `웹 인스턴스가 SSM 관리 대상이 아닙니다 (${SSM_POLICIES[0]} 또는 기본 호스트 관리 구성 필요): ${list}.`,
      },
      evidence,
    );
  },
});
