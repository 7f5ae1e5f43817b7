import { Arrow, Box, common, type DiagramProps, DiagramSvg, Note, Zone } from './primitives';

const text = {
  en: {
    title: 'Stage 01 architecture: the database moves to Amazon RDS',
    description:
      'Users reach the web EC2 instance through the internet gateway and its Elastic IP, in a public subnet. The web instance talks to an Amazon RDS for MySQL instance on port 3306 in a private subnet. The DB subnet group spans private subnets in two Availability Zones, and the database security group admits MySQL only from the web security group.',
    web: 'EC2 web',
    webSg: 'web SG: 80',
    dbSub: 'MySQL · db.t3.micro',
    dbSg: 'DB SG: 3306 ← web SG',
    subnetGroup: 'DB subnet group (2 AZs)',
    spare: 'no instance here:',
    spare2: 'RDS wants a 2nd AZ',
    chain: 'security chain:',
    chain2: 'internet → web SG → DB SG',
  },
  ko: {
    title: '스테이지 01 아키텍처: 데이터베이스를 Amazon RDS로 분리',
    description:
      '사용자는 인터넷 게이트웨이와 Elastic IP를 거쳐 퍼블릭 서브넷의 웹 EC2 인스턴스에 접속합니다. 웹 인스턴스는 프라이빗 서브넷의 Amazon RDS for MySQL 인스턴스와 3306번 포트로 통신합니다. DB 서브넷 그룹은 두 가용 영역의 프라이빗 서브넷에 걸쳐 있고, DB 보안 그룹은 웹 보안 그룹에서 오는 MySQL 트래픽만 허용합니다.',
    web: 'EC2 웹',
    webSg: '웹 SG: 80',
    dbSub: 'MySQL · db.t3.micro',
    dbSg: 'DB SG: 3306 ← 웹 SG',
    subnetGroup: 'DB 서브넷 그룹 (AZ 2개)',
    spare: '인스턴스 없음:',
    spare2: 'RDS는 AZ 2개가 필요',
    chain: '보안 체인:',
    chain2: '인터넷 → 웹 SG → DB SG',
  },
};

export function SplitDatabase({ locale }: DiagramProps) {
  const t = text[locale];
  const c = common[locale];
  return (
    <DiagramSvg width={760} height={420} title={t.title} description={t.description}>
      <Box x={16} y={130} w={92} h={48} label={c.users} />
      <Box x={16} y={40} w={110} h={44} label="Route 53" tone="network" dashed />
      <Arrow
        points={[
          [62, 130],
          [62, 84],
        ]}
        label="DNS"
        labelAt={[68, 112]}
        labelAnchor="start"
        dashed
      />

      <Zone x={236} y={16} w={508} h={388} kind="region" label={c.region} />
      <Zone x={262} y={44} w={468} h={348} kind="vpc" label="VPC 10.0.0.0/16" />
      <Zone x={300} y={72} w={206} h={306} kind="az" label={c.azA} />
      <Zone x={516} y={72} w={200} h={306} kind="az" label={c.azB} />

      <Zone x={312} y={98} w={182} h={116} kind="public" label={c.public} />
      <Zone x={370} y={118} w={116} h={74} kind="sg" label={t.webSg} labelAt="bottom" />
      <Box x={240} y={131} w={44} h={46} label="IGW" tone="network" />
      <Box x={318} y={140} w={44} h={28} label="EIP" tone="network" />
      <Box x={378} y={126} w={100} h={46} label={t.web} sub="t3.micro" tone="compute" />

      <Zone x={306} y={226} w={404} h={146} kind="group" label={t.subnetGroup} labelAt="bottom" />
      <Zone x={312} y={232} w={182} h={114} kind="private" label={c.private} />
      <Zone x={528} y={232} w={176} h={114} kind="private" label={c.private} />
      <Zone x={326} y={256} w={156} h={82} kind="sg" label={t.dbSg} labelAt="bottom" />
      <Box x={336} y={264} w={136} h={46} label="Amazon RDS" sub={t.dbSub} tone="database" />
      <Note x={616} y={286} anchor="middle" size={10.5} muted>
        {t.spare}
      </Note>
      <Note x={616} y={302} anchor="middle" size={10.5} muted>
        {t.spare2}
      </Note>

      <Arrow
        points={[
          [108, 154],
          [240, 154],
        ]}
        label="HTTP :80"
      />
      <Arrow
        points={[
          [284, 154],
          [318, 154],
        ]}
      />
      <Arrow
        points={[
          [362, 154],
          [378, 154],
        ]}
      />
      <Arrow
        points={[
          [460, 172],
          [460, 264],
        ]}
        label="3306"
        labelAt={[466, 252]}
        labelAnchor="start"
      />

      <Note x={16} y={362} weight={600}>
        {t.chain}
      </Note>
      <Note x={16} y={380} muted>
        {t.chain2}
      </Note>
    </DiagramSvg>
  );
}
