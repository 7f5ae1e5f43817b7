import type { AuroraCluster } from '@/lib/inventory/multi-region';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

const evidenceOf = ({ cluster, members }: AuroraCluster): Evidence => ({
  id: cluster.DBClusterIdentifier ?? '?',
  type: 'AWS::RDS::DBCluster',
  values: {
    engine: cluster.Engine ?? null,
    writer:
      members
        .filter((m) => m.writer)
        .map((m) => `${m.id}@${m.az ?? '?'}`)
        .join(', ') || null,
    readers:
      members
        .filter((m) => !m.writer)
        .map((m) => `${m.id}@${m.az ?? '?'}`)
        .join(', ') || null,
  },
});

/** A writer, and at least one reader in an AZ other than the writer's. */
function judge({ members }: AuroraCluster) {
  const writer = members.find((m) => m.writer);
  const readers = members.filter((m) => !m.writer);
  const elsewhere = readers.find((r) => r.az && writer?.az && r.az !== writer.az);
  return { writer, readers, elsewhere };
}

export default defineCheck({
  id: 'aurora.cluster-multi-az',
  stage: '06-go-global',
  severity: 'required',
  reads: ['auroraClusters', 'dbInstances'],
  title: {
    en: 'An Aurora cluster in the lab VPC has a writer and at least one reader in another AZ',
    ko: '실습 VPC의 Aurora 클러스터에 라이터와, 다른 AZ에 있는 리더가 하나 이상 있다',
  },
  why: {
    en: 'Aurora keeps six copies of the data across three AZs in its storage layer; a reader in another AZ serves read traffic and is promoted to writer, usually within a minute, if the writer’s AZ fails. It is the managed relational database that federation by function builds on.',
    ko: 'Aurora는 스토리지 계층에서 데이터를 세 AZ에 걸쳐 여섯 벌 보관합니다. 다른 AZ의 리더는 읽기 트래픽을 받다가 라이터의 AZ에 장애가 나면 보통 1분 안에 라이터로 승격됩니다. 기능별 DB 분할(페더레이션)도 이 관리형 관계형 데이터베이스 위에 세웁니다.',
  },
  hint: {
    en: 'Add an AWS::RDS::DBCluster (Engine aurora-mysql) and two AWS::RDS::DBInstance members in different AvailabilityZones; the first becomes the writer, the second a reader.',
    ko: 'AWS::RDS::DBCluster(Engine aurora-mysql)와 AvailabilityZone이 서로 다른 AWS::RDS::DBInstance 멤버 두 개를 추가하세요. 첫째가 라이터, 둘째가 리더가 됩니다.',
  },
  step: 'aurora',
  remediation: {
    template:
      "AuroraReader:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    DBClusterIdentifier: !Ref AuroraCluster\n    Engine: aurora-mysql\n    DBInstanceClass: db.t4g.medium\n    AvailabilityZone: !Select [1, !GetAZs '']",
    console: {
      en: 'RDS → Databases → the Aurora cluster → Actions → Add reader → choose an Availability Zone other than the writer’s.',
      ko: 'RDS → 데이터베이스 → Aurora 클러스터 → 작업 → 리더 추가 → 라이터와 다른 가용 영역 선택.',
    },
    cli: 'aws rds create-db-instance --db-cluster-identifier <cluster> --db-instance-identifier <cluster>-reader --engine aurora-mysql --db-instance-class db.t4g.medium --availability-zone us-east-1b',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const clusters = await inv.global.auroraClusters();
    if (!clusters.length)
      return fail({
        en: 'No Aurora cluster with members in the lab VPC yet.',
        ko: '실습 VPC에 멤버가 있는 Aurora 클러스터가 아직 없습니다.',
      });
    const evidence = clusters.map(evidenceOf);
    const good = clusters.find((c) => judge(c).elsewhere);
    if (good) {
      const { writer, elsewhere } = judge(good);
      return pass(
        {
          en: `Aurora cluster ${good.cluster.DBClusterIdentifier}: writer ${writer?.id} in ${writer?.az}, reader ${elsewhere?.id} in ${elsewhere?.az}.`,
          ko: `Aurora 클러스터 ${good.cluster.DBClusterIdentifier}: 라이터 ${writer?.id}는 ${writer?.az}, 리더 ${elsewhere?.id}는 ${elsewhere?.az}에 있습니다.`,
        },
        evidence,
      );
    }
    const first = clusters[0] as AuroraCluster;
    const { writer, readers } = judge(first);
    const id = first.cluster.DBClusterIdentifier;
    return fail(
      !writer
        ? {
            en: `Aurora cluster ${id} has no writer instance.`,
            ko: `Aurora 클러스터 ${id}에 라이터 인스턴스가 없습니다.`,
          }
        : !readers.length
          ? {
              en: `Aurora cluster ${id} has only its writer ${writer.id}: add a reader in another AZ.`,
              ko: `Aurora 클러스터 ${id}에는 라이터 ${writer.id}뿐입니다. 다른 AZ에 리더를 추가하세요.`,
            }
          : {
              en: `Aurora cluster ${id}: every reader is in the writer’s AZ ${writer.az}.`,
              ko: `Aurora 클러스터 ${id}: 모든 리더가 라이터와 같은 AZ ${writer.az}에 있습니다.`,
            },
      evidence,
    );
  },
});
