import { Arrow, Box, type DiagramProps, DiagramSvg, TwoAzNetwork, UsersAndDns, Zone } from './primitives';

const text = {
  en: {
    title: 'Stage 03 architecture: Auto Scaling, read replica, S3 and CloudFront',
    description:
      'Users reach an Application Load Balancer in front of an Auto Scaling group that spans two Availability Zones, keeps at least two instances and follows CPU with a target-tracking policy. The RDS primary replicates synchronously to a standby and asynchronously to a read replica. Static files live in a private S3 bucket that CloudFront reads through Origin Access Control. A CloudWatch alarm watches the fleet.',
    asg: 'Auto Scaling group · min 2 · CPU target tracking',
    primary: 'RDS primary',
    standby: 'RDS standby',
    replica: 'read replica',
    replicaSub: 'serves reads',
    async: 'async',
    sync: 'sync',
    static: 'static files',
    s3Sub: 'private · static',
    cfSub: 'HTTPS · edge cache',
    cwSub: 'fleet alarm',
  },
  ko: {
    title: '스테이지 03 아키텍처: Auto Scaling, 읽기 전용 복제본, S3와 CloudFront',
    description:
      '사용자는 Application Load Balancer를 거쳐 Auto Scaling 그룹에 접속합니다. 이 그룹은 두 가용 영역에 걸쳐 최소 두 대의 인스턴스를 유지하며, 대상 추적 정책으로 CPU 사용률을 따라 늘고 줄어듭니다. RDS 기본 DB 인스턴스는 대기 인스턴스로 동기식, 읽기 전용 복제본으로 비동기식 복제를 합니다. 정적 파일은 비공개 S3 버킷에 두고 CloudFront가 Origin Access Control로 읽어 갑니다. CloudWatch 경보가 인스턴스 그룹을 지켜봅니다.',
    asg: 'Auto Scaling 그룹 · 최소 2 · CPU 대상 추적',
    primary: '기본 DB 인스턴스',
    standby: 'RDS 대기',
    replica: '읽기 전용 복제본',
    replicaSub: '읽기 처리',
    async: '비동기',
    sync: '동기',
    static: '정적 파일',
    s3Sub: '비공개 · 정적 파일',
    cfSub: 'HTTPS · 엣지 캐시',
    cwSub: '그룹 경보',
  },
};

export function ScaleOut({ locale }: DiagramProps) {
  const t = text[locale];
  return (
    <DiagramSvg width={800} height={490} title={t.title} description={t.description}>
      <UsersAndDns locale={locale} />
      <Box x={16} y={300} w={124} h={48} label="CloudFront" sub={t.cfSub} tone="edge" />
      <Arrow
        points={[
          [62, 162],
          [62, 300],
        ]}
        label={t.static}
        labelAt={[68, 236]}
        labelAnchor="start"
      />

      <TwoAzNetwork
        locale={locale}
        region={{ x: 250, y: 16, w: 540, h: 460 }}
        vpc={{ x: 276, y: 44, w: 376, h: 392 }}
        azs={[
          { x: 296, y: 70, w: 170, h: 354 },
          { x: 474, y: 70, w: 170, h: 354 },
        ]}
        publicRow={{ y: 94, h: 150 }}
        privateRow={{ y: 256, h: 160 }}
      />

      <Box x={254} y={115} w={44} h={46} label="IGW" tone="network" />
      <Box x={318} y={116} w={304} h={36} label="Application Load Balancer" tone="network" />
      <Zone x={310} y={162} w={320} h={74} kind="group" label={t.asg} labelAt="bottom" />
      <Box x={318} y={168} w={64} h={34} label="EC2" tone="compute" />
      <Box x={390} y={168} w={64} h={34} label="EC2" tone="compute" dashed />
      <Box x={490} y={168} w={64} h={34} label="EC2" tone="compute" />
      <Box x={562} y={168} w={64} h={34} label="EC2" tone="compute" dashed />

      <Box x={314} y={286} w={134} h={44} label={t.primary} sub="Multi-AZ" tone="database" />
      <Box x={492} y={286} w={134} h={44} label={t.standby} tone="database" dashed />
      <Box x={492} y={350} w={134} h={44} label={t.replica} sub={t.replicaSub} tone="database" />

      <Box x={668} y={170} w={112} h={48} label="CloudWatch" sub={t.cwSub} tone="management" />
      <Box x={668} y={364} w={112} h={48} label="Amazon S3" sub={t.s3Sub} tone="storage" />

      <Arrow
        points={[
          [108, 138],
          [254, 138],
        ]}
        label="HTTP"
      />
      <Arrow
        points={[
          [298, 138],
          [318, 138],
        ]}
      />
      <Arrow
        points={[
          [350, 152],
          [350, 168],
        ]}
      />
      <Arrow
        points={[
          [522, 152],
          [522, 168],
        ]}
      />
      <Arrow
        points={[
          [350, 236],
          [350, 286],
        ]}
      />
      <Arrow
        points={[
          [448, 308],
          [492, 308],
        ]}
        label={t.sync}
        labelAt={[470, 324]}
        tone="database"
      />
      <Arrow
        points={[
          [381, 330],
          [381, 372],
          [492, 372],
        ]}
        label={t.async}
        labelAt={[436, 366]}
        tone="database"
        dashed
      />
      <Arrow
        points={[
          [630, 194],
          [668, 194],
        ]}
        dashed
      />
      <Arrow
        points={[
          [78, 348],
          [78, 456],
          [724, 456],
          [724, 412],
        ]}
        label="Origin Access Control"
        labelAt={[400, 450]}
        tone="edge"
      />
    </DiagramSvg>
  );
}
