import { defineLab } from '@/lib/labs/types';

export default defineLab({
  id: '00-one-user',
  order: 0,
  milestone: { users: 1, label: { en: '1 user', ko: '사용자 1명' } },
  title: { en: 'Day one: everything on one box', ko: '첫날: 서버 한 대에 모든 것을' },
  summary: {
    en: 'Launch the smallest thing that works: one EC2 instance in a public subnet of your own VPC, reachable at a fixed Elastic IP, running the web app and its data on the same box. Then grow it the only way one box can grow, by changing the instance type (scale up), and see what that costs you: a stop, a start, and a server that is still a single point of failure.',
    ko: '동작하는 가장 작은 구성부터 시작합니다. 내 VPC의 퍼블릭 서브넷에 EC2 인스턴스 한 대를 띄우고, 고정된 Elastic IP로 접속하며, 웹 앱과 데이터를 모두 이 서버 한 대에 둡니다. 그다음 서버 한 대가 커질 수 있는 유일한 방법인 인스턴스 유형 변경(스케일 업)을 직접 해 보고, 그 대가가 무엇인지 확인합니다. 인스턴스는 멈췄다 다시 켜지고, 서버는 여전히 단일 장애 지점으로 남습니다.',
  },
  minutes: 50,
  waits: {
    en: 'includes about 3 minutes for the stack to create, two stop/start cycles of the resize (1–2 minutes each) and 2 minutes to delete',
    ko: '스택 생성 약 3분, 사양 변경 때의 중지·시작 두 번(각 1~2분), 삭제 약 2분이 포함된 시간입니다',
  },
  cost: {
    // t3.micro + one public IPv4 address (the Elastic IP) + 8 GiB gp3 root volume. Unit prices: labs/PRICES.md.
    pricesAsOf: '2026-12-01',
    byRegion: {
      'us-east-1': { hourlyUsd: 0.016, weeklyUsd: 2.69 },
      'ap-northeast-2': { hourlyUsd: 0.019, weeklyUsd: 3.19 },
    },
    note: {
      en: 'one t3.micro, one Elastic IP and its 8 GiB root volume; a new account’s Free Tier may cover the t3.micro hours',
      ko: 't3.micro 한 대, Elastic IP 한 개, 8 GiB 루트 볼륨 기준이며, 새 계정이라면 t3.micro 사용 시간은 프리 티어에 포함될 수 있습니다',
    },
  },
  services: ['Amazon EC2', 'Amazon VPC', 'Elastic IP', 'AWS CloudFormation', 'AWS Systems Manager Parameter Store'],
  checks: [
    'ec2.web-instance-running',
    'http.app-responds',
    'ec2.elastic-ip',
    'sg.no-open-admin-ports',
    'ec2.imdsv2-required',
    'ec2.scaled-up',
  ],
  quiz: [
    {
      id: 'first-to-break',
      prompt: {
        en: 'Your whole service runs on one EC2 instance: web server, application and database. What happens when that instance fails?',
        ko: '웹 서버, 애플리케이션, 데이터베이스가 모두 EC2 인스턴스 한 대에서 돌고 있습니다. 이 인스턴스에 장애가 나면 어떻게 될까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'Only the database stops; the web pages keep working',
            ko: '데이터베이스만 멈추고 웹 페이지는 계속 동작한다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'The whole service is down until the box comes back',
            ko: '서버가 복구될 때까지 서비스 전체가 멈춘다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'AWS moves the traffic to a standby instance automatically',
            ko: 'AWS가 트래픽을 대기 인스턴스로 자동으로 넘긴다',
          },
        },
        {
          id: 'd',
          text: { en: 'The Elastic IP keeps serving a cached copy', ko: 'Elastic IP가 캐시된 사본을 계속 제공한다' },
        },
      ],
      answer: ['b'],
      explanation: {
        en: 'One box is a single point of failure: there is no second instance, no standby and no load balancer to send traffic elsewhere. An Elastic IP is only an address; it serves nothing by itself.',
        ko: '서버 한 대는 그 자체로 단일 장애 지점입니다. 트래픽을 넘겨받을 두 번째 인스턴스도, 대기 서버도, 로드 밸런서도 없습니다. Elastic IP는 주소일 뿐 스스로 무언가를 응답하지 않습니다.',
      },
    },
    {
      id: 'scale-up-ceiling',
      prompt: {
        en: 'Why can vertical scaling (a bigger instance type) not carry a service to millions of users on its own?',
        ko: '수직 확장(더 큰 인스턴스 유형으로 변경)만으로는 왜 수백만 사용자까지 갈 수 없을까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'There is a largest instance type, and every resize still leaves one machine that can fail',
            ko: '가장 큰 인스턴스 유형이라는 상한이 있고, 아무리 키워도 장애가 날 수 있는 서버 한 대라는 점은 그대로다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'AWS does not allow changing the instance type after launch',
            ko: 'AWS는 인스턴스를 만든 뒤에는 유형 변경을 허용하지 않는다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Bigger instances cost less per hour, so the bill becomes unpredictable',
            ko: '큰 인스턴스일수록 시간당 요금이 싸서 비용을 예측하기 어렵다',
          },
        },
        {
          id: 'd',
          text: {
            en: 'Larger instance types only exist in other regions',
            ko: '큰 인스턴스 유형은 다른 리전에만 있다',
          },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'Scaling up is easy and is the right first move, but it hits a ceiling (the largest size you can buy) and it never adds redundancy. Scaling out, more instances behind a load balancer, has no such ceiling: that is where the next stages go.',
        ko: '스케일 업은 쉽고 처음에 택하기 좋은 방법이지만, 살 수 있는 가장 큰 사양이라는 천장에 부딪히고 이중화는 전혀 더해 주지 않습니다. 로드 밸런서 뒤에 인스턴스를 늘리는 수평 확장(스케일 아웃)에는 그런 천장이 없고, 다음 스테이지들이 그 방향으로 갑니다.',
      },
    },
    {
      id: 'resize-interruption',
      prompt: {
        en: 'You change InstanceType from t3.micro to t3.small in the stack and update it. What happens to the running instance?',
        ko: '스택에서 InstanceType을 t3.micro에서 t3.small로 바꾸고 업데이트했습니다. 실행 중인 인스턴스는 어떻게 될까요?',
      },
      choices: [
        {
          id: 'a',
          text: { en: 'It is resized live, with no interruption', ko: '중단 없이 실행 중에 사양이 바뀐다' },
        },
        {
          id: 'b',
          text: {
            en: 'It is stopped, resized and started again: a short outage',
            ko: '인스턴스를 멈추고 사양을 바꾼 뒤 다시 시작한다. 잠깐 서비스가 끊긴다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'It is terminated and its data is lost',
            ko: '인스턴스가 종료되고 데이터가 사라진다',
          },
        },
      ],
      answer: ['b'],
      explanation: {
        en: 'For an EBS-backed instance, CloudFormation changes the type with "some interruption": it stops the instance, modifies it and starts it again. The instance id and the EBS volume stay; with a single box, the stop is an outage.',
        ko: 'EBS 기반 인스턴스라면 CloudFormation은 인스턴스 유형을 "일부 중단(Some interruptions)" 방식으로 바꿉니다. 인스턴스를 멈추고 변경한 다음 다시 시작합니다. 인스턴스 ID와 EBS 볼륨은 그대로지만, 서버가 한 대뿐이라 멈춰 있는 동안은 서비스 중단입니다.',
      },
    },
    {
      id: 'why-elastic-ip',
      prompt: {
        en: 'Why does the one-box architecture put an Elastic IP in front of the instance?',
        ko: '서버 한 대 구성에서 인스턴스에 Elastic IP를 붙이는 이유는 무엇일까요?',
      },
      choices: [
        {
          id: 'a',
          text: {
            en: 'The instance’s automatic public IP can change when it stops and starts; an Elastic IP stays the same',
            ko: '자동으로 받은 퍼블릭 IP는 인스턴스를 멈췄다 켜면 바뀔 수 있지만 Elastic IP는 그대로 유지된다',
          },
        },
        {
          id: 'b',
          text: {
            en: 'An Elastic IP balances traffic across instances',
            ko: 'Elastic IP가 여러 인스턴스로 트래픽을 분산한다',
          },
        },
        {
          id: 'c',
          text: {
            en: 'Instances cannot reach the internet without one',
            ko: 'Elastic IP 없이는 인스턴스가 인터넷에 나갈 수 없다',
          },
        },
      ],
      answer: ['a'],
      explanation: {
        en: 'A fixed address lets a DNS record (for example in Route 53) point at the server and keep working across a stop/start, such as the one a resize causes. It does not balance load, and a public subnet instance with an ordinary public IP can already reach the internet.',
        ko: '주소가 고정되어 있어야 Route 53 같은 DNS 레코드가 서버를 가리킬 수 있고, 사양 변경처럼 인스턴스를 멈췄다 켜는 일이 있어도 계속 동작합니다. Elastic IP는 부하를 분산하지 않으며, 퍼블릭 서브넷의 인스턴스는 일반 퍼블릭 IP만으로도 인터넷에 나갈 수 있습니다.',
      },
    },
  ],
  templates: { start: null, solution: 'solution.yaml' },
  status: 'complete',
});
