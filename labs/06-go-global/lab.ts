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
    // Both regions run stage 05's stack (0.28 USD/h in us-east-1 and us-west-2, 0.35 in Seoul and Osaka); the primary
    // adds the Aurora writer and reader (2 × db.t4g.medium, 0.073 USD/h each in us-east-1). DynamoDB on demand,
    // replication, a hosted zone and a health check (0.50 USD a month each) ≈ 0 per hour.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.71, weeklyUsd: 119.28 },
      'ap-northeast-2': { hourlyUsd: 0.88, weeklyUsd: 147.84 },
    },
    note: {
      en: 'two Regions (the second: us-west-2, or ap-northeast-3 with Seoul), each running stage 05’s stack, plus an Aurora writer and reader (db.t4g.medium) in the primary; the optional Aurora global database adds about 0.03 to 0.57 USD an hour with Aurora Serverless v2 (three db.serverless instances at 0.5 to 2 ACUs), 0.63 with db.r6g.large',
      ko: '두 리전(두 번째 리전은 us-west-2, 서울이면 ap-northeast-3)에서 각각 05 스테이지의 스택이 돌고, 기본 리전에 Aurora 쓰기·읽기 인스턴스(db.t4g.medium)가 더해진 금액입니다. 선택 과제인 Aurora 글로벌 데이터베이스는 Aurora Serverless v2(0.5~2 ACU의 db.serverless 인스턴스 세 개)로 시간당 약 0.03~0.57 USD, db.r6g.large로는 0.63 USD가 추가됩니다',
    },
    caveat: {
      en: 'Aurora’s Seoul price was not found: the Seoul figure scales the us-east-1 one by stage 05’s Seoul/us-east-1 ratio (1.24), and Osaka is priced as Seoul',
      ko: '서울 리전의 Aurora 요금은 찾지 못해 us-east-1 금액에 05 스테이지의 서울/us-east-1 비율(1.24)을 곱해 추정했고, 오사카는 서울과 같은 요금으로 계산했습니다',
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
    'cloudformation.second-region',
    'dynamodb.global-table',
    'aurora.cluster-multi-az',
    'route53.failover-routing',
    's3.cross-region-replication',
    'aurora.global-database',
  ],
  quiz: [
    {
      id: 'easiest-multi-region',
      prompt: {
        en: 'Which service do the talks call the easiest to take multi-Region?',
        ko: '발표에서 멀티 리전을 가장 쉽게 적용할 수 있다고 한 서비스는 무엇일까요?',
      },
      choices: [
        { id: 'a', text: { en: 'Amazon RDS for MySQL read replicas', ko: 'Amazon RDS for MySQL 읽기 전용 복제본' } },
        { id: 'b', text: { en: 'DynamoDB global tables', ko: 'DynamoDB 글로벌 테이블' } },
        { id: 'c', text: { en: 'ElastiCache global datastore', ko: 'ElastiCache 글로벌 데이터스토어' } },
      ],
      answer: ['b'],
      explanation: {
        en: 'A global table keeps a full replica in each Region that the app reads and writes locally; DynamoDB replicates the changes, typically within a second. There is no primary to promote and nothing to size.',
        ko: '글로벌 테이블은 리전마다 앱이 로컬에서 읽고 쓰는 전체 복제본을 두고, DynamoDB가 보통 1초 안에 변경 사항을 복제합니다. 승격할 기본 DB도, 크기를 정할 인스턴스도 없습니다.',
      },
    },
    {
      id: 'federation-vs-sharding',
      prompt: {
        en: 'What is the difference between federation and sharding?',
        ko: '페더레이션과 샤딩의 차이는 무엇일까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'Federation splits databases by function (orders, users); sharding splits one data set by a key over several instances',
            ko: '페더레이션은 기능별로(주문, 사용자) 데이터베이스를 나누고, 샤딩은 하나의 데이터 세트를 키에 따라 여러 인스턴스로 나눈다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'Federation copies the same data to every Region; sharding copies it to every AZ',
            ko: '페더레이션은 같은 데이터를 모든 리전에 복사하고, 샤딩은 모든 AZ에 복사한다',
          },
        },
        {
          id: 'c',
          text: { en: 'They are two names for read replicas', ko: '둘 다 읽기 전용 복제본의 다른 이름이다' },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'Federation gives each function its own writer, and the app only has to know which database holds what. Sharding spreads one table’s writes, but the app must route every query by the shard key, which is why it comes last.',
        ko: '페더레이션은 기능마다 쓰기 인스턴스를 따로 두고, 앱은 어느 데이터베이스에 무엇이 있는지만 알면 됩니다. 샤딩은 한 테이블의 쓰기를 분산하지만 앱이 모든 쿼리를 샤드 키로 보내야 하므로 마지막에 꺼내는 방법입니다.',
      },
    },
    {
      id: 'failover-vs-latency',
      prompt: {
        en: 'Route 53 failover records versus latency records: which statement is right?',
        ko: 'Route 53 장애 조치 레코드와 지연 시간 레코드에 대해 옳은 설명은 무엇일까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'Failover is active-passive (the secondary answers only when the primary’s health check fails); latency is active-active (each user to the nearest healthy Region)',
            ko: '장애 조치는 액티브-패시브(기본 리전의 상태 확인이 실패할 때만 보조 리전이 응답)이고, 지연 시간은 액티브-액티브(사용자마다 가장 가까운 정상 리전)이다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'Failover needs no health check; Route 53 notices a Region outage by itself',
            ko: '장애 조치에는 상태 확인이 필요 없고, Route 53이 리전 장애를 스스로 알아챈다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Latency records send every user to the primary Region while it is up',
            ko: '지연 시간 레코드는 기본 리전이 살아 있는 동안 모든 사용자를 그곳으로 보낸다',
          },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'A failover pair answers with the primary while its health check passes; latency records answer with the lowest-latency Region among the healthy ones. Both need health checks to route around a failed Region.',
        ko: '장애 조치 쌍은 상태 확인이 통과하는 동안 기본 리전으로 응답하고, 지연 시간 레코드는 정상인 리전 중 지연 시간이 가장 짧은 곳으로 응답합니다. 둘 다 장애가 난 리전을 피하려면 상태 확인이 필요합니다.',
      },
    },
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
      id: 'ten-commandments',
      prompt: {
        en: 'Which of these are among the talks’ ten commandments for ten million users? (Choose all that apply.)',
        ko: '발표의 "천만 사용자를 위한 십계명"에 들어 있는 것을 모두 고르세요.',
      },
      choices: [
        { id: 'a', text: { en: 'Multi-AZ for availability', ko: 'Multi-AZ 아키텍처로 가용성 확보' } },
        { id: 'b', text: { en: 'Caches inside and outside', ko: '내외부의 캐시를 적극 활용' } },
        {
          id: 'c',
          text: {
            en: 'Build your own queue and database for control',
            ko: '통제를 위해 대기열과 데이터베이스를 직접 만든다',
          },
        },
        { id: 'd', text: { en: 'Automate operations (DevOps)', ko: 'DevOps를 통해 운영을 자동화' } },
        { id: 'e', text: { en: 'Move to microservices', ko: '마이크로 서비스로 전환' } },
      ],
      answer: ['a', 'b', 'd', 'e'],
      explanation: {
        en: 'The commandments say the opposite of building it yourself: use the managed services (직접 만들지 말고 AWS 서비스 활용). Multi-AZ, load balancing, caches, Auto Scaling, automation, monitoring in one place, tuning and microservices are all on the list.',
        ko: '십계명은 직접 만드는 것과 반대로 말합니다. "직접 만들지 말고 AWS 서비스 활용". Multi-AZ, 부하 분산, 캐시, 오토스케일링, 자동화, 한 곳에서 모니터링, 성능 튜닝, 마이크로 서비스가 모두 목록에 있습니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'complete',
});
