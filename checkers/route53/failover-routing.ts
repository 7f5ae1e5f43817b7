import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'route53.failover-routing',
  stage: '06-go-global',
  severity: 'required',
  reads: ['regionalRouting', 'secondRegion', 'loadBalancers'],
  title: {
    en: 'Route 53 failover (or latency) records with a health check point at both regions’ load balancers',
    ko: '상태 확인이 붙은 Route 53 장애 조치(또는 지연 시간) 레코드가 두 리전의 로드 밸런서를 가리킨다',
  },
  why: {
    en: 'Two Regions help only if users are sent to the healthy one. A health check watches the primary Region’s endpoint; failover records answer with the secondary when it fails (active-passive), and latency records send each user to the nearest healthy Region (active-active).',
    ko: '리전이 둘이어도 사용자를 건강한 쪽으로 보내야 쓸모가 있습니다. 상태 확인이 기본 리전의 엔드포인트를 지켜보다가, 장애 조치 레코드는 기본 리전이 실패하면 보조 리전으로 응답하고(액티브-패시브), 지연 시간 레코드는 사용자마다 가장 가까운 건강한 리전으로 보냅니다(액티브-액티브).',
  },
  hint: {
    en: 'In a hosted zone, add an AWS::Route53::HealthCheck on the first region’s ALB and two AWS::Route53::RecordSet with the same name: Failover PRIMARY (HealthCheckId, alias to the first region’s ALB) and SECONDARY (alias to the second region’s ALB).',
    ko: '호스팅 영역에 첫 리전 ALB를 보는 AWS::Route53::HealthCheck와 이름이 같은 AWS::Route53::RecordSet 두 개를 추가하세요. Failover PRIMARY(HealthCheckId, 첫 리전 ALB로의 별칭)와 SECONDARY(두 번째 리전 ALB로의 별칭)입니다.',
  },
  step: 'failover-routing',
  remediation: {
    template:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own !Sub syntax.
      'PrimaryRecord:\n  Type: AWS::Route53::RecordSet\n  Properties:\n    HostedZoneId: !Ref HostedZoneId\n    Name: !Sub app.${DomainName}\n    Type: A\n    SetIdentifier: primary\n    Failover: PRIMARY\n    HealthCheckId: !Ref PrimaryHealthCheck\n    AliasTarget: { DNSName: !GetAtt Alb.DNSName, HostedZoneId: !GetAtt Alb.CanonicalHostedZoneID, EvaluateTargetHealth: true }',
    console: {
      en: 'Route 53 → Health checks → Create (endpoint: the first region’s ALB) → Hosted zones → the zone → Create record → Failover → primary (that health check, the first ALB) and secondary (the second region’s ALB).',
      ko: 'Route 53 → 상태 확인 → 생성(엔드포인트: 첫 리전의 ALB) → 호스팅 영역 → 해당 영역 → 레코드 생성 → 장애 조치 → 기본(그 상태 확인, 첫 ALB)과 보조(두 번째 리전의 ALB).',
    },
    cli: 'aws route53 change-resource-record-sets --hosted-zone-id <zone> --change-batch file://failover-records.json',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const second = await inv.global.secondRegion();
    if (!second?.stack)
      return fail({
        en: 'The lab is not deployed in a second region yet: failover needs an endpoint in each region.',
        ko: '실습이 아직 두 번째 리전에 배포되지 않았습니다. 장애 조치에는 리전마다 엔드포인트가 있어야 합니다.',
      });
    const { routing, endpoints } = await inv.global.regionalRouting();
    const evidence: Evidence[] = routing.map((r) => ({
      id: `${r.name} ${r.type}`,
      type: 'AWS::Route53::RecordSet',
      values: {
        policy: r.policy,
        records: r.records.length,
        regions: r.regions.join(', ') || null,
        healthChecks: r.healthChecks.join(', ') || null,
        ok: r.ok,
      },
    }));
    if (!routing.length) {
      const albs = Object.entries(endpoints)
        .map(([region, names]) => `${region}: ${names.join(', ') || 'no ALB'}`)
        .join('; ');
      return fail({
        en: `No Route 53 failover or latency records in the account’s hosted zones (lab endpoints ${albs}).`,
        ko: `계정의 호스팅 영역에 Route 53 장애 조치 또는 지연 시간 레코드가 없습니다(실습 엔드포인트 ${albs}).`,
      });
    }
    const good = routing.find((r) => r.ok);
    if (good)
      return pass(
        {
          en: `Route 53 ${good.policy} records ${good.name} (${good.type}) point at ${good.regions.join(' and ')} with health check ${good.healthChecks.join(', ')}.`,
          ko: `Route 53 ${good.policy === 'failover' ? '장애 조치' : '지연 시간'} 레코드 ${good.name}(${good.type})가 상태 확인 ${good.healthChecks.join(', ')}와 함께 ${good.regions.join('와 ')}를 가리킵니다.`,
        },
        evidence,
      );
    const first = routing[0];
    return fail(
      {
        en: `Route 53 ${first?.policy} records ${first?.name}: ${first?.problem}.`,
        ko: `Route 53 ${first?.policy === 'failover' ? '장애 조치' : '지연 시간'} 레코드 ${first?.name}: ${first?.problem}.`,
      },
      evidence,
    );
  },
});
