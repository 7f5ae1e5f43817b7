import { deliversTo, topicName } from '@/lib/inventory/topics';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'sns.fanout-to-sqs',
  stage: '05-decouple',
  severity: 'recommended',
  reads: ['labTopics', 'labQueues'],
  title: {
    en: 'A lab SNS topic has the lab queue subscribed',
    ko: '실습 SNS 토픽에 실습 대기열이 구독되어 있다',
  },
  why: {
    en: 'Don’t reinvent the wheel: a topic fans one event out to every queue that wants it. The web tier publishes once; the worker queue (and tomorrow’s mailer or analytics queue) each get their own copy, and adding a consumer needs no change to the publisher.',
    ko: '다시 만들지 마세요. 토픽은 이벤트 하나를 원하는 모든 대기열에 팬아웃합니다. 웹 계층은 한 번만 게시하고, 워커 대기열(과 나중의 메일 발송이나 분석 대기열)은 저마다 사본을 받으며, 소비자를 더해도 게시하는 쪽은 바꿀 필요가 없습니다.',
  },
  hint: {
    en: 'Add an AWS::SNS::Topic and an AWS::SNS::Subscription (Protocol sqs, Endpoint = the work queue’s ARN), plus an AWS::SQS::QueuePolicy letting the topic send messages to the queue.',
    ko: 'AWS::SNS::Topic과 AWS::SNS::Subscription(Protocol sqs, Endpoint = 작업 대기열 ARN)을 추가하고, 토픽이 대기열에 메시지를 보낼 수 있게 하는 AWS::SQS::QueuePolicy도 두세요.',
  },
  step: 'fanout',
  remediation: {
    template:
      'EventsTopic:\n  Type: AWS::SNS::Topic\nWorkQueueSubscription:\n  Type: AWS::SNS::Subscription\n  Properties:\n    TopicArn: !Ref EventsTopic\n    Protocol: sqs\n    Endpoint: !GetAtt WorkQueue.Arn',
    console: {
      en: 'SNS → Topics → Create topic (Standard) → <stack>-events → Create subscription → Protocol Amazon SQS → the work queue.',
      ko: 'SNS → 주제 → 주제 생성(표준) → <stack>-events → 구독 생성 → 프로토콜 Amazon SQS → 작업 대기열.',
    },
    cli: 'aws sns subscribe --topic-arn <topic-arn> --protocol sqs --notification-endpoint <queue-arn>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [topics, queues] = await Promise.all([inv.decoupled.labTopics(), inv.decoupled.labQueues()]);
    if (!topics.length)
      return fail({
        en: 'No lab SNS topic yet (none named after the stack, tagged scalelab:lab, or named by the TopicArn output).',
        ko: '아직 실습 SNS 토픽이 없습니다(스택 이름으로 시작하거나, scalelab:lab 태그가 있거나, TopicArn 출력이 가리키는 토픽이 없습니다).',
      });
    const arns = queues.flatMap((q) => q.arn ?? []);
    const evidence: Evidence[] = topics.map((t) => ({
      id: topicName(t.arn),
      type: 'AWS::SNS::Topic',
      values: {
        arn: t.arn,
        subscriptions: t.subscriptions.map((s) => `${s.Protocol}:${s.Endpoint}`).join(', ') || null,
      },
    }));
    for (const t of topics) {
      const sub = t.subscriptions.find((s) => arns.some((a) => deliversTo(s, a)));
      if (sub)
        return pass(
          {
            en: `SNS topic ${topicName(t.arn)} fans out to SQS queue ${sub.Endpoint?.split(':').pop()}.`,
            ko: `SNS 토픽 ${topicName(t.arn)}가 SQS 대기열 ${sub.Endpoint?.split(':').pop()}로 팬아웃합니다.`,
          },
          evidence,
        );
    }
    const names = topics.map((t) => topicName(t.arn)).join(', ');
    return fail(
      {
        en: `SNS topic ${names} has no lab SQS queue subscribed${queues.length ? ` (${queues.map((q) => q.name).join(', ')})` : ''}.`,
        ko: `SNS 토픽 ${names}에 구독된 실습 SQS 대기열이 없습니다${queues.length ? `(${queues.map((q) => q.name).join(', ')})` : ''}.`,
      },
      evidence,
    );
  },
});
