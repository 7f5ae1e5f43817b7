import { defineCheck, fail, noLabYet, pass } from '../define';
import { dbEvidence, noDatabase } from './evidence';

export default defineCheck({
  id: 'rds.not-public',
  stage: '01-split-database',
  severity: 'required',
  reads: ['dbInstances'],
  title: { en: 'The database is not publicly accessible', ko: '데이터베이스가 퍼블릭 액세스를 허용하지 않는다' },
  why: {
    en: 'Only the web tier talks to the database. A public endpoint invites the whole internet to try its password.',
    ko: '데이터베이스와 이야기하는 것은 웹 계층뿐입니다. 퍼블릭 엔드포인트는 인터넷 전체에 비밀번호를 시험해 볼 기회를 줍니다.',
  },
  hint: { en: 'Set PubliclyAccessible to false.', ko: 'PubliclyAccessible을 false로 설정하세요.' },
  step: 'rds-instance',
  remediation: {
    template: 'PubliclyAccessible: false',
    console: {
      en: 'RDS → Databases → the DB → Modify → Connectivity → Not publicly accessible.',
      ko: 'RDS → 데이터베이스 → 해당 DB → 수정 → 연결 → 퍼블릭 액세스 불가.',
    },
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --no-publicly-accessible --apply-immediately',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const dbs = await inv.dbInstances();
    if (dbs.length === 0) return fail(noDatabase);
    const evidence = dbs.map((db) => dbEvidence(db, { PubliclyAccessible: db.PubliclyAccessible ?? false }));
    const open = dbs.filter((db) => db.PubliclyAccessible).map((db) => db.DBInstanceIdentifier);
    return open.length === 0
      ? pass(
          {
            en: `RDS DB instances ${dbs.map((d) => d.DBInstanceIdentifier).join(', ')} are not publicly accessible.`,
            ko: `RDS DB 인스턴스 ${dbs.map((d) => d.DBInstanceIdentifier).join(', ')}는 퍼블릭 액세스가 꺼져 있습니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `RDS DB instances ${open.join(', ')} are publicly accessible.`,
            ko: `RDS DB 인스턴스 ${open.join(', ')}가 퍼블릭 액세스를 허용합니다.`,
          },
          evidence,
        );
  },
});
