import { Arrow, Box, common, type DiagramProps, DiagramSvg, Note, Zone } from './primitives';

const text = {
  en: {
    title: 'Stage 00 architecture: everything on one box',
    description:
      'Users reach one EC2 instance through the internet gateway and an Elastic IP. The instance runs both the web app and the database, inside a public subnet of one Availability Zone in the lab VPC; its security group admits only HTTP on port 80. Route 53 can map a domain name to the Elastic IP.',
    dnsSub: 'optional · A record → EIP',
    subnet: 'Public subnet 10.0.1.0/24',
    sg: 'web SG: TCP 80 only, no 22',
    webApp: 'web app',
    database: 'database',
    spof: '⚠ one box = single point of failure',
    scaleUp: 'scale up: t3.micro → t3.small → t3.medium',
  },
  ko: {
    title: '스테이지 00 아키텍처: 서버 한 대에 모든 것을',
    description:
      '사용자는 인터넷 게이트웨이와 Elastic IP를 거쳐 EC2 인스턴스 한 대에 접속합니다. 이 인스턴스는 실습 VPC의 가용 영역 하나, 퍼블릭 서브넷 안에서 웹 앱과 데이터베이스를 함께 실행하며, 보안 그룹은 80번 포트의 HTTP만 허용합니다. Route 53으로 도메인 이름을 Elastic IP에 연결할 수 있습니다.',
    dnsSub: '선택 · A 레코드 → EIP',
    subnet: '퍼블릭 서브넷 10.0.1.0/24',
    sg: '웹 SG: TCP 80만 허용, 22 없음',
    webApp: '웹 앱',
    database: '데이터베이스',
    spof: '⚠ 서버 한 대 = 단일 장애 지점',
    scaleUp: '스케일 업: t3.micro → t3.small → t3.medium',
  },
};

export function OneBox({ locale }: DiagramProps) {
  const t = text[locale];
  const c = common[locale];
  return (
    <DiagramSvg width={720} height={380} title={t.title} description={t.description}>
      <Box x={16} y={165} w={92} h={48} label={c.users} />
      <Box x={130} y={40} w={140} h={48} label="Route 53" sub={t.dnsSub} tone="network" dashed />
      <Arrow
        points={[
          [62, 165],
          [62, 64],
          [130, 64],
        ]}
        label="DNS"
        labelAt={[68, 110]}
        labelAnchor="start"
        dashed
      />

      <Zone x={290} y={16} w={414} h={348} kind="region" label={c.region} />
      <Zone x={318} y={44} w={372} h={306} kind="vpc" label="VPC 10.0.0.0/16" />
      <Zone x={362} y={74} w={314} h={262} kind="az" label={c.az} />
      <Zone x={376} y={100} w={286} h={222} kind="public" label={t.subnet} />
      <Zone x={446} y={128} w={200} h={176} kind="sg" label={t.sg} labelAt="bottom" />

      <Box x={296} y={166} w={44} h={46} label="IGW" tone="network" />
      <Box x={382} y={175} w={58} h={28} label="EIP" tone="network" />
      <Box x={458} y={140} w={176} h={140} label="EC2 · t3.micro" tone="compute" align="top" />
      <Box x={474} y={170} w={144} h={40} label={t.webApp} sub="python3 · :80" tone="compute" />
      <Box x={474} y={222} w={144} h={40} label={t.database} sub="SQLite" tone="database" />

      <Arrow
        points={[
          [108, 189],
          [296, 189],
        ]}
        label="HTTP :80"
      />
      <Arrow
        points={[
          [340, 189],
          [382, 189],
        ]}
      />
      <Arrow
        points={[
          [440, 189],
          [474, 189],
        ]}
      />

      <Note x={16} y={316} weight={600}>
        {t.spof}
      </Note>
      <Note x={16} y={338} muted>
        {t.scaleUp}
      </Note>
    </DiagramSvg>
  );
}
