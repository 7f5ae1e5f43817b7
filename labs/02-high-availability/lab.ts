import { defineLab } from '@/lib/labs/types';

export default defineLab({
  id: '02-high-availability',
  order: 2,
  milestone: { users: 1000, label: { en: '1,000+ users', ko: '사용자 1,000명 이상' } },
  title: { en: 'High availability', ko: '고가용성 확보하기' },
  summary: {
    en: 'Stop keeping all your eggs in one basket. An Application Load Balancer spreads requests over web instances in two Availability Zones, and RDS Multi-AZ keeps a synchronous standby that takes over on its own when the primary fails. The security chain grows to three links: load balancer, web, database.',
    ko: '계란을 한 바구니에 담지 않는 스테이지입니다. Application Load Balancer가 두 가용 영역의 웹 인스턴스로 요청을 나누고, RDS Multi-AZ는 동기식으로 복제되는 대기 인스턴스를 두었다가 기본 DB 인스턴스에 장애가 나면 자동으로 넘겨받습니다. 보안 체인은 로드 밸런서, 웹, 데이터베이스의 세 고리로 늘어납니다.',
  },
  minutes: 100,
  waits: {
    en: 'includes 10–30 minutes for the database to become Multi-AZ, about 3 minutes for the load balancer, a 1–2 minute failover test and about 10 minutes to delete the Multi-AZ database',
    ko: '데이터베이스가 Multi-AZ로 바뀌는 10~30분, 로드 밸런서 약 3분, 1~2분의 장애 조치 시험, Multi-AZ 데이터베이스를 삭제하는 약 10분이 포함된 시간입니다',
  },
  cost: {
    // ALB + 1 LCU allowance + 2 ALB node IPv4; 2 × t3.micro + 2 IPv4 + 2 × 8 GiB gp3; db.t3.micro Multi-AZ +
    // 20 GiB Multi-AZ gp3; one secret. labs/PRICES.md.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.114, weeklyUsd: 19.15 },
      'ap-northeast-2': { hourlyUsd: 0.138, weeklyUsd: 23.18 },
    },
    note: {
      en: 'an ALB, two t3.micro web instances and a Multi-AZ db.t3.micro (a Multi-AZ database costs twice a single-AZ one)',
      ko: 'ALB, t3.micro 웹 인스턴스 두 대, Multi-AZ db.t3.micro 기준입니다 (Multi-AZ DB는 단일 AZ의 두 배 요금)',
    },
    caveat: {
      en: 'the Seoul Multi-AZ price was not found: it is taken as twice the Single-AZ one, as RDS bills the standby like the primary',
      ko: '서울 리전의 Multi-AZ 요금은 찾지 못해, RDS가 대기 인스턴스를 기본 DB 인스턴스와 똑같이 과금하는 점에 따라 단일 AZ 요금의 두 배로 계산했습니다',
    },
  },
  services: [
    'Elastic Load Balancing (Application Load Balancer)',
    'Amazon EC2',
    'Amazon RDS',
    'Amazon VPC',
    'Amazon Route 53',
  ],
  checks: [
    'elb.alb-multi-az',
    'elb.targets-multi-az',
    'rds.multi-az',
    'sg.chain-alb-web-db',
    'http.balanced-across-azs',
  ],
  quiz: [
    {
      id: 'content-routing',
      prompt: {
        en: 'Your application is made of separate services, and each request must be routed to a service based on its content (for example its path). Which type of load balancer should you use?',
        ko: '애플리케이션이 여러 개별 서비스로 이루어져 있고, 요청 내용(예: 경로)을 보고 알맞은 서비스로 보내야 합니다. 어떤 로드 밸런서를 써야 할까요?',
      },
      choices: [
        { id: 'a', text: { en: 'An Auto Scaling load balancer', ko: 'Auto Scaling 로드 밸런서' } },
        { id: 'b', text: { en: 'Network Load Balancer', ko: 'Network Load Balancer' } },
        { id: 'c', text: { en: 'Application Load Balancer', ko: 'Application Load Balancer' } },
        { id: 'd', text: { en: 'Any type of load balancer', ko: '어떤 로드 밸런서든 상관없다' } },
      ],
      answer: ['c'],
      explanation: {
        en: 'The ALB works at layer 7: it reads HTTP and can route by path or host (/api to one target group, /images to another), and it speaks HTTP/2 and WebSockets. The NLB works at layer 4 (TCP/UDP/TLS) and shines when you need a static IP or extreme throughput, but it does not look inside the request. There is no "Auto Scaling load balancer".',
        ko: 'ALB는 L7에서 동작해 HTTP 요청을 읽고 경로나 호스트로 라우팅할 수 있습니다(/api는 이 대상 그룹, /images는 저 대상 그룹). HTTP/2와 WebSocket도 지원합니다. NLB는 L4(TCP/UDP/TLS)에서 동작하며 고정 IP나 매우 높은 처리량이 필요할 때 유리하지만 요청 내용은 보지 않습니다. "Auto Scaling 로드 밸런서"라는 것은 없습니다.',
      },
    },
    {
      id: 'multi-az-is-not',
      prompt: {
        en: 'Which statements about RDS Multi-AZ are true? (Choose all that apply.)',
        ko: 'RDS Multi-AZ에 대한 설명으로 옳은 것을 모두 고르세요.',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'The standby is written synchronously and is promoted automatically if the primary fails',
            ko: '대기 인스턴스에는 동기식으로 기록되며, 기본 DB 인스턴스에 장애가 나면 자동으로 승격된다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'The standby serves read queries, doubling read capacity',
            ko: '대기 인스턴스가 읽기 쿼리를 처리해 읽기 용량이 두 배가 된다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'The application keeps the same endpoint after a failover',
            ko: '장애 조치 후에도 애플리케이션은 같은 엔드포인트를 그대로 쓴다',
          },
        },
        {
          id: 'd',
          text: { en: 'It replaces the need for read replicas', ko: '읽기 전용 복제본이 더는 필요 없어진다' },
        },
      ],
      answer: ['a', 'c'],
      explanation: {
        en: 'Multi-AZ is for availability, not for scale: the standby takes no traffic until a failover, when RDS points the same DNS endpoint at it. Read scaling is a different tool, the read replica, which is asynchronous and comes in the next stage.',
        ko: 'Multi-AZ는 확장이 아니라 가용성을 위한 기능입니다. 대기 인스턴스는 평소에 트래픽을 받지 않다가, 장애 조치 때 RDS가 같은 DNS 엔드포인트를 대기 인스턴스로 돌립니다. 읽기 확장은 비동기식 복제를 쓰는 읽기 전용 복제본의 몫이며, 다음 스테이지에서 다룹니다.',
      },
    },
    {
      id: 'web-sg-source',
      prompt: {
        en: 'With the ALB in front, where should the web security group accept HTTP from?',
        ko: 'ALB를 앞에 둔 뒤에는 웹 보안 그룹이 HTTP를 어디에서 받아야 할까요?',
      },
      choices: [
        { id: 'a', text: { en: '0.0.0.0/0, as before', ko: '지금처럼 0.0.0.0/0' } },
        { id: 'b', text: { en: 'The ALB’s security group only', ko: 'ALB의 보안 그룹에서만' } },
        { id: 'c', text: { en: 'The VPC CIDR 10.0.0.0/16', ko: 'VPC CIDR 10.0.0.0/16' } },
      ],
      answer: ['b'],
      explanation: {
        en: 'Referencing the ALB’s security group as the source means only the load balancer can reach the instances, whatever their IPs. A CIDR, even the VPC’s, admits anything inside that range.',
        ko: '소스로 ALB의 보안 그룹을 지정하면 인스턴스 IP가 무엇이든 로드 밸런서만 인스턴스에 닿을 수 있습니다. CIDR은 VPC 대역이라 해도 그 범위 안의 모든 것을 허용합니다.',
      },
    },
    {
      id: 'sync-vs-async',
      prompt: {
        en: 'Why does a Multi-AZ failover lose no committed data, while promoting a read replica can lose the last few writes?',
        ko: 'Multi-AZ 장애 조치에서는 커밋된 데이터를 잃지 않는데, 읽기 전용 복제본을 승격하면 마지막 몇 건의 쓰기를 잃을 수 있는 이유는 무엇일까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'The standby is replicated synchronously: a commit is acknowledged only once both AZs have it. A replica is asynchronous and may lag.',
            ko: '대기 인스턴스는 동기식으로 복제되어 두 AZ 모두에 기록된 뒤에야 커밋이 완료된다. 복제본은 비동기식이라 뒤처질 수 있다.',
          },
        },
        {
          id: 'b',
          text: {
            en: 'The standby takes a snapshot every minute; a replica takes one a day',
            ko: '대기 인스턴스는 1분마다 스냅샷을 찍고, 복제본은 하루에 한 번 찍는다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Read replicas do not store data on disk',
            ko: '읽기 전용 복제본은 데이터를 디스크에 저장하지 않는다',
          },
        },
        {
          id: 'd',
          text: {
            en: 'The standby is in the same AZ as the primary, so it is always up to date',
            ko: '대기 인스턴스는 기본 DB 인스턴스와 같은 AZ에 있어서 늘 최신 상태다',
          },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'Synchronous replication trades a little write latency for zero lag: the standby has every committed transaction, so RDS can fail over to it automatically. Asynchronous replication keeps the writer fast, but the replica is always slightly behind. Use sync for the copy you fail over to, async for the copies you read from. The standby is always in a different AZ.',
        ko: '동기식 복제는 쓰기 지연을 조금 늘리는 대신 지연(lag)이 없습니다. 대기 인스턴스가 커밋된 트랜잭션을 모두 갖고 있으므로 RDS가 자동으로 장애 조치할 수 있습니다. 비동기식 복제는 쓰는 쪽을 빠르게 유지하지만 복제본은 늘 조금 뒤처집니다. 장애 조치로 넘겨받을 사본은 동기식, 읽기를 나눌 사본은 비동기식으로 쓰세요. 대기 인스턴스는 항상 다른 AZ에 있습니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'complete',
});
