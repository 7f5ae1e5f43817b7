import { Arrow, Box, type DiagramProps, DiagramSvg, Note, TwoAzNetwork, UsersAndDns, Zone } from './primitives';

const text = {
  en: {
    title: 'Stage 04 architecture: cache, sessions, Systems Manager and account security',
    description:
      'The Auto Scaling web fleet behind the Application Load Balancer reads hot data from an ElastiCache replication group with a primary in zone A and a replica in zone B, falls back to the Multi-AZ RDS database, and keeps sessions in a DynamoDB table with TTL. Operators reach instances through Systems Manager Session Manager instead of SSH. CloudWatch, CloudTrail and GuardDuty watch the account.',
    asg: 'Auto Scaling group · SSM agent · no port 22',
    primary: 'primary',
    replica: 'replica',
    rdsPrimary: 'RDS primary',
    rdsStandby: 'RDS standby',
    ssmSub: 'shell without SSH',
    ddbSub: 'sessions · TTL',
    cwSub: 'dashboard · alarms',
    trailSub: 'all Regions',
    gdSub: 'threat detection',
    account: 'account security',
  },
  ko: {
    title: '스테이지 04 아키텍처: 캐시, 세션, Systems Manager, 계정 보안',
    description:
      'Application Load Balancer 뒤의 Auto Scaling 웹 인스턴스들은 자주 읽는 데이터를 ElastiCache 복제 그룹(가용 영역 A의 기본 노드, B의 복제본)에서 읽고, 없으면 Multi-AZ RDS 데이터베이스를 조회하며, 세션은 TTL을 켠 DynamoDB 테이블에 저장합니다. 운영자는 SSH 대신 Systems Manager Session Manager로 인스턴스에 접속합니다. CloudWatch, CloudTrail, GuardDuty가 계정을 지켜봅니다.',
    asg: 'Auto Scaling 그룹 · SSM 에이전트 · 22번 포트 없음',
    primary: '기본 노드',
    replica: '복제본',
    rdsPrimary: '기본 DB 인스턴스',
    rdsStandby: 'RDS 대기',
    ssmSub: 'SSH 없이 셸 접속',
    ddbSub: '세션 · TTL',
    cwSub: '대시보드 · 경보',
    trailSub: '모든 리전',
    gdSub: '위협 탐지',
    account: '계정 보안',
  },
};

export function CacheAutomateSecure({ locale }: DiagramProps) {
  const t = text[locale];
  return (
    <DiagramSvg width={820} height={500} title={t.title} description={t.description}>
      <UsersAndDns locale={locale} />

      <TwoAzNetwork
        locale={locale}
        region={{ x: 236, y: 16, w: 572, h: 470 }}
        vpc={{ x: 262, y: 44, w: 384, h: 428 }}
        azs={[
          { x: 280, y: 70, w: 176, h: 390 },
          { x: 464, y: 70, w: 170, h: 390 },
        ]}
        publicRow={{ y: 94, h: 148 }}
        privateRow={{ y: 254, h: 194 }}
        privateLabelAt="bottom"
      />

      <Box x={240} y={115} w={44} h={46} label="IGW" tone="network" />
      <Box x={300} y={116} w={314} h={36} label="Application Load Balancer" tone="network" />
      <Zone x={294} y={162} w={326} h={72} kind="group" label={t.asg} labelAt="bottom" />
      <Box x={302} y={168} w={64} h={34} label="EC2" tone="compute" />
      <Box x={374} y={168} w={64} h={34} label="EC2" tone="compute" dashed />
      <Box x={480} y={168} w={64} h={34} label="EC2" tone="compute" />
      <Box x={552} y={168} w={64} h={34} label="EC2" tone="compute" dashed />

      <Box x={330} y={276} w={106} h={44} label="ElastiCache" sub={t.primary} tone="database" />
      <Box x={496} y={276} w={106} h={44} label="ElastiCache" sub={t.replica} tone="database" />
      <Box x={300} y={366} w={136} h={44} label={t.rdsPrimary} sub="Multi-AZ" tone="database" />
      <Box x={484} y={366} w={130} h={44} label={t.rdsStandby} tone="database" dashed />

      <Box x={662} y={70} w={134} h={48} label="Systems Manager" sub={t.ssmSub} tone="management" />
      <Box x={662} y={176} w={134} h={48} label="DynamoDB" sub={t.ddbSub} tone="database" />
      <Box x={662} y={240} w={134} h={48} label="CloudWatch" sub={t.cwSub} tone="management" />
      <Note x={662} y={322} weight={600}>
        {t.account}
      </Note>
      <Box x={662} y={332} w={134} h={48} label="CloudTrail" sub={t.trailSub} tone="security" />
      <Box x={662} y={396} w={134} h={48} label="GuardDuty" sub={t.gdSub} tone="security" />

      <Arrow
        points={[
          [108, 138],
          [240, 138],
        ]}
        label="HTTP"
      />
      <Arrow
        points={[
          [284, 138],
          [300, 138],
        ]}
      />
      <Arrow
        points={[
          [334, 152],
          [334, 168],
        ]}
      />
      <Arrow
        points={[
          [512, 152],
          [512, 168],
        ]}
      />
      <Arrow
        points={[
          [400, 234],
          [400, 276],
        ]}
        label="6379"
        labelAt={[406, 260]}
        labelAnchor="start"
      />
      <Arrow
        points={[
          [312, 234],
          [312, 366],
        ]}
        label="3306"
        labelAt={[316, 350]}
        labelAnchor="start"
      />
      <Arrow
        points={[
          [436, 298],
          [496, 298],
        ]}
        tone="database"
        dashed
      />
      <Arrow
        points={[
          [436, 388],
          [484, 388],
        ]}
        tone="database"
      />
      <Arrow
        points={[
          [620, 200],
          [662, 200],
        ]}
      />
      <Arrow
        points={[
          [662, 94],
          [640, 94],
          [640, 176],
          [620, 176],
        ]}
        tone="management"
        dashed
      />
    </DiagramSvg>
  );
}
