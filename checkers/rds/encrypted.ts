import { defineCheck, fail, noLabYet, pass } from '../define';
import { dbEvidence, noDatabase } from './evidence';

export default defineCheck({
  id: 'rds.encrypted',
  stage: '01-split-database',
  severity: 'required',
  reads: ['dbInstances'],
  title: { en: 'The database storage is encrypted', ko: '데이터베이스 스토리지가 암호화되어 있다' },
  why: {
    en: 'Encryption at rest costs nothing extra with the AWS-managed key, and it can only be chosen when the database is created.',
    ko: 'AWS 관리형 키로 저장 데이터를 암호화하는 데는 추가 비용이 없고, 데이터베이스를 만들 때만 선택할 수 있습니다.',
  },
  hint: {
    en: 'Set StorageEncrypted: true (this replaces the DB instance: do it before you load data).',
    ko: 'StorageEncrypted: true로 설정하세요(DB 인스턴스가 교체되므로 데이터를 넣기 전에 하세요).',
  },
  step: 'encryption',
  remediation: {
    template: 'StorageEncrypted: true',
    console: {
      en: 'RDS → Create database → Additional configuration → Encryption → Enable encryption.',
      ko: 'RDS → 데이터베이스 생성 → 추가 구성 → 암호화 → 암호화 활성화.',
    },
    cli: 'aws rds create-db-instance ... --storage-encrypted',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const db = await inv.primaryDatabase();
    if (!db) return fail(noDatabase);
    const evidence = [dbEvidence(db, { StorageEncrypted: db.StorageEncrypted ?? false })];
    return db.StorageEncrypted
      ? pass(
          {
            en: `RDS DB instance ${db.DBInstanceIdentifier}: StorageEncrypted=true.`,
            ko: `RDS DB 인스턴스 ${db.DBInstanceIdentifier}: StorageEncrypted=true.`,
          },
          evidence,
        )
      : fail(
          {
            en: `RDS DB instance ${db.DBInstanceIdentifier}: StorageEncrypted=false.`,
            ko: `RDS DB 인스턴스 ${db.DBInstanceIdentifier}: StorageEncrypted=false.`,
          },
          evidence,
        );
  },
});
