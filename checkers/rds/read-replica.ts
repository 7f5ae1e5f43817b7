import { defineCheck, fail, noLabYet, pass } from '../define';
import { dbEvidence, noDatabase } from './evidence';

export default defineCheck({
  id: 'rds.read-replica',
  stage: '03-scale-out',
  severity: 'required',
  reads: ['dbInstances'],
  title: { en: 'The primary database has a read replica', ko: '주 데이터베이스에 읽기 전용 복제본이 있다' },
  why: {
    en: 'Most web traffic reads. A read replica copies the primary asynchronously and takes read queries off it, so the primary keeps its capacity for writes. Unlike the Multi-AZ standby it serves traffic, and it may lag slightly behind.',
    ko: '웹 트래픽의 대부분은 읽기입니다. 읽기 전용 복제본은 기본 DB 인스턴스를 비동기식으로 복제해 읽기 쿼리를 덜어 주므로, 기본 DB 인스턴스는 쓰기에 용량을 쓸 수 있습니다. Multi-AZ 대기 인스턴스와 달리 트래픽을 처리하며, 약간 뒤처질 수 있습니다.',
  },
  hint: {
    en: 'Add a DB instance with SourceDBInstanceIdentifier = the primary (db.t3.micro), and send read queries to its endpoint.',
    ko: 'SourceDBInstanceIdentifier = 기본 DB 인스턴스로 지정한 DB 인스턴스(db.t3.micro)를 추가하고, 읽기 쿼리는 그 엔드포인트로 보내세요.',
  },
  step: 'read-replica',
  remediation: {
    template:
      'DatabaseReplica:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    SourceDBInstanceIdentifier: !Ref Database\n    DBInstanceClass: db.t3.micro',
    console: {
      en: 'RDS → Databases → the primary → Actions → Create read replica → db.t3.micro → Create.',
      ko: 'RDS → 데이터베이스 → 기본 DB 인스턴스 → 작업 → 읽기 전용 복제본 생성 → db.t3.micro → 생성.',
    },
    cli: 'aws rds create-db-instance-read-replica --db-instance-identifier lab-db-replica --source-db-instance-identifier <db> --db-instance-class db.t3.micro',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [primary, replicas] = await Promise.all([inv.primaryDatabase(), inv.readReplicas()]);
    if (!primary) return fail(noDatabase);
    const evidence = [
      dbEvidence(primary, { role: 'primary', DBInstanceStatus: primary.DBInstanceStatus ?? null }),
      ...replicas.map((r) =>
        dbEvidence(r, {
          role: 'replica',
          ReadReplicaSourceDBInstanceIdentifier: r.ReadReplicaSourceDBInstanceIdentifier ?? null,
          DBInstanceStatus: r.DBInstanceStatus ?? null,
          AvailabilityZone: r.AvailabilityZone ?? null,
        }),
      ),
    ];
    if (replicas.length === 0) {
      return fail(
        {
          en: `RDS DB instance ${primary.DBInstanceIdentifier} has no read replica.`,
          ko: `RDS DB 인스턴스 ${primary.DBInstanceIdentifier}에 읽기 전용 복제본이 없습니다.`,
        },
        evidence,
      );
    }
    const list = replicas.map((r) => `${r.DBInstanceIdentifier} (${r.DBInstanceStatus})`).join(', ');
    return pass(
      {
        en: `RDS DB instance ${primary.DBInstanceIdentifier} has ${replicas.length} read replica(s): ${list}.`,
        ko: `RDS DB 인스턴스 ${primary.DBInstanceIdentifier}에 읽기 전용 복제본 ${replicas.length}개가 있습니다: ${list}.`,
      },
      evidence,
    );
  },
});
