import { defineCheck, fail, noLabYet, pass } from '../define';
import { noDatabase } from './evidence';

export default defineCheck({
  id: 'rds.private-subnets',
  stage: '01-split-database',
  severity: 'required',
  reads: ['dbInstances', 'routeTables'],
  title: { en: 'The database lives in private subnets', ko: '데이터베이스가 프라이빗 서브넷에 있다' },
  why: {
    en: 'A private subnet has no route to the internet gateway, so even a misconfigured database cannot be reached from outside the VPC.',
    ko: '프라이빗 서브넷에는 인터넷 게이트웨이로 가는 경로가 없어서, 설정을 잘못한 데이터베이스라도 VPC 밖에서는 닿을 수 없습니다.',
  },
  hint: {
    en: 'Build the DB subnet group from subnets whose route table has no 0.0.0.0/0 route to an internet gateway.',
    ko: '라우팅 테이블에 인터넷 게이트웨이로 가는 0.0.0.0/0 경로가 없는 서브넷으로 DB 서브넷 그룹을 만드세요.',
  },
  step: 'db-subnets',
  remediation: {
    template:
      'DbSubnetGroup:\n  Type: AWS::RDS::DBSubnetGroup\n  Properties:\n    SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]',
    console: {
      en: 'RDS → Subnet groups → Create → choose the two private subnets (one per AZ).',
      ko: 'RDS → 서브넷 그룹 → 생성 → 프라이빗 서브넷 두 개(AZ마다 하나) 선택.',
    },
    cli: 'aws rds create-db-subnet-group --db-subnet-group-name lab-db --db-subnet-group-description "private" --subnet-ids <private-a> <private-b>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const db = await inv.primaryDatabase();
    if (!db) return fail(noDatabase);
    const subnetIds = (db.DBSubnetGroup?.Subnets ?? []).flatMap((s) =>
      s.SubnetIdentifier ? [s.SubnetIdentifier] : [],
    );
    const publicness = await Promise.all(subnetIds.map(async (id) => ({ id, isPublic: await inv.subnetIsPublic(id) })));
    const evidence = publicness.map((s) => ({
      id: s.id,
      type: 'AWS::EC2::Subnet',
      values: { routeToInternetGateway: s.isPublic },
    }));
    const group = db.DBSubnetGroup?.DBSubnetGroupName ?? '?';
    const exposed = publicness.filter((s) => s.isPublic).map((s) => s.id);
    if (subnetIds.length === 0)
      return fail({
        en: `DB subnet group ${group} has no subnets.`,
        ko: `DB 서브넷 그룹 ${group}에 서브넷이 없습니다.`,
      });
    return exposed.length === 0
      ? pass(
          {
            en: `Every subnet of DB subnet group ${group} is private.`,
            ko: `DB 서브넷 그룹 ${group}의 모든 서브넷이 프라이빗입니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `DB subnet group ${group} includes public subnets: ${exposed.join(', ')}.`,
            ko: `DB 서브넷 그룹 ${group}에 퍼블릭 서브넷이 있습니다: ${exposed.join(', ')}.`,
          },
          evidence,
        );
  },
});
