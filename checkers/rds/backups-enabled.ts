import { defineCheck, fail, noLabYet, pass } from '../define';
import { dbEvidence, noDatabase } from './evidence';

export default defineCheck({
  id: 'rds.backups-enabled',
  stage: '01-split-database',
  severity: 'recommended',
  reads: ['dbInstances'],
  title: { en: 'Automated backups are on', ko: '자동 백업이 켜져 있다' },
  why: {
    en: 'With automated backups RDS can restore the database to any second of the retention window.',
    ko: '자동 백업을 켜 두면 RDS가 보존 기간 안의 어느 시점으로든 데이터베이스를 복원할 수 있습니다.',
  },
  hint: { en: 'Set BackupRetentionPeriod to 1 day or more.', ko: 'BackupRetentionPeriod를 1일 이상으로 설정하세요.' },
  step: 'backups',
  remediation: {
    template: 'BackupRetentionPeriod: 1',
    console: {
      en: 'RDS → Databases → the DB → Modify → Backup retention period → 1 day or more.',
      ko: 'RDS → 데이터베이스 → 해당 DB → 수정 → 백업 보존 기간 → 1일 이상.',
    },
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --backup-retention-period 1 --apply-immediately',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const db = await inv.primaryDatabase();
    if (!db) return fail(noDatabase);
    const days = db.BackupRetentionPeriod ?? 0;
    const evidence = [dbEvidence(db, { BackupRetentionPeriod: days })];
    return days >= 1
      ? pass(
          {
            en: `RDS DB instance ${db.DBInstanceIdentifier} keeps backups for ${days} days.`,
            ko: `RDS DB 인스턴스 ${db.DBInstanceIdentifier}가 백업을 ${days}일 보존합니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `RDS DB instance ${db.DBInstanceIdentifier}: BackupRetentionPeriod=0 (no automated backups).`,
            ko: `RDS DB 인스턴스 ${db.DBInstanceIdentifier}: BackupRetentionPeriod=0 (자동 백업 없음).`,
          },
          evidence,
        );
  },
});
