import { defineLab } from '@/lib/labs/types';

export default defineLab({
  id: '03-scale-out',
  order: 3,
  milestone: { users: 10_000, label: { en: '10,000+ users', ko: '사용자 1만 명 이상' } },
  title: { en: 'Scale out', ko: '수평 확장하기' },
  summary: {
    en: 'Stop sizing for the peak. The web tier becomes an Auto Scaling group across two Availability Zones that replaces unhealthy instances and follows CPU with a target-tracking policy; read replicas take read traffic off the primary database; static files move to a private S3 bucket served by CloudFront through Origin Access Control; a CloudWatch alarm watches the fleet.',
    ko: '최대 트래픽에 맞춰 미리 준비하는 방식을 버립니다. 웹 계층은 두 가용 영역에 걸친 Auto Scaling 그룹이 되어 비정상 인스턴스를 교체하고, 대상 추적 정책으로 CPU 사용률에 맞춰 늘고 줄어듭니다. 읽기 전용 복제본이 주 데이터베이스의 읽기 부하를 덜고, 정적 파일은 비공개 S3 버킷으로 옮겨 Origin Access Control을 통해 CloudFront로 제공합니다. CloudWatch 경보가 전체 인스턴스 그룹을 지켜봅니다.',
  },
  minutes: 110,
  waits: {
    en: 'includes 10–15 minutes for the read replica, 5–10 minutes for the CloudFront distribution to deploy, instance refreshes of a few minutes each, and 15–20 minutes to delete (replica, Multi-AZ database, distribution)',
    ko: '읽기 전용 복제본 10~15분, CloudFront 배포 5~10분, 몇 분씩 걸리는 인스턴스 교체, 삭제(복제본, Multi-AZ 데이터베이스, 배포) 15~20분이 포함된 시간입니다',
  },
  cost: {
    // Stage 02 + db.t3.micro read replica and its 20 GiB; S3, CloudFront (Free Tier) and one alarm (first 10 free) ≈ 0.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.134, weeklyUsd: 22.51 },
      'ap-northeast-2': { hourlyUsd: 0.168, weeklyUsd: 28.22 },
    },
    note: {
      en: 'ASG at its minimum of two t3.micro, ALB, Multi-AZ db.t3.micro plus one read replica; S3 and CloudFront cost cents at lab traffic',
      ko: '최소 크기(t3.micro 2대)의 ASG, ALB, Multi-AZ db.t3.micro와 읽기 전용 복제본 1개 기준이며, S3와 CloudFront는 실습 트래픽에서 몇 센트 수준입니다',
    },
    caveat: {
      en: 'the Seoul Multi-AZ price was not found: it is taken as twice the Single-AZ one',
      ko: '서울 리전의 Multi-AZ 요금은 찾지 못해 단일 AZ 요금의 두 배로 계산했습니다',
    },
  },
  services: [
    'Amazon EC2 Auto Scaling',
    'Elastic Load Balancing (Application Load Balancer)',
    'Amazon RDS',
    'Amazon S3',
    'Amazon CloudFront',
    'Amazon CloudWatch',
  ],
  checks: [
    'asg.multi-az',
    'asg.elb-health-check',
    'asg.target-tracking',
    'rds.read-replica',
    's3.static-bucket-private',
    'cloudfront.s3-origin-oac',
    'cloudfront.https-only',
    'cloudwatch.fleet-alarm',
  ],
  quiz: [
    {
      id: 'pre-provisioned-waste',
      prompt: {
        en: 'Amazon.com once provisioned servers for its November peak in advance. Roughly how much of that capacity sat unused over the month?',
        ko: 'Amazon.com은 한때 11월 최대 트래픽에 맞춰 서버를 미리 준비했습니다. 한 달 동안 그 용량 중 대략 얼마가 놀고 있었을까요?',
      },
      choices: [
        { id: 'a', text: { en: 'About 5%', ko: '약 5%' } },
        { id: 'b', text: { en: 'About 24%', ko: '약 24%' } },
        { id: 'c', text: { en: 'About 76%', ko: '약 76%' } },
      ],
      answer: ['c'],
      explanation: {
        en: 'The capacity was sized for the end-of-month peak, so over the whole month only about 24% of it was used and about 76% was paid for and idle. Auto Scaling adds instances when demand rises and removes them when it falls, so you pay for the curve instead of the peak.',
        ko: '용량을 월말 최대치에 맞춰 두었기 때문에, 한 달 전체로 보면 실제로 쓰인 것은 24% 정도였고 76% 정도는 비용만 내고 놀고 있었습니다. Auto Scaling은 수요가 늘면 인스턴스를 더하고 줄면 덜어 내므로, 최대치가 아니라 실제 수요 곡선만큼만 비용을 냅니다.',
      },
    },
    {
      id: 'min-max-desired',
      prompt: {
        en: 'An Auto Scaling group has min 2, max 10, desired 6. One instance fails its ELB health check. What does the group do?',
        ko: 'Auto Scaling 그룹이 최소 2, 최대 10, 원하는 용량 6으로 설정되어 있습니다. 인스턴스 하나가 ELB 상태 확인에 실패하면 그룹은 어떻게 할까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'Terminates it and launches a replacement to get back to 6',
            ko: '그 인스턴스를 종료하고 새로 띄워 다시 6대를 맞춘다',
          },
        },
        { id: 'b', text: { en: 'Lowers desired capacity to 5', ko: '원하는 용량을 5로 낮춘다' } },
        {
          id: 'c',
          text: { en: 'Nothing until an operator reboots it', ko: '운영자가 재부팅할 때까지 아무것도 하지 않는다' },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'With HealthCheckType ELB, the group trusts the load balancer: it terminates the unhealthy instance and launches a replacement, so the group gets back to its desired capacity of 6. Desired capacity only changes when a scaling policy or a person changes it. With the default EC2 health checks, an instance whose app hangs on a running machine would not be replaced at all.',
        ko: 'HealthCheckType이 ELB이면 그룹은 로드 밸런서의 판단을 따릅니다. 비정상 인스턴스를 종료하고 새로 띄워 원하는 용량 6대를 다시 맞춥니다. 원하는 용량은 조정 정책이나 사람이 바꿀 때만 바뀝니다. 기본값인 EC2 상태 확인이었다면, 머신은 살아 있는데 앱만 멈춘 인스턴스는 아예 교체되지 않습니다.',
      },
    },
    {
      id: 'replica-vs-standby',
      prompt: {
        en: 'How does an RDS read replica differ from the Multi-AZ standby?',
        ko: 'RDS 읽기 전용 복제본은 Multi-AZ 대기 인스턴스와 무엇이 다를까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'It is replicated asynchronously and serves reads; it is not promoted automatically',
            ko: '비동기식으로 복제되어 읽기를 처리하며, 자동으로 승격되지 않는다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'It is replicated synchronously and takes writes',
            ko: '동기식으로 복제되며 쓰기를 받는다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'RDS fails over to it automatically when the primary fails, behind the same endpoint',
            ko: '기본 DB 인스턴스에 장애가 나면 RDS가 같은 엔드포인트 뒤에서 자동으로 이 복제본으로 넘긴다',
          },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'A read replica has its own endpoint, serves reads and may lag slightly behind the primary, because replication is asynchronous; promoting it is a manual step. The Multi-AZ standby is written synchronously, takes no traffic and is what RDS fails over to automatically. Large services use both.',
        ko: '읽기 전용 복제본은 자기 엔드포인트로 읽기를 처리하고, 복제가 비동기식이라 기본 DB 인스턴스보다 약간 늦을 수 있으며, 승격은 직접 해야 합니다. Multi-AZ 대기 인스턴스는 동기식으로 기록되고, 트래픽을 받지 않으며, RDS가 자동으로 장애 조치하는 대상입니다. 큰 서비스는 둘 다 씁니다.',
      },
    },
    {
      id: 'private-bucket-cdn',
      prompt: {
        en: 'Static files live in an S3 bucket with all Block Public Access settings on, and CloudFront must serve them. What lets CloudFront read the bucket while it stays private?',
        ko: '정적 파일이 퍼블릭 액세스 차단 설정을 모두 켠 S3 버킷에 있고, CloudFront가 이 파일을 제공해야 합니다. 버킷을 비공개로 둔 채 CloudFront가 읽을 수 있게 하는 것은 무엇일까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'Turn on static website hosting and make the objects public-read',
            ko: '정적 웹 사이트 호스팅을 켜고 객체를 public-read로 공개한다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'An Origin Access Control on the origin, and a bucket policy that allows s3:GetObject to cloudfront.amazonaws.com only for that distribution’s ARN',
            ko: '오리진에 Origin Access Control을 두고, 그 배포의 ARN일 때만 cloudfront.amazonaws.com에 s3:GetObject를 허용하는 버킷 정책을 둔다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Allow the web servers’ security group in the bucket policy',
            ko: '버킷 정책에서 웹 서버 보안 그룹을 허용한다',
          },
        },
        {
          id: 'd',
          text: {
            en: 'Store an IAM user’s access keys in the distribution',
            ko: 'IAM 사용자의 액세스 키를 배포에 넣어 둔다',
          },
        },
      ],
      answer: ['b'],
      explanation: {
        en: 'With OAC, CloudFront signs its requests to S3 as the service principal cloudfront.amazonaws.com, and the AWS:SourceArn condition limits the grant to your distribution. Block Public Access stays on, because nothing is public: a website endpoint cannot use OAC at all, security groups do not apply to S3, and long-lived keys have no place in a CDN.',
        ko: 'OAC를 쓰면 CloudFront가 서비스 주체 cloudfront.amazonaws.com으로서 S3 요청에 서명하고, AWS:SourceArn 조건이 허용 범위를 내 배포로 좁힙니다. 공개되는 것이 없으니 퍼블릭 액세스 차단은 켠 그대로 둡니다. 웹 사이트 엔드포인트는 OAC를 아예 쓸 수 없고, 보안 그룹은 S3에 적용되지 않으며, 오래 쓰는 액세스 키는 CDN에 둘 것이 아닙니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'complete',
});
