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
  minutes: 90,
  cost: {
    // Stage 02 (~0.114) + db.t3.micro read replica 0.017 + its storage ~0.003; S3, CloudFront and one alarm ≈ 0 at lab traffic.
    hourlyUsd: 0.134,
    pricesAsOf: '2026-11-01',
    region: 'us-east-1',
    note: {
      en: 'ASG at its minimum of two t3.micro, ALB, Multi-AZ db.t3.micro plus one read replica; S3 and CloudFront cost cents at lab traffic',
      ko: '최소 크기(t3.micro 2대)의 ASG, ALB, Multi-AZ db.t3.micro와 읽기 전용 복제본 1개 기준이며, S3와 CloudFront는 실습 트래픽에서 몇 센트 수준입니다',
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
        en: 'Only about 24% of the capacity bought for the peak was used across the month; about 76% was paid for and idle. Auto Scaling adds instances when demand rises and removes them when it falls, so you pay for the curve instead of the peak.',
        ko: '최대치에 맞춰 산 용량 중 한 달 동안 실제로 쓰인 것은 약 24%였고, 약 76%는 비용만 내고 놀고 있었습니다. Auto Scaling은 수요가 늘면 인스턴스를 더하고 줄면 덜어 내므로, 최대치가 아니라 실제 수요 곡선만큼만 비용을 냅니다.',
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
        en: 'With HealthCheckType ELB, an instance the load balancer marks unhealthy is replaced automatically; desired capacity stays what the scaling policy set, between min and max.',
        ko: 'HealthCheckType이 ELB이면 로드 밸런서가 비정상으로 판단한 인스턴스를 자동으로 교체합니다. 원하는 용량은 최소와 최대 사이에서 조정 정책이 정한 값을 그대로 유지합니다.',
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
        { id: 'c', text: { en: 'There is no difference', ko: '차이가 없다' } },
      ],
      answer: ['a'],
      explanation: {
        en: 'Replicas scale reads and may lag slightly behind the primary; the standby exists for failover and takes no traffic. Large services use both.',
        ko: '복제본은 읽기를 확장하며 주 인스턴스보다 약간 늦을 수 있고, 대기 인스턴스는 장애 조치용이라 트래픽을 받지 않습니다. 큰 서비스는 둘 다 씁니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'coming-soon',
});
