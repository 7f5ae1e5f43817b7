import { defineLab } from '@/lib/labs/types';

export default defineLab({
  id: '06-go-global',
  order: 6,
  milestone: {
    users: 10_000_000,
    label: { en: '5,000,000 to 10,000,000+ users', ko: '사용자 500만 명 ~ 1,000만 명 이상' },
  },
  title: { en: 'Go global', ko: '글로벌로 확장하기' },
  summary: {
    en: 'Move from many Availability Zones to more than one Region. Split the data by function and put NoSQL where it fits: a DynamoDB global table reads and writes locally in two Regions, an Aurora cluster keeps a writer and a reader in different AZs (with a global database as the stretch goal), S3 replicates static files across Regions, and Route 53 health checks steer users to a healthy Region. The second Region is deployed from the same template.',
    ko: '여러 가용 영역을 넘어 여러 리전으로 갑니다. 데이터를 기능별로 나누고 어울리는 곳에는 NoSQL을 씁니다. DynamoDB 글로벌 테이블은 두 리전에서 각각 로컬로 읽고 쓰며, Aurora 클러스터는 쓰기 인스턴스와 읽기 인스턴스를 서로 다른 AZ에 둡니다(도전 과제로 글로벌 데이터베이스까지). S3는 정적 파일을 다른 리전으로 복제하고, Route 53 상태 확인이 사용자를 정상인 리전으로 보냅니다. 두 번째 리전은 같은 템플릿으로 배포합니다.',
  },
  minutes: 150,
  waits: {
    en: 'includes 10–20 minutes for each Aurora instance, a second-region deployment of the whole stack and the deletion of both',
    ko: 'Aurora 인스턴스마다 10~20분, 두 번째 리전에 스택 전체를 배포하는 시간, 두 리전의 삭제 시간이 포함된 시간입니다',
  },
  cost: {
    // Region 1: stage 05 with RDS MySQL replaced by an Aurora MySQL writer + reader on db.t3.medium (2 × 0.082);
    // region 2: ALB, two web instances, NAT gateway, internal ALB and app tier. DynamoDB, Route 53, S3 ≈ 0.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.55, weeklyUsd: 92.4 },
      'ap-northeast-2': { hourlyUsd: 0.68, weeklyUsd: 114.24 },
    },
    note: {
      en: 'two Regions; the Aurora writer and reader (db.t3.medium) are the largest item, and the optional Aurora global database adds a secondary cluster',
      ko: '두 리전 기준이며 가장 큰 항목은 Aurora 쓰기·읽기 인스턴스(db.t3.medium)입니다. 선택 과제인 Aurora 글로벌 데이터베이스는 보조 클러스터 비용이 추가됩니다',
    },
    caveat: {
      en: 'Aurora’s Seoul price was not found: the Seoul figure scales the us-east-1 one by stage 05’s Seoul/us-east-1 ratio (1.24); it is revised when the stage is written',
      ko: '서울 리전의 Aurora 요금은 찾지 못해, us-east-1 금액에 05 스테이지의 서울/us-east-1 비율(1.24)을 곱해 추정했습니다. 이 스테이지를 작성할 때 다시 계산합니다',
    },
  },
  services: [
    'Amazon DynamoDB global tables',
    'Amazon Aurora MySQL',
    'Amazon S3 Cross-Region Replication',
    'Amazon Route 53',
    'AWS CloudFormation',
  ],
  checks: [
    'dynamodb.global-table',
    'aurora.cluster-multi-az',
    'route53.failover-routing',
    'cloudformation.second-region',
    's3.cross-region-replication',
    'aurora.global-database',
  ],
  quiz: [
    {
      id: 'aurora-global-numbers',
      prompt: {
        en: 'What does an Aurora global database give you across Regions?',
        ko: 'Aurora 글로벌 데이터베이스는 리전 사이에서 무엇을 제공할까요?',
      },
      choices: [
        {
          id: 'a',
          text: { en: 'Writes accepted in every Region at once', ko: '모든 리전에서 동시에 쓰기를 받음' },
        },
        {
          id: 'b',
          text: { en: 'Synchronous replication with zero lag', ko: '지연이 전혀 없는 동기식 복제' },
        },
        {
          id: 'c',
          text: {
            en: 'Replication lag typically under a second, and a secondary Region promoted to read-write within a minute',
            ko: '보통 1초 미만의 복제 지연, 그리고 1분 안에 보조 리전을 읽기·쓰기로 승격',
          },
        },
      ],
      answer: ['c'],
      explanation: {
        en: 'An Aurora global database has one writer Region; the others read locally with sub-second lag and can be promoted when the primary Region fails. Local writes in every Region are what DynamoDB global tables offer.',
        ko: 'Aurora 글로벌 데이터베이스의 쓰기 리전은 하나입니다. 나머지 리전은 1초 미만의 지연으로 로컬에서 읽고, 기본 리전에 장애가 나면 승격할 수 있습니다. 모든 리전에서 로컬로 쓰기까지 하는 것은 DynamoDB 글로벌 테이블입니다.',
      },
    },
    {
      id: 'database-limits',
      prompt: {
        en: 'At millions of users the single writer database becomes the bottleneck. Which moves do the talks suggest? (Choose all that apply.)',
        ko: '사용자가 수백만 명이 되면 쓰기 데이터베이스 하나가 병목이 됩니다. 발표에서 제안하는 방법을 모두 고르세요.',
      },
      choices: [
        {
          id: 'a',
          text: { en: 'Split databases by function (federation)', ko: '기능별로 데이터베이스를 나눈다(페더레이션)' },
        },
        {
          id: 'b',
          text: {
            en: 'Shard one data set across several instances',
            ko: '하나의 데이터 세트를 여러 인스턴스로 나눈다(샤딩)',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Move some features to NoSQL or other purpose-built databases',
            ko: '일부 기능을 NoSQL 등 목적에 맞는 데이터베이스로 옮긴다',
          },
        },
        { id: 'd', text: { en: 'Keep scaling the one instance up', ko: '인스턴스 하나를 계속 스케일 업한다' } },
      ],
      answer: ['a', 'b', 'c'],
      explanation: {
        en: 'Federation, sharding and purpose-built databases spread the writes; scaling one instance up only delays the ceiling seen in stage 00.',
        ko: '페더레이션, 샤딩, 목적별 데이터베이스는 쓰기를 분산합니다. 인스턴스 하나를 계속 키우는 것은 00 스테이지에서 본 천장에 닿는 시점을 늦출 뿐입니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'coming-soon',
});
