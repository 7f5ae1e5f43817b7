import { defineCheck, fail, noLabYet, pass } from '../define';
import { dbEvidence, noDatabase } from './evidence';

export default defineCheck({
  id: 'rds.instance-in-lab-vpc',
  stage: '01-split-database',
  severity: 'required',
  reads: ['dbInstances'],
  title: { en: 'An RDS database runs in the lab VPC', ko: '실습 VPC에서 RDS 데이터베이스가 실행된다' },
  why: {
    en: 'Splitting the database from the web server lets each scale on its own, and Amazon RDS takes patching, backups and failover off your hands.',
    ko: '데이터베이스를 웹 서버에서 분리하면 각각 따로 확장할 수 있고, Amazon RDS가 패치·백업·장애 조치를 대신 맡아 줍니다.',
  },
  hint: {
    en: 'Create an RDS DB instance with a DB subnet group made of the lab VPC’s private subnets.',
    ko: '실습 VPC의 프라이빗 서브넷으로 만든 DB 서브넷 그룹을 써서 RDS DB 인스턴스를 만드세요.',
  },
  step: 'rds-instance',
  remediation: {
    template:
      'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: mysql\n    DBInstanceClass: db.t3.micro\n    DBSubnetGroupName: !Ref DbSubnetGroup',
    console: {
      en: 'RDS → Create database → MySQL → Free tier/db.t3.micro → Connectivity: the lab VPC, its DB subnet group.',
      ko: 'RDS → 데이터베이스 생성 → MySQL → 프리 티어/db.t3.micro → 연결: 실습 VPC와 DB 서브넷 그룹.',
    },
    cli: 'aws rds create-db-instance --db-instance-identifier lab-db --engine mysql --db-instance-class db.t3.micro --allocated-storage 20 --db-subnet-group-name <group> --manage-master-user-password --master-username admin',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const db = await inv.primaryDatabase();
    if (!db) return fail(noDatabase);
    const evidence = [
      dbEvidence(db, {
        VpcId: db.DBSubnetGroup?.VpcId ?? null,
        Engine: db.Engine ?? null,
        DBInstanceStatus: db.DBInstanceStatus ?? null,
      }),
    ];
    return pass(
      {
        en: `RDS DB instance ${db.DBInstanceIdentifier} (${db.Engine}) is in the lab VPC.`,
        ko: `RDS DB 인스턴스 ${db.DBInstanceIdentifier}(${db.Engine})가 실습 VPC에 있습니다.`,
      },
      evidence,
    );
  },
});
