import { defineCheck, fail, noLabYet, pass, skipped } from '../define';

export default defineCheck({
  id: 'http.app-responds',
  stage: '00-one-user',
  severity: 'recommended',
  reads: ['instances', 'addresses'],
  title: { en: 'The demo app answers on its public address', ko: '데모 앱이 퍼블릭 주소에서 응답한다' },
  why: {
    en: 'Deployed is not the same as working: the app must answer HTTP from the internet.',
    ko: '배포되었다고 동작하는 것은 아닙니다. 앱이 인터넷에서 오는 HTTP 요청에 응답해야 합니다.',
  },
  hint: {
    en: 'Check that the security group admits port 80 and that the instance finished its user data (it takes a minute or two).',
    ko: '보안 그룹이 80번 포트를 허용하는지, 인스턴스가 사용자 데이터 실행을 마쳤는지(1~2분 걸립니다) 확인하세요.',
  },
  step: 'open-app',
  remediation: {
    console: {
      en: 'Open the AppUrl output of the stack in a browser.',
      ko: '스택 출력의 AppUrl을 브라우저에서 여세요.',
    },
    cli: 'curl -i "$(aws cloudformation describe-stacks --stack-name <stack> --query "Stacks[0].Outputs[?OutputKey==\'AppUrl\'].OutputValue" --output text)"',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [web, addresses, fromOutput] = await Promise.all([
      inv.webInstances(),
      inv.addresses(),
      inv.stackOutput('AppUrl'),
    ]);
    const eip = addresses.find((a) => web.some((i) => i.InstanceId === a.InstanceId))?.PublicIp;
    const ip = eip ?? web.find((i) => i.PublicIpAddress)?.PublicIpAddress;
    const url = fromOutput ?? (ip ? `http://${ip}/` : undefined);
    if (!url)
      return fail({
        en: 'The web instance has no public address to test.',
        ko: '테스트할 웹 인스턴스의 퍼블릭 주소가 없습니다.',
      });
    const probe = await inv.http(url);
    // The sandbox's data plane traces each request: one dropped on a hop of the lab's own network is the lab's failure.
    if (!probe.reachable && probe.hop) {
      return fail(
        {
          en: `GET ${url} ${probe.refused ? 'was refused' : 'got no answer'}: ${probe.hop.en}`,
          ko: `GET ${url} ${probe.refused ? '요청이 거부되었습니다' : '요청에 응답이 없습니다'}. ${probe.hop.ko}`,
        },
        [{ id: url, type: 'URL', values: { reachable: false, refused: probe.refused, droppedBy: probe.hop.en } }],
      );
    }
    if (!probe.reachable && probe.refused) {
      return fail(
        {
          en: `GET ${url} was refused (${probe.reason}): the address answers, but nothing serves HTTP on it.`,
          ko: `GET ${url} 요청이 거부되었습니다 (${probe.reason}). 주소는 응답하지만 HTTP를 제공하는 것이 없습니다.`,
        },
        [{ id: url, type: 'URL', values: { reachable: true, refused: true, reason: probe.reason } }],
      );
    }
    if (!probe.reachable) {
      return skipped(
        {
          en: `The platform's network cannot reach ${url} (${probe.reason}), so the app was not judged.`,
          ko: `플랫폼의 네트워크에서 ${url}에 닿을 수 없어 (${probe.reason}) 앱을 판정하지 않았습니다.`,
        },
        [{ id: url, type: 'URL', values: { reachable: false, reason: probe.reason } }],
      );
    }
    const evidence = [
      {
        id: url,
        type: 'URL',
        values: { status: probe.status, ms: Math.round(probe.ms), ...(probe.hop ? { hop: probe.hop.en } : {}) },
      },
    ];
    if (probe.status === 200)
      return pass({ en: `GET ${url} answered 200.`, ko: `GET ${url}가 200으로 응답했습니다.` }, evidence);
    const dead = probe.status >= 500;
    return fail(
      {
        en: probe.hop
          ? `GET ${url} answered ${probe.status}: ${probe.hop.en}`
          : `GET ${url} answered ${probe.status}${dead ? ': the app behind it is failing' : ''}.`,
        ko: probe.hop
          ? `GET ${url}가 ${probe.status}로 응답했습니다. ${probe.hop.ko}`
          : `GET ${url}가 ${probe.status}로 응답했습니다${dead ? '. 뒤에 있는 앱이 실패하고 있습니다' : ''}.`,
      },
      evidence,
    );
  },
});
