import type { LabQueue } from '@/lib/inventory/queues';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

const evidenceOf = (q: LabQueue, dlqExists: boolean | null): Evidence => ({
  id: q.name,
  type: 'AWS::SQS::Queue',
  values: {
    arn: q.arn ?? null,
    deadLetterTargetArn: q.redrive?.deadLetterTargetArn ?? null,
    maxReceiveCount: q.redrive?.maxReceiveCount ?? null,
    deadLetterQueueExists: dlqExists,
  },
});

export default defineCheck({
  id: 'sqs.queue-with-dlq',
  stage: '05-decouple',
  severity: 'required',
  reads: ['labQueues', 'stack'],
  title: {
    en: 'A lab SQS queue has a redrive policy to a dead-letter queue that exists',
    ko: '실습 SQS 대기열에 실제로 있는 배달 못한 편지 대기열(DLQ)로 가는 리드라이브 정책이 있다',
  },
  why: {
    en: 'Queue the work and take it out when you need it: the web tier no longer waits for the worker, and while the workers are upgraded the messages simply wait (no downtime). A message that keeps failing goes to the dead-letter queue after a few receives instead of blocking the others forever.',
    ko: 'SQS에 큐잉해 놓고 필요할 때 꺼내 쓰면 웹 계층이 워커를 기다리지 않고, 워커를 업그레이드하는 동안 메시지는 그냥 기다립니다(다운타임이 없습니다). 계속 실패하는 메시지는 몇 번 받은 뒤 다른 메시지를 영원히 막는 대신 DLQ로 옮겨집니다.',
  },
  hint: {
    en: 'Add two AWS::SQS::Queue resources, the work queue with RedrivePolicy { deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn, maxReceiveCount: 5 }.',
    ko: 'AWS::SQS::Queue를 두 개 추가하고, 작업 대기열에 RedrivePolicy { deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn, maxReceiveCount: 5 }를 두세요.',
  },
  step: 'queue',
  remediation: {
    template:
      'DeadLetterQueue:\n  Type: AWS::SQS::Queue\nWorkQueue:\n  Type: AWS::SQS::Queue\n  Properties:\n    RedrivePolicy:\n      deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn\n      maxReceiveCount: 5',
    console: {
      en: 'SQS → Create queue → <stack>-dlq; then Create queue → <stack>-work → Dead-letter queue: Enabled, choose <stack>-dlq, Maximum receives 5.',
      ko: 'SQS → 대기열 생성 → <stack>-dlq, 이어서 대기열 생성 → <stack>-work → 배달 못한 편지 대기열: 활성화, <stack>-dlq 선택, 최대 수신 수 5.',
    },
    cli: 'aws sqs create-queue --queue-name <stack>-dlq && aws sqs create-queue --queue-name <stack>-work --attributes \'{"RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"<dlq-arn>\\",\\"maxReceiveCount\\":\\"5\\"}"}\'',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const queues = await inv.decoupled.labQueues();
    if (!queues.length)
      return fail({
        en: 'No lab SQS queue yet (none named after the stack, tagged scalelab:lab, or named by the QueueUrl output).',
        ko: '아직 실습 SQS 대기열이 없습니다(스택 이름으로 시작하거나, scalelab:lab 태그가 있거나, QueueUrl 출력이 가리키는 대기열이 없습니다).',
      });
    const judged = await Promise.all(
      queues.map(async (q) => ({
        q,
        exists: q.redrive ? await inv.decoupled.queueExists(q.redrive.deadLetterTargetArn) : null,
      })),
    );
    const evidence = judged.map(({ q, exists }) => evidenceOf(q, exists));
    const good = judged.find((j) => j.q.redrive && j.exists);
    if (good?.q.redrive) {
      const dlq = good.q.redrive.deadLetterTargetArn.split(':').pop();
      return pass(
        {
          en: `SQS queue ${good.q.name} sends a message to dead-letter queue ${dlq} after ${good.q.redrive.maxReceiveCount} receives.`,
          ko: `SQS 대기열 ${good.q.name}는 메시지를 ${good.q.redrive.maxReceiveCount}번 받은 뒤 DLQ ${dlq}로 보냅니다.`,
        },
        evidence,
      );
    }
    const dangling = judged.find((j) => j.q.redrive && !j.exists);
    if (dangling?.q.redrive)
      return fail(
        {
          en: `SQS queue ${dangling.q.name}: its dead-letter queue ${dangling.q.redrive.deadLetterTargetArn} does not exist.`,
          ko: `SQS 대기열 ${dangling.q.name}: DLQ ${dangling.q.redrive.deadLetterTargetArn}가 없습니다.`,
        },
        evidence,
      );
    const names = queues.map((q) => q.name).join(', ');
    return fail(
      {
        en: `No redrive policy on SQS queue ${names}: failing messages have no dead-letter queue.`,
        ko: `SQS 대기열 ${names}에 리드라이브 정책이 없습니다. 실패하는 메시지를 받을 DLQ가 없습니다.`,
      },
      evidence,
    );
  },
});
