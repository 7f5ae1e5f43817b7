import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'aurora.global-database',
  stage: '06-go-global',
  severity: 'recommended',
  reads: ['globalDatabases', 'auroraClusters', 'dbInstances'],
  title: {
    en: 'The lab’s Aurora cluster belongs to a global database spanning at least two regions',
    ko: '실습 Aurora 클러스터가 두 개 이상의 리전에 걸친 글로벌 데이터베이스에 속한다',
  },
  why: {
    en: 'An Aurora global database replicates storage to a secondary Region with typically under a second of lag, and a secondary cluster can be promoted in about a minute if the primary Region fails. It takes no burstable class (Aurora Serverless v2 is its cheapest configuration), so it is the costed stretch goal of this stage.',
    ko: 'Aurora 글로벌 데이터베이스는 보통 1초 미만의 지연으로 스토리지를 보조 리전에 복제하고, 기본 리전에 장애가 나면 보조 클러스터를 약 1분 만에 승격할 수 있습니다. 버스터블 인스턴스 유형은 쓸 수 없으므로(가장 싼 구성은 Aurora Serverless v2) 이 스테이지의 비용이 드는 심화 목표입니다.',
  },
  hint: {
    en: 'Create an AWS::RDS::GlobalCluster from the lab cluster (SourceDBClusterIdentifier) and, in the second region’s stack, a cluster with GlobalClusterIdentifier set (instance class db.serverless, the cheapest, with the cluster’s ServerlessV2ScalingConfiguration, or db.r6g.large).',
    ko: '실습 클러스터로 AWS::RDS::GlobalCluster(SourceDBClusterIdentifier)를 만들고, 두 번째 리전의 스택에 GlobalClusterIdentifier를 둔 클러스터를 만드세요(인스턴스 유형은 가장 싼 db.serverless와 클러스터의 ServerlessV2ScalingConfiguration, 또는 db.r6g.large).',
  },
  step: 'global-database',
  remediation: {
    template:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own !Sub syntax.
      'GlobalCluster:\n  Type: AWS::RDS::GlobalCluster\n  Properties:\n    GlobalClusterIdentifier: !Sub ${AWS::StackName}-global\n    SourceDBClusterIdentifier: !Ref AuroraCluster',
    console: {
      en: 'RDS → Databases → the Aurora cluster → Actions → Add AWS Region → the second region (check the instance class and the cost first).',
      ko: 'RDS → 데이터베이스 → Aurora 클러스터 → 작업 → AWS 리전 추가 → 두 번째 리전(먼저 인스턴스 유형과 비용을 확인하세요).',
    },
    cli: 'aws rds create-global-cluster --global-cluster-identifier <stack>-global --source-db-cluster-identifier <cluster-arn>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const clusters = await inv.global.auroraClusters();
    if (!clusters.length)
      return fail({
        en: 'No Aurora cluster with members in the lab VPC yet: a global database starts from one.',
        ko: '실습 VPC에 멤버가 있는 Aurora 클러스터가 아직 없습니다. 글로벌 데이터베이스는 클러스터에서 시작합니다.',
      });
    const globals = await inv.global.globalDatabases();
    const evidence: Evidence[] = globals.map(({ global, regions }) => ({
      id: global.GlobalClusterIdentifier ?? '?',
      type: 'AWS::RDS::GlobalCluster',
      values: { regions: regions.join(', '), members: (global.GlobalClusterMembers ?? []).length },
    }));
    const spanning = globals.find((g) => g.regions.length >= 2);
    if (spanning)
      return pass(
        {
          en: `Aurora cluster ${spanning.cluster.DBClusterIdentifier} belongs to global database ${spanning.global.GlobalClusterIdentifier} in ${spanning.regions.join(', ')}.`,
          ko: `Aurora 클러스터 ${spanning.cluster.DBClusterIdentifier}가 ${spanning.regions.join(', ')}에 걸친 글로벌 데이터베이스 ${spanning.global.GlobalClusterIdentifier}에 속합니다.`,
        },
        evidence,
      );
    const ids = clusters.map((c) => c.cluster.DBClusterIdentifier).join(', ');
    return fail(
      globals.length
        ? {
            en: `Global database ${globals[0]?.global.GlobalClusterIdentifier} has members only in ${globals[0]?.regions.join(', ')}: add a secondary cluster in the second region.`,
            ko: `글로벌 데이터베이스 ${globals[0]?.global.GlobalClusterIdentifier}의 멤버가 ${globals[0]?.regions.join(', ')}에만 있습니다. 두 번째 리전에 보조 클러스터를 추가하세요.`,
          }
        : {
            en: `Aurora cluster ${ids} belongs to no global database.`,
            ko: `Aurora 클러스터 ${ids}가 어느 글로벌 데이터베이스에도 속하지 않습니다.`,
          },
      evidence,
    );
  },
});
