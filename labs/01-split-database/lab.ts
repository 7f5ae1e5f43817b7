import { defineLab } from '@/lib/labs/types';

export default defineLab({
  id: '01-split-database',
  order: 1,
  milestone: { users: 100, label: { en: '10+ / 100+ users', ko: '사용자 10명 이상 / 100명 이상' } },
  title: { en: 'Split the database', ko: '데이터베이스 분리하기' },
  summary: {
    en: 'Give each job its own machine: the web server stays in the public subnet and the data moves to Amazon RDS for MySQL in private subnets, where AWS does the patching and the backups. The first link of the security chain appears: the database accepts MySQL traffic only from the web server’s security group.',
    ko: '역할마다 서버를 나눕니다. 웹 서버는 퍼블릭 서브넷에 그대로 두고, 데이터는 프라이빗 서브넷의 Amazon RDS for MySQL로 옮겨 패치와 백업을 AWS에 맡깁니다. 여기서 보안 체인의 첫 고리가 생깁니다. 데이터베이스는 웹 서버의 보안 그룹에서 오는 MySQL 트래픽만 받습니다.',
  },
  minutes: 75,
  waits: {
    en: 'includes about 10 minutes for RDS to create the database, 10–15 minutes if you encrypt an existing one through a snapshot, and 5–10 minutes to delete it',
    ko: 'RDS가 데이터베이스를 만드는 약 10분, 기존 데이터베이스를 스냅샷으로 암호화할 때의 10~15분, 삭제하는 5~10분이 포함된 시간입니다',
  },
  cost: {
    // Stage 00 + db.t3.micro Single-AZ + 20 GiB gp3 RDS storage + one Secrets Manager secret. labs/PRICES.md.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.037, weeklyUsd: 6.22 },
      'ap-northeast-2': { hourlyUsd: 0.049, weeklyUsd: 8.23 },
    },
    note: {
      en: 'stage 00 plus one single-AZ db.t3.micro MySQL instance with 20 GiB of storage and its secret',
      ko: '00 스테이지 구성에 단일 AZ db.t3.micro MySQL 인스턴스(스토리지 20 GiB)와 비밀 하나를 더한 기준입니다',
    },
  },
  services: ['Amazon EC2', 'Amazon VPC', 'Amazon RDS for MySQL', 'AWS Key Management Service', 'AWS CloudFormation'],
  checks: [
    'rds.instance-in-lab-vpc',
    'rds.not-public',
    'rds.private-subnets',
    'sg.db-from-web-only',
    'rds.encrypted',
    'rds.backups-enabled',
  ],
  quiz: [
    {
      id: 'rds-vs-ec2',
      prompt: {
        en: 'You move MySQL from your own EC2 instance to Amazon RDS. Which jobs does AWS now do for you? (Choose all that apply.)',
        ko: 'EC2에 직접 설치해 쓰던 MySQL을 Amazon RDS로 옮겼습니다. 이제 AWS가 대신 해 주는 일은 무엇일까요? (모두 고르세요)',
      },
      choices: [
        { id: 'a', text: { en: 'Patching the database engine', ko: '데이터베이스 엔진 패치' } },
        { id: 'b', text: { en: 'Automated backups and snapshots', ko: '자동 백업과 스냅샷' } },
        { id: 'c', text: { en: 'Designing your schema and indexes', ko: '스키마와 인덱스 설계' } },
        { id: 'd', text: { en: 'Replacing a failed host', ko: '장애가 난 호스트 교체' } },
      ],
      answer: ['a', 'b', 'd'],
      explanation: {
        en: 'RDS is a managed service: installation, engine patching, automated backups, snapshots and host replacement are AWS’s job. Your data model, queries and indexes stay yours. Run the database on EC2 only when you need OS access or an engine feature RDS does not offer.',
        ko: 'RDS는 관리형 서비스라서 설치, 엔진 패치, 자동 백업, 스냅샷, 호스트 교체를 AWS가 맡습니다. 데이터 모델, 쿼리, 인덱스는 여전히 여러분의 몫입니다. EC2에 직접 DB를 올리는 것은 운영 체제에 접근해야 하거나 RDS가 지원하지 않는 기능이 꼭 필요할 때로 한정하세요.',
      },
    },
    {
      id: 'key-value-db',
      prompt: {
        en: 'Which of these is a key-value (NoSQL) database?',
        ko: '다음 중 키-값(NoSQL) 데이터베이스는 무엇일까요?',
      },
      choices: [
        { id: 'a', text: { en: 'Amazon Aurora', ko: 'Amazon Aurora' } },
        { id: 'b', text: { en: 'Amazon DynamoDB', ko: 'Amazon DynamoDB' } },
        { id: 'c', text: { en: 'Amazon RDS', ko: 'Amazon RDS' } },
        { id: 'd', text: { en: 'Amazon NoSQL-DB', ko: 'Amazon NoSQL-DB' } },
      ],
      answer: ['b'],
      explanation: {
        en: 'DynamoDB is AWS’s key-value and document database. Aurora and RDS are relational (SQL) services, and there is no product called "Amazon NoSQL-DB". The talks’ advice: start with SQL, and move the parts that need it to NoSQL later.',
        ko: 'DynamoDB가 AWS의 키-값·문서형 데이터베이스입니다. Aurora와 RDS는 관계형(SQL) 서비스이고, "Amazon NoSQL-DB"라는 제품은 없습니다. 발표에서 권하는 순서도 같습니다. SQL로 시작하고, 필요해진 부분만 나중에 NoSQL로 옮기세요.',
      },
    },
    {
      id: 'subnet-group-two-azs',
      prompt: {
        en: 'Your single-AZ RDS instance runs in one subnet. Why does its DB subnet group still need subnets in two Availability Zones?',
        ko: '단일 AZ RDS 인스턴스는 서브넷 하나에서만 동작합니다. 그런데도 DB 서브넷 그룹에 두 가용 영역의 서브넷이 필요한 이유는 무엇일까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'RDS requires it, so that the instance can later move or get a Multi-AZ standby in another AZ',
            ko: 'RDS가 요구하기 때문이다. 나중에 인스턴스를 다른 AZ로 옮기거나 Multi-AZ 대기 인스턴스를 둘 수 있어야 한다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'Single-AZ instances split their storage across two AZs',
            ko: '단일 AZ 인스턴스도 스토리지를 두 AZ에 나눠 저장한다',
          },
        },
        {
          id: 'c',
          text: { en: 'It doubles the read throughput', ko: '읽기 처리량이 두 배가 된다' },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'A DB subnet group must cover at least two AZs. That is what makes the next stage’s change, turning on Multi-AZ, a single property instead of a migration.',
        ko: 'DB 서브넷 그룹은 최소 두 개의 AZ를 포함해야 합니다. 그 덕분에 다음 스테이지에서 Multi-AZ를 켜는 일이 마이그레이션이 아니라 속성 하나를 바꾸는 일이 됩니다.',
      },
    },
    {
      id: 'encrypt-later',
      prompt: {
        en: 'An RDS database was created without storage encryption and already holds data. How do you end up with an encrypted database?',
        ko: '저장 데이터 암호화 없이 만든 RDS 데이터베이스에 이미 데이터가 들어 있습니다. 어떻게 해야 암호화된 데이터베이스를 얻을 수 있을까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'Modify the instance and tick "Enable encryption"; RDS encrypts it in place',
            ko: '인스턴스를 수정해 "암호화 활성화"를 선택하면 RDS가 그 자리에서 암호화한다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'Snapshot it, copy the snapshot with encryption enabled, and restore the copy as a new instance',
            ko: '스냅샷을 찍고, 암호화를 켜서 스냅샷을 복사한 뒤, 그 사본을 새 인스턴스로 복원한다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Turn on Multi-AZ: the standby is always encrypted',
            ko: 'Multi-AZ를 켠다. 대기 인스턴스는 항상 암호화된다',
          },
        },
        {
          id: 'd',
          text: {
            en: 'Nothing: RDS storage is always encrypted anyway',
            ko: '할 일이 없다. RDS 스토리지는 원래 항상 암호화된다',
          },
        },
      ],
      answer: ['b'],
      explanation: {
        en: 'Storage encryption can only be chosen when a DB instance is created, and a Multi-AZ standby or a read replica inherits the source’s setting. The way out is a snapshot, an encrypted copy of it and a restore, then pointing the app at the new endpoint. That is why the lab turns StorageEncrypted on before any data goes in.',
        ko: '스토리지 암호화는 DB 인스턴스를 만들 때만 선택할 수 있고, Multi-AZ 대기 인스턴스나 읽기 전용 복제본은 원본의 설정을 그대로 따릅니다. 방법은 스냅샷을 찍고, 암호화된 사본을 만들어 복원한 다음, 앱이 새 엔드포인트를 보게 하는 것입니다. 그래서 이번 실습은 데이터를 넣기 전에 StorageEncrypted를 켭니다.',
      },
    },
  ],
  templates: { start: 'start.yaml', solution: 'solution.yaml' },
  status: 'complete',
});
