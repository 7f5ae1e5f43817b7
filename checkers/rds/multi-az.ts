import { defineCheck, fail, noLabYet, pass } from '../define';
import { dbEvidence, noDatabase } from './evidence';

export default defineCheck({
  id: 'rds.multi-az',
  stage: '02-high-availability',
  severity: 'required',
  reads: ['dbInstances'],
  title: {
    en: 'The database survives an AZ failure (Multi-AZ)',
    ko: '가용 영역 장애에도 데이터베이스가 살아남는다 (Multi-AZ)',
  },
  why: {
    en: 'With two web AZs the database becomes the single point of failure. Multi-AZ keeps a synchronous standby in another AZ and fails over to it automatically, behind the same endpoint. It does not serve reads: that is what read replicas are for.',
    ko: '웹 계층이 두 AZ로 나뉘면 이제 데이터베이스가 단일 장애 지점입니다. Multi-AZ는 다른 AZ에 동기식 대기 인스턴스를 두고, 장애가 나면 같은 엔드포인트 그대로 자동 장애 조치합니다. 읽기를 처리하지는 않으며, 그것은 읽기 전용 복제본의 몫입니다.',
  },
  hint: {
    en: 'Set MultiAZ: true on the DB instance (no replacement; the change takes a few minutes).',
    ko: 'DB 인스턴스에 MultiAZ: true를 설정하세요(교체 없이 몇 분 안에 적용됩니다).',
  },
  step: 'multi-az',
  remediation: {
    template: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    MultiAZ: true',
    console: {
      en: 'RDS → Databases → the DB → Modify → Availability & durability → Create a standby instance → Apply immediately.',
      ko: 'RDS → 데이터베이스 → 해당 DB → 수정 → 가용성 및 내구성 → 대기 인스턴스 생성 → 즉시 적용.',
    },
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --multi-az --apply-immediately',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const db = await inv.primaryDatabase();
    if (!db) return fail(noDatabase);
    const evidence = [
      dbEvidence(db, {
        MultiAZ: db.MultiAZ ?? false,
        AvailabilityZone: db.AvailabilityZone ?? null,
        SecondaryAvailabilityZone: db.SecondaryAvailabilityZone ?? null,
      }),
    ];
    return db.MultiAZ
      ? pass(
          {
            en: `RDS DB instance ${db.DBInstanceIdentifier}: MultiAZ=true (primary ${db.AvailabilityZone ?? '?'}, standby ${db.SecondaryAvailabilityZone ?? '?'}).`,
            ko: `RDS DB 인스턴스 ${db.DBInstanceIdentifier}: MultiAZ=true (주 ${db.AvailabilityZone ?? '?'}, 대기 ${db.SecondaryAvailabilityZone ?? '?'}).`,
          },
          evidence,
        )
      : fail(
          {
            en: `RDS DB instance ${db.DBInstanceIdentifier}: MultiAZ=false (single AZ ${db.AvailabilityZone ?? '?'}).`,
            ko: `RDS DB 인스턴스 ${db.DBInstanceIdentifier}: MultiAZ=false (단일 AZ ${db.AvailabilityZone ?? '?'}).`,
          },
          evidence,
        );
  },
});
