import { defineLab } from '@/lib/labs/types';

export default defineLab({
  id: '04-cache-automate-secure',
  order: 4,
  milestone: { users: 100_000, label: { en: '100,000+ users (up to 500k)', ko: '사용자 10만 명 이상 (50만 명까지)' } },
  title: { en: 'Cache, automate, secure', ko: '캐시, 자동화, 보안' },
  summary: {
    en: 'Take load off the database and people off the servers. A Multi-AZ ElastiCache replication group holds hot reads, a DynamoDB table with TTL holds sessions, and Systems Manager Session Manager replaces SSH and the bastion host, so port 22 closes for good. CloudWatch dashboards and alarms, CloudTrail and GuardDuty complete the account’s security checklist.',
    ko: '데이터베이스의 부하를 덜고, 사람이 서버에 직접 들어가는 일을 없앱니다. Multi-AZ ElastiCache 복제 그룹이 자주 읽는 데이터를 맡고, TTL을 켠 DynamoDB 테이블이 세션을 저장하며, Systems Manager Session Manager가 SSH와 배스천 호스트를 대신해 22번 포트를 완전히 닫습니다. CloudWatch 대시보드와 경보, CloudTrail, GuardDuty로 계정 보안 체크리스트를 마무리합니다.',
  },
  minutes: 110,
  waits: {
    en: 'includes 10–20 minutes for the ElastiCache replication group to create and 5–10 to delete it, on top of stage 03’s database and distribution waits',
    ko: 'ElastiCache 복제 그룹을 만드는 10~20분과 삭제하는 5~10분이 03 스테이지의 데이터베이스·배포 대기 시간에 더해 포함된 시간입니다',
  },
  cost: {
    // Stage 03 + 2 × cache.t3.micro (Valkey) + one dashboard ($3/month); DynamoDB on-demand, the trail's first copy
    // of management events and GuardDuty's 30-day trial ≈ 0. labs/PRICES.md.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.165, weeklyUsd: 27.72 },
      'ap-northeast-2': { hourlyUsd: 0.212, weeklyUsd: 35.62 },
    },
    note: {
      en: 'stage 03 plus a two-node cache.t3.micro Valkey replication group and a CloudWatch dashboard; after GuardDuty’s 30-day trial add its event analysis (cents a week in a lab account)',
      ko: '03 스테이지 구성에 cache.t3.micro Valkey 2노드 복제 그룹과 CloudWatch 대시보드를 더한 기준이며, GuardDuty 30일 무료 평가판이 끝나면 이벤트 분석 요금(실습 계정에서는 일주일에 몇 센트)이 더해집니다',
    },
    caveat: {
      en: 'Seoul prices for cache.t3.micro and Multi-AZ RDS were not found: the cache node is estimated from cache.t4g.micro Valkey (0.0192 USD/h), the database as twice Single-AZ',
      ko: '서울 리전의 cache.t3.micro와 Multi-AZ RDS 요금은 찾지 못해, 캐시 노드는 cache.t4g.micro Valkey 요금(시간당 0.0192 USD)에서, 데이터베이스는 단일 AZ 요금의 두 배로 추정했습니다',
    },
  },
  services: [
    'Amazon ElastiCache',
    'Amazon DynamoDB',
    'AWS Systems Manager',
    'Amazon CloudWatch',
    'AWS CloudTrail',
    'Amazon GuardDuty',
  ],
  checks: [
    'elasticache.multi-az-failover',
    'sg.cache-from-app-only',
    'dynamodb.session-table-ttl',
    'ec2.ssm-managed',
    'sg.no-ssh',
    'cloudtrail.multi-region-trail',
    'guardduty.enabled',
    'cloudwatch.dashboard',
  ],
  quiz: [
    {
      id: 'session-manager',
      prompt: {
        en: 'What does Systems Manager Session Manager replace in this stage?',
        ko: '이 스테이지에서 Systems Manager Session Manager는 무엇을 대신할까요?',
      },
      choices: [
        { id: 'a', text: { en: 'The load balancer', ko: '로드 밸런서' } },
        {
          id: 'b',
          text: {
            en: 'SSH on port 22 and the bastion host in front of the instances',
            ko: '22번 포트의 SSH와 인스턴스 앞에 두던 배스천 호스트',
          },
        },
        { id: 'c', text: { en: 'CloudWatch alarms', ko: 'CloudWatch 경보' } },
      ],
      answer: ['b'],
      explanation: {
        en: 'The SSM agent opens an outbound connection to Systems Manager, so you get a shell from the console or CLI with no inbound port, no key pair and every session logged through IAM.',
        ko: 'SSM 에이전트가 Systems Manager로 나가는 연결을 맺기 때문에, 인바운드 포트나 키 페어 없이 콘솔이나 CLI에서 셸을 열 수 있고 모든 세션이 IAM 권한 아래에서 기록됩니다.',
      },
    },
    {
      id: 'stateless-web',
      prompt: {
        en: 'Why move user sessions out of the web instances into ElastiCache or DynamoDB?',
        ko: '사용자 세션을 웹 인스턴스 밖의 ElastiCache나 DynamoDB로 옮기는 이유는 무엇일까요?',
      },
      choices: [
        { id: 'a', text: { en: 'Because EC2 instances have no memory', ko: 'EC2 인스턴스에는 메모리가 없어서' } },
        { id: 'b', text: { en: 'To make the database Multi-AZ', ko: '데이터베이스를 Multi-AZ로 만들려고' } },
        {
          id: 'c',
          text: {
            en: 'So any instance can serve any request, and scaling in or replacing an instance logs nobody out',
            ko: '어느 인스턴스든 어떤 요청이든 처리할 수 있고, 인스턴스를 줄이거나 교체해도 아무도 로그아웃되지 않게 하려고',
          },
        },
      ],
      answer: ['c'],
      explanation: {
        en: 'A stateless web tier is what makes Auto Scaling safe: instances become interchangeable, and the state lives in a shared, highly available store.',
        ko: '웹 계층이 상태를 갖지 않아야 Auto Scaling을 안심하고 쓸 수 있습니다. 인스턴스는 서로 바꿔 끼울 수 있는 부품이 되고, 상태는 공유되는 고가용성 저장소에 둡니다.',
      },
    },
    {
      id: 'dispatch-cost-cut',
      prompt: {
        en: 'The talks’ Dispatch case cut its AWS bill by about 70%. Which three changes did that?',
        ko: '발표에 나온 디스패치 사례는 AWS 비용을 약 70% 줄였습니다. 어떤 세 가지 변화 덕분이었을까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'A lighter web server (Nginx instead of Apache), caches with ElastiCache, and right-sized instance types',
            ko: '더 가벼운 웹 서버(Apache 대신 Nginx), ElastiCache 캐시 도입, 알맞은 인스턴스 유형으로 변경',
          },
        },
        {
          id: 'b',
          text: {
            en: 'Moving every server to one Availability Zone and turning off backups',
            ko: '모든 서버를 한 가용 영역으로 모으고 백업 끄기',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Buying larger instances so that fewer of them were needed',
            ko: '더 큰 인스턴스를 사서 대수를 줄이기',
          },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'Nginx serves the same traffic with less memory and CPU, and caches in front of the web tier and the database take the repeated work away from them. With less work left, every instance could be a smaller type. Availability was not traded away: the database stayed Multi-AZ.',
        ko: 'Nginx는 같은 트래픽을 더 적은 메모리와 CPU로 처리하고, 웹 계층과 데이터베이스 앞의 캐시가 반복되는 작업을 덜어 줍니다. 남은 일이 줄어드니 인스턴스마다 더 작은 유형을 쓸 수 있었습니다. 가용성을 희생한 것도 아닙니다. 데이터베이스는 계속 Multi-AZ였습니다.',
      },
    },
    {
      id: 'trail-vs-guardduty',
      prompt: {
        en: 'How do CloudTrail and GuardDuty divide the work?',
        ko: 'CloudTrail과 GuardDuty는 일을 어떻게 나눌까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'CloudTrail blocks attacks at the network edge; GuardDuty stores the logs',
            ko: 'CloudTrail은 네트워크 경계에서 공격을 막고, GuardDuty는 로그를 저장한다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'They do the same thing; one is enough',
            ko: '둘은 같은 일을 하므로 하나만 있으면 된다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'CloudTrail records every API call; GuardDuty analyses those records, VPC flow logs and DNS logs and reports threats',
            ko: 'CloudTrail은 모든 API 호출을 기록하고, GuardDuty는 그 기록과 VPC 흐름 로그, DNS 로그를 분석해 위협을 알려 준다',
          },
        },
      ],
      answer: ['c'],
      explanation: {
        en: 'A trail is the record: who called which API, when and from where, kept in S3 for as long as you need. GuardDuty is the reader: it watches that record and the network logs continuously and raises findings such as credentials used from an unusual place. Neither blocks traffic; that is the job of security groups, AWS WAF and AWS Shield.',
        ko: '추적은 기록입니다. 누가, 언제, 어디서 어떤 API를 호출했는지를 필요한 만큼 S3에 보관합니다. GuardDuty는 그 기록을 읽는 쪽입니다. 이 기록과 네트워크 로그를 계속 살피다가 낯선 곳에서 쓰인 자격 증명 같은 결과를 알려 줍니다. 둘 다 트래픽을 막지는 않습니다. 그것은 보안 그룹, AWS WAF, AWS Shield가 할 일입니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'complete',
});
