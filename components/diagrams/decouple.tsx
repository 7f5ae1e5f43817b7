import { Arrow, Box, common, type DiagramProps, DiagramSvg, Note, UsersAndDns, Zone } from './primitives';

const text = {
  en: {
    title: 'Stage 05 architecture: tiers, queues and a serverless path',
    description:
      'CloudFront sends dynamic requests to an internet-facing load balancer and a web Auto Scaling group in public subnets. The web tier calls an internal load balancer in front of an app tier in private subnets, which uses RDS and ElastiCache. The app tier puts work on an SQS queue with a dead-letter queue, fed also by an SNS topic; a worker group polls the queue and scales on its backlog, reaching the internet through a NAT gateway. A separate API Gateway, Lambda and DynamoDB path shows the serverless option. Every tier spans two Availability Zones and admits traffic only from the tier before it.',
    publicBand: 'Public subnets (2 AZs)',
    appBand: 'Private · app tier',
    dataBand: 'Private · data tier',
    cfSub: 'static + dynamic',
    albSub: 'internet-facing',
    web: 'web ASG',
    nat: 'NAT gateway',
    internal: 'internal ALB',
    app: 'app ASG',
    worker: 'worker ASG',
    workerSub: 'scales on backlog',
    rdsSub: 'Multi-AZ + replicas',
    snsSub: 'fan-out',
    sqsSub: 'queue + DLQ',
    egress: 'egress',
    chain: 'SG chain: ALB → web → internal ALB → app → DB',
    azNote: 'every tier spans two Availability Zones',
    serverless: 'serverless path (experimental)',
  },
  ko: {
    title: '스테이지 05 아키텍처: 계층 분리, 대기열, 서버리스 경로',
    description:
      'CloudFront는 동적 요청을 퍼블릭 서브넷의 인터넷 경계 로드 밸런서와 웹 Auto Scaling 그룹으로 보냅니다. 웹 계층은 프라이빗 서브넷에 있는 앱 계층 앞의 내부 로드 밸런서를 호출하고, 앱 계층은 RDS와 ElastiCache를 씁니다. 앱 계층은 DLQ를 갖춘 SQS 대기열에 작업을 넣고, SNS 토픽도 이 대기열로 메시지를 보냅니다. 워커 그룹은 대기열을 가져와 처리하며 밀린 메시지 양에 따라 확장되고, NAT 게이트웨이를 통해 인터넷에 나갑니다. 별도의 API Gateway, Lambda, DynamoDB 경로로 서버리스 방식을 보여 줍니다. 모든 계층은 두 가용 영역에 걸쳐 있고, 바로 앞 계층의 트래픽만 받습니다.',
    publicBand: '퍼블릭 서브넷 (AZ 2개)',
    appBand: '프라이빗 · 앱 계층',
    dataBand: '프라이빗 · 데이터 계층',
    cfSub: '정적 + 동적',
    albSub: '인터넷 경계',
    web: '웹 ASG',
    nat: 'NAT 게이트웨이',
    internal: '내부 ALB',
    app: '앱 ASG',
    worker: '워커 ASG',
    workerSub: '대기열 길이로 확장',
    rdsSub: 'Multi-AZ + 복제본',
    snsSub: '팬아웃',
    sqsSub: '대기열 + DLQ',
    egress: '외부 통신',
    chain: 'SG 체인: ALB → 웹 → 내부 ALB → 앱 → DB',
    azNote: '모든 계층이 두 가용 영역에 걸쳐 있음',
    serverless: '서버리스 경로 (실험용)',
  },
};

export function Decouple({ locale }: DiagramProps) {
  const t = text[locale];
  return (
    <DiagramSvg width={860} height={550} title={t.title} description={t.description}>
      <UsersAndDns locale={locale} />
      <Box x={40} y={196} w={124} h={48} label="CloudFront" sub={t.cfSub} tone="edge" />
      <Arrow
        points={[
          [90, 162],
          [90, 196],
        ]}
      />

      <Zone x={230} y={16} w={620} h={520} kind="region" label={common[locale].region} />
      <Zone x={256} y={44} w={440} h={440} kind="vpc" label="VPC 10.0.0.0/16" />
      <Zone x={270} y={64} w={412} h={92} kind="public" label={t.publicBand} />
      <Zone x={270} y={170} w={412} h={130} kind="private" label={t.appBand} />
      <Zone x={270} y={314} w={412} h={110} kind="private" label={t.dataBand} />

      <Box x={290} y={88} w={110} h={44} label="ALB" sub={t.albSub} tone="network" />
      <Box x={420} y={88} w={110} h={44} label={t.web} sub="EC2" tone="compute" />
      <Box x={560} y={88} w={110} h={44} label={t.nat} tone="network" />
      <Box x={290} y={200} w={110} h={44} label={t.internal} tone="network" />
      <Box x={420} y={200} w={110} h={44} label={t.app} sub="EC2" tone="compute" />
      <Box x={560} y={200} w={110} h={44} label={t.worker} sub={t.workerSub} tone="compute" />
      <Box x={290} y={344} w={110} h={44} label="RDS" sub={t.rdsSub} tone="database" />
      <Box x={460} y={344} w={110} h={44} label="ElastiCache" tone="database" />
      <Note x={270} y={454} weight={600}>
        {t.chain}
      </Note>
      <Note x={270} y={472} muted>
        {t.azNote}
      </Note>

      <Box x={712} y={64} w={124} h={44} label="Amazon SNS" sub={t.snsSub} tone="messaging" />
      <Box x={712} y={150} w={124} h={44} label="Amazon SQS" sub={t.sqsSub} tone="messaging" />
      <Box x={712} y={300} w={124} h={44} label="DynamoDB" tone="database" />
      <Box x={712} y={372} w={124} h={44} label="Lambda" tone="compute" />
      <Box x={712} y={444} w={124} h={44} label="API Gateway" tone="network" />

      <Arrow
        points={[
          [164, 220],
          [200, 220],
          [200, 110],
          [290, 110],
        ]}
      />
      <Arrow
        points={[
          [400, 110],
          [420, 110],
        ]}
      />
      <Arrow
        points={[
          [475, 132],
          [475, 163],
          [390, 163],
          [390, 200],
        ]}
      />
      <Arrow
        points={[
          [400, 222],
          [420, 222],
        ]}
      />
      <Arrow
        points={[
          [440, 244],
          [440, 366],
          [400, 366],
        ]}
      />
      <Arrow
        points={[
          [490, 244],
          [490, 344],
        ]}
      />
      <Arrow
        points={[
          [520, 244],
          [520, 280],
          [774, 280],
          [774, 194],
        ]}
        tone="messaging"
      />
      <Arrow
        points={[
          [774, 108],
          [774, 150],
        ]}
        tone="messaging"
      />
      <Arrow
        points={[
          [712, 172],
          [690, 172],
          [690, 222],
          [670, 222],
        ]}
        tone="messaging"
      />
      <Arrow
        points={[
          [615, 200],
          [615, 132],
        ]}
        label={t.egress}
        labelAt={[621, 166]}
        labelAnchor="start"
        dashed
      />
      <Arrow
        points={[
          [774, 444],
          [774, 416],
        ]}
      />
      <Arrow
        points={[
          [774, 372],
          [774, 344],
        ]}
      />
      <Arrow
        points={[
          [24, 162],
          [24, 512],
          [774, 512],
          [774, 488],
        ]}
        label={t.serverless}
        labelAt={[400, 506]}
        dashed
      />
    </DiagramSvg>
  );
}
