import { Arrow, Box, type DiagramProps, DiagramSvg, Note, TwoAzNetwork, UsersAndDns } from './primitives';

const text = {
  en: {
    title: 'Stage 02 architecture: load balancer and Multi-AZ database',
    description:
      'Route 53 sends users to an internet-facing Application Load Balancer with nodes in two Availability Zones. The load balancer spreads requests over one web instance in each zone. Both web instances use an RDS primary in zone A, which replicates synchronously to a standby in zone B that takes over automatically if the primary fails. Security groups chain: load balancer, then web, then database.',
    web: 'EC2 web',
    primary: 'RDS primary',
    standby: 'RDS standby',
    primarySub: 'MySQL · Multi-AZ',
    standbySub: 'failover target',
    sync: 'sync',
    chain: 'security chain:',
    chain1: 'ALB SG ← 80/443 from anywhere',
    chain2: 'web SG ← 80 from ALB SG',
    chain3: 'DB SG ← 3306 from web SG',
  },
  ko: {
    title: '스테이지 02 아키텍처: 로드 밸런서와 Multi-AZ 데이터베이스',
    description:
      'Route 53이 사용자를 두 가용 영역에 노드를 둔 인터넷 경계 Application Load Balancer로 보냅니다. 로드 밸런서는 각 가용 영역의 웹 인스턴스로 요청을 나눕니다. 두 웹 인스턴스는 가용 영역 A의 RDS 기본 DB 인스턴스를 쓰고, 기본 DB 인스턴스는 가용 영역 B의 대기 인스턴스로 동기식 복제를 하며 장애가 나면 대기 인스턴스가 자동으로 넘겨받습니다. 보안 그룹은 로드 밸런서, 웹, 데이터베이스 순으로 이어집니다.',
    web: 'EC2 웹',
    primary: '기본 DB 인스턴스',
    standby: 'RDS 대기 인스턴스',
    primarySub: 'MySQL · Multi-AZ',
    standbySub: '장애 조치 대기',
    sync: '동기',
    chain: '보안 체인:',
    chain1: 'ALB SG ← 80/443 어디서나',
    chain2: '웹 SG ← ALB SG의 80',
    chain3: 'DB SG ← 웹 SG의 3306',
  },
};

export function HighAvailability({ locale }: DiagramProps) {
  const t = text[locale];
  return (
    <DiagramSvg width={760} height={440} title={t.title} description={t.description}>
      <UsersAndDns locale={locale} />

      <TwoAzNetwork
        locale={locale}
        region={{ x: 236, y: 16, w: 508, h: 408 }}
        vpc={{ x: 262, y: 44, w: 468, h: 368 }}
        azs={[
          { x: 290, y: 70, w: 212, h: 330 },
          { x: 512, y: 70, w: 206, h: 330 },
        ]}
        publicRow={{ y: 94, h: 140 }}
        privateRow={{ y: 252, h: 136 }}
        inset={10}
      />

      <Box x={240} y={115} w={44} h={46} label="IGW" tone="network" />
      <Box x={316} y={118} w={376} h={40} label="Application Load Balancer" tone="network" />
      <Box x={346} y={178} w={116} h={42} label={t.web} sub="t3.micro" tone="compute" />
      <Box x={560} y={178} w={116} h={42} label={t.web} sub="t3.micro" tone="compute" />
      <Box x={330} y={290} w={148} h={48} label={t.primary} sub={t.primarySub} tone="database" />
      <Box x={544} y={290} w={148} h={48} label={t.standby} sub={t.standbySub} tone="database" dashed />

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
          [316, 138],
        ]}
      />
      <Arrow
        points={[
          [404, 158],
          [404, 178],
        ]}
      />
      <Arrow
        points={[
          [618, 158],
          [618, 178],
        ]}
      />
      <Arrow
        points={[
          [404, 220],
          [404, 290],
        ]}
        label="3306"
        labelAt={[410, 272]}
        labelAnchor="start"
      />
      <Arrow
        points={[
          [600, 220],
          [600, 244],
          [440, 244],
          [440, 290],
        ]}
      />
      <Arrow
        points={[
          [478, 314],
          [544, 314],
        ]}
        label={t.sync}
        labelAt={[530, 306]}
        tone="database"
      />

      <Note x={16} y={326} weight={600}>
        {t.chain}
      </Note>
      <Note x={16} y={344} muted>
        {t.chain1}
      </Note>
      <Note x={16} y={362} muted>
        {t.chain2}
      </Note>
      <Note x={16} y={380} muted>
        {t.chain3}
      </Note>
    </DiagramSvg>
  );
}
