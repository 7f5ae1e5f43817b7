import { defineLab } from '@/lib/labs/types';

export default defineLab({
  id: '05-decouple',
  order: 5,
  milestone: { users: 1_000_000, label: { en: '1,000,000+ users', ko: '사용자 100만 명 이상' } },
  title: { en: 'Decouple', ko: '느슨하게 결합하기' },
  summary: {
    en: 'Split the monolith into tiers that can fail, scale and be upgraded on their own. An internal load balancer sits between the web tier and an app tier in private subnets; an SQS queue with a dead-letter queue feeds a worker group that scales on the backlog; SNS fans events out; CloudFront fronts dynamic pages too; and a small API Gateway → Lambda → DynamoDB path shows the serverless option. Security groups form a five-link chain.',
    ko: '모놀리스를 각자 장애를 견디고, 확장되고, 업그레이드될 수 있는 계층으로 나눕니다. 웹 계층과 프라이빗 서브넷의 앱 계층 사이에 내부 로드 밸런서를 두고, 배달 못한 편지 대기열(DLQ)을 갖춘 SQS 대기열이 밀린 메시지 양에 맞춰 확장되는 워커 그룹에 일을 넘깁니다. SNS로 이벤트를 여러 곳에 팬아웃하고, CloudFront가 동적 페이지도 앞단에서 받으며, 작은 API Gateway → Lambda → DynamoDB 경로로 서버리스라는 선택지도 살펴봅니다. 보안 그룹은 다섯 고리의 체인이 됩니다.',
  },
  minutes: 130,
  waits: {
    en: 'includes stage 04’s waits plus a few minutes for the NAT gateway and the internal load balancer',
    ko: '04 스테이지의 대기 시간에 NAT 게이트웨이와 내부 로드 밸런서를 만드는 몇 분을 더한 시간입니다',
  },
  cost: {
    // Stage 04 + internal ALB (no public IPv4) + 1 LCU + 2 app and 1 worker t3.micro with 8 GiB each + one NAT
    // gateway and its Elastic IP; SQS, SNS, Lambda, API Gateway ≈ 0 at lab traffic. labs/PRICES.md.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.28, weeklyUsd: 47.04 },
      'ap-northeast-2': { hourlyUsd: 0.348, weeklyUsd: 58.46 },
    },
    note: {
      en: 'one NAT gateway to keep the lab cheap (production puts one in each AZ); queue, topic and serverless path cost cents at lab traffic',
      ko: '실습 비용을 줄이려고 NAT 게이트웨이를 하나만 둡니다(운영 환경에서는 AZ마다 하나씩). 대기열, 토픽, 서버리스 경로는 실습 트래픽에서 몇 센트 수준입니다',
    },
    caveat: {
      en: 'Seoul prices for cache.t3.micro and Multi-AZ RDS were not found and are estimated as in stage 04',
      ko: '서울 리전의 cache.t3.micro와 Multi-AZ RDS 요금은 찾지 못해 04 스테이지와 같은 방법으로 추정했습니다',
    },
  },
  services: [
    'Elastic Load Balancing (internal Application Load Balancer)',
    'Amazon SQS',
    'Amazon SNS',
    'Amazon EC2 Auto Scaling',
    'Amazon CloudFront',
    'Amazon API Gateway',
    'AWS Lambda',
    'Amazon DynamoDB',
    'NAT gateway',
  ],
  checks: [
    'elb.internal-alb',
    'sg.chain-five-tier',
    'sqs.queue-with-dlq',
    'asg.worker-scales-on-queue',
    'vpc.s3-gateway-endpoint',
    'sns.fanout-to-sqs',
    'cloudfront.dynamic-origin',
    'lambda.serverless-api',
  ],
  quiz: [
    {
      id: 'queue-during-upgrade',
      prompt: {
        en: 'Service A sends work to service B through an SQS queue. What happens while B is down for an upgrade?',
        ko: '서비스 A가 SQS 대기열을 통해 서비스 B에 일을 넘깁니다. B가 업그레이드로 잠시 내려가 있는 동안에는 어떻게 될까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'Messages wait in the queue and B processes them when it comes back',
            ko: '메시지는 대기열에서 기다리고, B가 돌아오면 처리한다',
          },
        },
        { id: 'b', text: { en: 'A’s requests fail until B is back', ko: 'B가 돌아올 때까지 A의 요청이 실패한다' } },
        { id: 'c', text: { en: 'SQS forwards the messages to A', ko: 'SQS가 메시지를 A에게 되돌려 보낸다' } },
      ],
      answer: ['a'],
      explanation: {
        en: 'That is loose coupling: the queue absorbs the gap, so one tier can be upgraded or scaled without downtime for the other. Messages that keep failing land in the dead-letter queue instead of blocking the rest.',
        ko: '이것이 느슨한 결합입니다. 대기열이 빈틈을 메워 주므로 한 계층을 업그레이드하거나 확장해도 다른 계층에 다운타임이 생기지 않습니다. 계속 처리에 실패하는 메시지는 나머지를 막지 않고 DLQ로 빠집니다.',
      },
    },
    {
      id: 'dont-reinvent',
      prompt: {
        en: 'Your team needs a message queue, email sending and video transcoding. What do the talks advise?',
        ko: '팀에 메시지 큐, 이메일 발송, 동영상 변환 기능이 필요합니다. 발표에서는 어떻게 하라고 조언할까요?',
      },
      choices: [
        {
          id: 'a',
          text: { en: 'Build them on EC2 to keep full control', ko: '완전한 제어를 위해 EC2 위에 직접 구축한다' },
        },
        {
          id: 'b',
          text: {
            en: 'Use the managed services (SQS, SES, a transcoding service) instead of building them',
            ko: '직접 만들지 말고 관리형 서비스(SQS, SES, 동영상 변환 서비스)를 쓴다',
          },
        },
      ],
      answer: ['b'],
      explanation: {
        en: '"Don’t reinvent the wheel": managed building blocks scale on their own and let the team spend its time on the product.',
        ko: '"바퀴를 다시 발명하지 마세요." 관리형 빌딩 블록은 스스로 확장되고, 팀은 그 시간을 제품에 쓸 수 있습니다.',
      },
    },
    {
      id: 'internal-vs-internet-facing',
      prompt: {
        en: 'The web tier calls the app tier through a load balancer. Why is that load balancer internal rather than internet-facing?',
        ko: '웹 계층은 로드 밸런서를 거쳐 앱 계층을 부릅니다. 이 로드 밸런서가 인터넷 경계가 아니라 내부인 이유는 무엇일까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'An internal ALB is faster because it skips health checks',
            ko: '내부 ALB는 상태 확인을 건너뛰므로 더 빠르다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'Its DNS name resolves to private addresses only, so only clients inside the VPC reach the app tier, while the web tier still gets balancing and health checks',
            ko: 'DNS 이름이 프라이빗 주소로만 확인되므로 VPC 안의 클라이언트만 앱 계층에 닿고, 웹 계층은 그대로 부하 분산과 상태 확인의 이점을 누린다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Internet-facing load balancers cannot forward to port 8080',
            ko: '인터넷 경계 로드 밸런서는 8080번 포트로 전달할 수 없다',
          },
        },
      ],
      answer: ['b'],
      explanation: {
        en: 'Both schemes balance, check health and follow the Auto Scaling group. The scheme decides who can reach them: an internet-facing ALB has public addresses, an internal ALB only private ones in its subnets. The app tier stays unreachable from the internet, and its security group admits only the internal ALB’s group.',
        ko: '두 체계 모두 부하를 분산하고 상태를 확인하며 Auto Scaling 그룹을 따라갑니다. 체계가 정하는 것은 누가 닿을 수 있느냐입니다. 인터넷 경계 ALB에는 퍼블릭 주소가 있고, 내부 ALB에는 서브넷 안의 프라이빗 주소만 있습니다. 앱 계층은 인터넷에서 닿을 수 없고, 앱 보안 그룹은 내부 ALB의 보안 그룹만 받습니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'complete',
});
