import type { DBInstance } from '@aws-sdk/client-rds';
import type { Evidence } from '../define';

/** Evidence for a DB instance: its identifier and the properties a check read. */
export function dbEvidence(db: DBInstance, values: Evidence['values']): Evidence {
  return { id: db.DBInstanceIdentifier ?? '?', type: 'AWS::RDS::DBInstance', values };
}

export const noDatabase = {
  en: 'No RDS DB instance in the lab VPC yet.',
  ko: '실습 VPC에 아직 RDS DB 인스턴스가 없습니다.',
};
