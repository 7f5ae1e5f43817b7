import { Arrow, Box, common, type DiagramProps, DiagramSvg, Note, Zone } from './primitives';

const text = {
  en: {
    title: 'Stage 06 architecture: two Regions',
    description:
      'Route 53 health checks steer users to one of two Regions with failover or latency routing. Each Region runs the same stack from the same CloudFormation template: a load balancer and a web Auto Scaling group. Region 1 holds an Aurora cluster with a writer and a reader in different Availability Zones; an Aurora global database can replicate it to Region 2 with under a second of lag. A DynamoDB global table has a replica in each Region, and S3 replicates static files from Region 1 to Region 2.',
    r53Sub: 'health checks',
    region1: 'Region 1 (us-east-1)',
    region2: 'Region 2 (us-west-2)',
    web: 'web Auto Scaling group',
    writer: 'Aurora writer',
    reader: 'Aurora reader',
    secondary: 'Aurora secondary (stretch)',
    secondarySub: 'global database · read-only',
    azA: 'AZ A',
    azB: 'AZ B',
    s3Sub: 'static files',
    s3ReplicaSub: 'replica bucket',
    ddbSub: 'global table',
    ddbReplicaSub: 'replica · local writes',
    routing: 'failover / latency routing',
    lag: '< 1 s',
    ddbRepl: 'two-way',
    crr: 'S3 cross-Region replication',
    template: 'one CloudFormation template,',
    template2: 'deployed to both Regions',
  },
  ko: {
    title: '스테이지 06 아키텍처: 두 개의 리전',
    description:
      'Route 53 상태 확인과 장애 조치(또는 지연 시간) 라우팅이 사용자를 두 리전 중 하나로 보냅니다. 각 리전은 같은 CloudFormation 템플릿으로 만든 같은 스택(로드 밸런서와 웹 Auto Scaling 그룹)을 실행합니다. 리전 1에는 쓰기 인스턴스와 읽기 인스턴스를 서로 다른 가용 영역에 둔 Aurora 클러스터가 있고, Aurora 글로벌 데이터베이스로 리전 2에 1초 미만의 지연으로 복제할 수 있습니다. DynamoDB 글로벌 테이블은 리전마다 복제본을 두고, S3는 정적 파일을 리전 1에서 리전 2로 복제합니다.',
    r53Sub: '상태 확인',
    region1: '리전 1 (us-east-1)',
    region2: '리전 2 (us-west-2)',
    web: '웹 Auto Scaling 그룹',
    writer: 'Aurora 쓰기',
    reader: 'Aurora 읽기',
    secondary: 'Aurora 보조 클러스터 (도전)',
    secondarySub: '글로벌 데이터베이스 · 읽기 전용',
    azA: 'AZ A',
    azB: 'AZ B',
    s3Sub: '정적 파일',
    s3ReplicaSub: '복제 버킷',
    ddbSub: '글로벌 테이블',
    ddbReplicaSub: '복제본 · 로컬 쓰기',
    routing: '장애 조치 / 지연 시간 라우팅',
    lag: '< 1초',
    ddbRepl: '양방향 복제',
    crr: 'S3 교차 리전 복제',
    template: 'CloudFormation 템플릿 하나로',
    template2: '두 리전에 배포',
  },
};

export function GoGlobal({ locale }: DiagramProps) {
  const t = text[locale];
  const c = common[locale];
  return (
    <DiagramSvg width={880} height={470} title={t.title} description={t.description}>
      <Box x={16} y={104} w={84} h={48} label={c.users} />
      <Box x={118} y={96} w={104} h={64} label="Route 53" sub={t.r53Sub} tone="network" />
      <Arrow
        points={[
          [100, 128],
          [118, 128],
        ]}
      />
      <Note x={16} y={300} weight={600}>
        {t.template}
      </Note>
      <Note x={16} y={318} muted>
        {t.template2}
      </Note>

      <Zone x={240} y={56} w={300} h={400} kind="region" label={t.region1} />
      <Zone x={254} y={84} w={272} h={224} kind="vpc" label="VPC" />
      <Box x={270} y={110} w={240} h={34} label="Application Load Balancer" tone="network" />
      <Box x={270} y={156} w={240} h={40} label={t.web} tone="compute" />
      <Box x={270} y={216} w={114} h={52} label={t.writer} sub={t.azA} tone="database" />
      <Box x={396} y={216} w={114} h={52} label={t.reader} sub={t.azB} tone="database" />
      <Box x={254} y={330} w={128} h={48} label="Amazon S3" sub={t.s3Sub} tone="storage" />
      <Box x={396} y={330} w={128} h={48} label="DynamoDB" sub={t.ddbSub} tone="database" />

      <Zone x={560} y={56} w={300} h={400} kind="region" label={t.region2} />
      <Zone x={574} y={84} w={272} h={224} kind="vpc" label="VPC" />
      <Box x={590} y={110} w={240} h={34} label="Application Load Balancer" tone="network" />
      <Box x={590} y={156} w={240} h={40} label={t.web} tone="compute" />
      <Box x={590} y={216} w={240} h={52} label={t.secondary} sub={t.secondarySub} tone="database" dashed />
      <Box x={574} y={330} w={128} h={48} label="DynamoDB" sub={t.ddbReplicaSub} tone="database" />
      <Box x={716} y={330} w={128} h={48} label="Amazon S3" sub={t.s3ReplicaSub} tone="storage" />

      <Arrow
        points={[
          [222, 127],
          [270, 127],
        ]}
      />
      <Arrow
        points={[
          [170, 96],
          [170, 36],
          [710, 36],
          [710, 110],
        ]}
        label={t.routing}
        labelAt={[440, 30]}
      />
      <Arrow
        points={[
          [390, 144],
          [390, 156],
        ]}
      />
      <Arrow
        points={[
          [710, 144],
          [710, 156],
        ]}
      />
      <Arrow
        points={[
          [327, 196],
          [327, 216],
        ]}
      />
      <Arrow
        points={[
          [710, 196],
          [710, 216],
        ]}
      />
      <Arrow
        points={[
          [510, 242],
          [590, 242],
        ]}
        label={t.lag}
        labelAt={[550, 236]}
        tone="database"
        dashed
      />
      <Arrow
        points={[
          [460, 378],
          [460, 404],
          [638, 404],
          [638, 378],
        ]}
        label={t.ddbRepl}
        labelAt={[466, 398]}
        labelAnchor="start"
        tone="database"
        both
      />
      <Arrow
        points={[
          [318, 378],
          [318, 430],
          [780, 430],
          [780, 378],
        ]}
        label={t.crr}
        labelAt={[326, 424]}
        labelAnchor="start"
        tone="storage"
      />
    </DiagramSvg>
  );
}
