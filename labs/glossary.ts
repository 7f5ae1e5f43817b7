/**
 * The workshop's glossary: one Korean term per English one, taken from the AWS Korea console and documentation, and
 * the variants we decided against with the reason. Both languages follow it; `tests/labs/glossary.test.ts` rejects a
 * rejected variant in every Korean text the learner reads (ko.mdx, lab metadata, UI messages, checks, diagrams).
 * Content only: the matching lives in lib/labs/glossary.ts.
 */
import type { GlossaryClaim, GlossaryTerm } from '@/lib/labs/glossary';

export const glossary: GlossaryTerm[] = [
  {
    en: 'stage',
    ko: '스테이지',
    note: 'One of the seven labs (stage 00 … stage 06). In a sentence: "03 스테이지에서"; as a label: "스테이지 03".',
    rejected: [
      {
        variant: '단계',
        pattern: '단계',
        reason:
          '단계 reads as either a stage or a step, and the labs used it for both. 스테이지 names the seven stages, 실습 절차 a step inside one.',
      },
    ],
  },
  {
    en: 'step (of a lab)',
    ko: '실습 절차',
    note: 'A numbered part of a lab page (the <Step> blocks): "실습 절차 3", "다음 실습 절차에서".',
    rejected: [],
  },
  {
    en: 'snapshot',
    ko: '스냅샷',
    note: 'RDS console button: "스냅샷 생성"; the Korean AWS guides write 스냅샷.',
    rejected: [
      {
        variant: '스냅숏',
        pattern: '스냅숏',
        reason: 'The standard-dictionary spelling, but no AWS screen or guide uses it: the console says "스냅샷 생성".',
      },
    ],
  },
  {
    en: 'instance type',
    ko: '인스턴스 유형',
    note: 'EC2 console field "인스턴스 유형"; the action is "인스턴스 유형 변경".',
    rejected: [
      {
        variant: '(인스턴스) 타입',
        pattern: '(?<![가-힣A-Za-z])타입',
        reason: 'Transliteration; the Korean EC2 console and guides say 인스턴스 유형.',
      },
    ],
  },
  {
    en: 'internet-facing (load balancer scheme)',
    ko: '인터넷 경계',
    note: 'ELB console scheme option "인터넷 경계"; the other one is "내부".',
    rejected: [
      {
        variant: '인터넷 연결 (as the ALB scheme)',
        pattern: '인터넷 연결\\s*(\\(internet-facing\\)\\s*)?(\\*\\*)?(ALB|Application Load Balancer|로드 밸런서)',
        reason: '인터넷 연결 means an internet connection; the console calls the scheme 인터넷 경계.',
      },
      { variant: '인터넷 대면', pattern: '인터넷 대면', reason: 'Not an AWS term; the console says 인터넷 경계.' },
    ],
  },
  {
    en: 'primary (DB instance)',
    ko: '기본 DB 인스턴스',
    note: 'RDS guides: "기본 DB 인스턴스" and its "대기 인스턴스" (Multi-AZ) or "읽기 전용 복제본".',
    rejected: [
      {
        variant: '주 인스턴스 / 주 노드',
        pattern: '(?<![가-힣])주 (DB )?(인스턴스|노드)',
        reason:
          'The Korean RDS guides write 기본 DB 인스턴스 and the ElastiCache guides 기본 노드; 주 인스턴스 appears in neither.',
      },
      {
        variant: '마스터와 스탠바이',
        pattern: '마스터와 스탠바이',
        reason: 'RDS calls the pair 기본 DB 인스턴스 and 대기 인스턴스 (마스터 is only the master user).',
      },
    ],
  },
  {
    en: 'standby (Multi-AZ)',
    ko: '대기 인스턴스',
    note: 'The synchronous standby of a Multi-AZ DB instance.',
    rejected: [
      { variant: '스탠바이', pattern: '스탠바이', reason: 'Transliteration; the RDS guides say 대기 인스턴스.' },
    ],
  },
  {
    en: 'sticky sessions',
    ko: '고정 세션',
    note: 'ELB target group attribute "고정 세션" (stickiness).',
    rejected: [
      { variant: '스티키 세션', pattern: '스티키 세션', reason: 'Transliteration; the ELB console says 고정 세션.' },
      {
        variant: '세션 고정',
        pattern: '세션 고정',
        reason: '세션 고정 is session fixation, an attack; stickiness is 고정 세션.',
      },
    ],
  },
  {
    en: 'undifferentiated heavy lifting',
    ko: '차별화되지 않는 과중한 작업',
    note: 'The phrase AWS Korea uses for the work a managed service takes over.',
    rejected: [
      {
        variant: '차별화되지 않는 반복 작업 (and other renderings)',
        pattern: '차별화되지 않(는|은) (?!과중한 작업)',
        reason: 'AWS Korea renders the phrase as "차별화되지 않는 과중한 작업"; keep the one wording.',
      },
    ],
  },
  {
    en: 'outage',
    ko: '서비스 중단',
    note: 'What users see: the service does not answer. "장애" is the failure that causes it.',
    rejected: [
      {
        variant: '서비스 장애',
        pattern: '서비스 장애',
        reason: '장애 names the failure (of an instance, an AZ); the resulting downtime is 서비스 중단.',
      },
    ],
  },
  {
    en: 'failure',
    ko: '장애',
    note: 'Of a component: 인스턴스 장애, AZ 장애, 장애 조치 (failover).',
    rejected: [],
  },
  {
    en: 'Availability Zone',
    ko: '가용 영역',
    rejected: [
      { variant: '가용성 영역', pattern: '가용성 영역', reason: 'The console says 가용 영역.' },
      { variant: '가용 존', pattern: '가용 존', reason: 'Transliteration; the console says 가용 영역.' },
    ],
  },
  {
    en: 'read replica',
    ko: '읽기 전용 복제본',
    note: 'RDS console action "읽기 전용 복제본 생성".',
    rejected: [
      {
        variant: '리드 레플리카',
        pattern: '리드 레플리카',
        reason: 'Transliteration; the console says 읽기 전용 복제본.',
      },
    ],
  },
];

/** Statements of fact the labs once got wrong, refused in both languages. */
export const rejectedClaims: GlossaryClaim[] = [
  {
    claim: 'RDS has six engines',
    patterns: { en: '\\bsix (database )?engines\\b', ko: '여섯 가지 (DB |데이터베이스 )?엔진' },
    reason:
      'RDS runs Aurora (MySQL- and PostgreSQL-compatible), MySQL, MariaDB, PostgreSQL, Oracle, SQL Server and Db2 (RDS User Guide, "Amazon RDS DB engines" / "What is Amazon RDS?").',
  },
  {
    claim: 'AZs are a few kilometres apart',
    patterns: { en: '\\ba few kilomet(re|er)s\\b', ko: '몇 킬로미터' },
    reason:
      'AZs are physically separated by a meaningful distance, many kilometres, and all within 100 km (60 miles) of each other (AWS Global Infrastructure, "Regions and Availability Zones").',
  },
];
