import { defineCheck, fail, noLabYet, pass, skipped } from '../define';

/** How many GETs to send: enough that round robin over two AZs shows both with near certainty. */
const PROBES = 8;
/** An Availability Zone name as the demo page prints it: us-east-1a, ap-northeast-2c, us-gov-west-1b. */
const AZ = /\b([a-z]{2}(?:-gov)?-[a-z]+-\d[a-z])\b/;

export default defineCheck({
  id: 'http.balanced-across-azs',
  stage: '02-high-availability',
  severity: 'recommended',
  reads: ['loadBalancers'],
  title: {
    en: 'Requests to the ALB are answered from two Availability Zones',
    ko: 'ALB로 보낸 요청에 두 가용 영역의 인스턴스가 응답한다',
  },
  why: {
    en: 'Seeing is believing: refresh the ALB address and the demo page shows a different instance and AZ. That is the load balancer spreading traffic, and the proof that one AZ can fail without an outage.',
    ko: '직접 보는 것이 가장 확실합니다. ALB 주소를 새로 고칠 때마다 데모 페이지에 다른 인스턴스와 AZ가 보입니다. 로드 밸런서가 트래픽을 나누고 있다는 뜻이며, 한 AZ가 멈춰도 서비스가 끊기지 않는다는 증거입니다.',
  },
  hint: {
    en: 'Open the AlbDnsName output and refresh a few times. If only one AZ answers, check that both targets are healthy in the target group.',
    ko: 'AlbDnsName 출력을 열고 몇 번 새로 고쳐 보세요. 한 AZ만 응답한다면 대상 그룹에서 두 대상이 모두 healthy인지 확인하세요.',
  },
  step: 'balance-test',
  remediation: {
    console: {
      en: 'Open http://<AlbDnsName>/ in a browser and refresh: the instance id and AZ should alternate.',
      ko: '브라우저에서 http://<AlbDnsName>/을 열고 새로 고치세요. 인스턴스 ID와 AZ가 번갈아 바뀌어야 합니다.',
    },
    cli: 'for i in 1 2 3 4 5 6; do curl -s http://<AlbDnsName>/api; done',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [alb, fromOutput] = await Promise.all([inv.labAlb(), inv.stackOutput('AlbDnsName')]);
    const host = fromOutput ?? alb?.DNSName;
    if (!host)
      return fail({
        en: 'No ALB DNS name to send requests to (no AlbDnsName output, no internet-facing ALB).',
        ko: '요청을 보낼 ALB DNS 이름이 없습니다 (AlbDnsName 출력도, 인터넷 경계 ALB도 없음).',
      });
    const url = `http://${host}/`;
    const probes = await Promise.all(Array.from({ length: PROBES }, (_, i) => inv.http(`${url}?probe=${i + 1}`)));
    const answered = probes.flatMap((p) => (p.reachable ? [p] : []));
    const firstFailure = probes.find((p) => !p.reachable);
    // What the sandbox's data plane names: the hop that dropped a request, or the unhealthy target the ALB routed around.
    const hops = [...new Set(probes.flatMap((p) => (p.hop ? [p.hop.en] : [])))];
    const hopsKo = [...new Set(probes.flatMap((p) => (p.hop ? [p.hop.ko] : [])))];
    if (answered.length === 0 && hops.length) {
      return fail(
        {
          en: `No GET to ${url} was answered: ${hops.join(' ')}`,
          ko: `${url}로 보낸 GET에 응답이 없습니다. ${hopsKo.join(' ')}`,
        },
        [{ id: url, type: 'URL', values: { reachable: false, droppedBy: hops.join(' ') } }],
      );
    }
    if (answered.length === 0) {
      const reason = firstFailure && !firstFailure.reachable ? firstFailure.reason : 'no answer';
      return skipped({ en: `Could not reach ${url}: ${reason}.`, ko: `${url}에 연결할 수 없습니다: ${reason}.` }, [
        { id: url, type: 'URL', values: { reachable: false } },
      ]);
    }
    const azs = [
      ...new Set(answered.flatMap((p) => (p.status === 200 ? (p.body.match(AZ)?.slice(1, 2) ?? []) : []))),
    ].sort();
    const statuses = answered.map((p) => p.status).join(', ');
    const evidence = [
      {
        id: url,
        type: 'URL',
        values: {
          requests: PROBES,
          answered: answered.length,
          statuses,
          availabilityZones: azs.join(', ') || null,
          ...(hops.length ? { hops: hops.join(' ') } : {}),
        },
      },
    ];
    return azs.length >= 2
      ? pass(
          {
            en: `${answered.length} GETs to ${url} were answered from ${azs.length} AZs (${azs.join(', ')}).`,
            ko: `${url}로 보낸 GET ${answered.length}번에 ${azs.length}개 AZ(${azs.join(', ')})가 응답했습니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `${answered.length} GETs to ${url} were answered from ${azs.length === 1 ? `one AZ only (${azs[0]})` : 'no identifiable AZ'} (statuses ${statuses}).${hops.length ? ` ${hops.join(' ')}` : ''}`,
            ko: `${url}로 보낸 GET ${answered.length}번에 ${azs.length === 1 ? `한 AZ(${azs[0]})만` : 'AZ를 알 수 없는 응답만'} 돌아왔습니다 (상태 코드 ${statuses}).${hopsKo.length ? ` ${hopsKo.join(' ')}` : ''}`,
          },
          evidence,
        );
  },
});
