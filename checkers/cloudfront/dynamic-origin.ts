import { normalizeDns } from '@/lib/inventory/route53';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'cloudfront.dynamic-origin',
  stage: '05-decouple',
  severity: 'recommended',
  reads: ['distributions', 'loadBalancers'],
  title: {
    en: 'A CloudFront distribution has the lab’s internet-facing ALB as an origin',
    ko: 'CloudFront 배포의 오리진 중 하나가 실습의 인터넷 경계 ALB이다',
  },
  why: {
    en: 'CloudFront is not only for static files: in front of the ALB it ends TLS at an edge location near the user, keeps connections to the origin warm over AWS’s network, absorbs spikes and attacks at the edge, and can cache what is safe to cache. Dynamic pages get faster even when nothing is cached.',
    ko: 'CloudFront는 정적 파일만을 위한 것이 아닙니다. ALB 앞에 두면 사용자 가까운 엣지 로케이션에서 TLS를 끝내고, AWS 네트워크로 오리진과의 연결을 유지하며, 급증하는 트래픽과 공격을 엣지에서 흡수하고, 캐시해도 되는 것은 캐시합니다. 아무것도 캐시하지 않아도 동적 페이지가 빨라집니다.',
  },
  hint: {
    en: 'Add the ALB as a custom origin (DomainName: !GetAtt Alb.DNSName, CustomOriginConfig) to the distribution, with a cache behavior using the CachingDisabled policy and AllViewerExceptHostHeader origin request policy for the dynamic paths.',
    ko: '배포에 ALB를 사용자 지정 오리진(DomainName: !GetAtt Alb.DNSName, CustomOriginConfig)으로 추가하고, 동적 경로에는 CachingDisabled 캐시 정책과 AllViewerExceptHostHeader 오리진 요청 정책을 쓰는 캐시 동작을 두세요.',
  },
  step: 'cloudfront-dynamic',
  remediation: {
    template:
      'Origins:\n  - Id: alb\n    DomainName: !GetAtt Alb.DNSName\n    CustomOriginConfig:\n      OriginProtocolPolicy: http-only',
    console: {
      en: 'CloudFront → Distributions → the lab distribution → Origins → Create origin → Origin domain: the ALB → then Behaviors → Create behavior for /api/* (or Default) → origin alb, cache policy CachingDisabled.',
      ko: 'CloudFront → 배포 → 실습 배포 → 오리진 → 오리진 생성 → 오리진 도메인: ALB → 이어서 동작 → /api/*(또는 기본값)용 동작 생성 → 오리진 alb, 캐시 정책 CachingDisabled.',
    },
    cli: 'aws cloudfront get-distribution-config --id <id> > dist.json  # add the ALB origin and a behavior, then: aws cloudfront update-distribution --id <id> --if-match <etag> --distribution-config file://dist-config.json',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [alb, distributions] = await Promise.all([inv.labAlb(), inv.distributions()]);
    if (!alb?.DNSName)
      return fail({
        en: 'No internet-facing ALB in the lab VPC: CloudFront’s dynamic origin is the ALB.',
        ko: '실습 VPC에 인터넷 경계 ALB가 없습니다. CloudFront의 동적 오리진은 ALB입니다.',
      });
    const dns = normalizeDns(alb.DNSName);
    const fronting = distributions.filter((d) =>
      (d.Origins?.Items ?? []).some((o) => normalizeDns(o.DomainName) === dns),
    );
    const evidence: Evidence[] = fronting.map((d) => ({
      id: d.Id ?? '?',
      type: 'AWS::CloudFront::Distribution',
      values: {
        domain: d.DomainName ?? null,
        origins: (d.Origins?.Items ?? []).map((o) => o.DomainName).join(', ') || null,
        enabled: d.Enabled ?? null,
      },
    }));
    const live = fronting.find((d) => d.Enabled !== false);
    return live
      ? pass(
          {
            en: `CloudFront distribution ${live.Id} (${live.DomainName}) has ALB ${alb.LoadBalancerName} as an origin.`,
            ko: `CloudFront 배포 ${live.Id}(${live.DomainName})의 오리진 중 하나가 ALB ${alb.LoadBalancerName}입니다.`,
          },
          evidence,
        )
      : fail(
          fronting.length
            ? {
                en: `CloudFront distribution ${fronting[0]?.Id} fronts ALB ${alb.LoadBalancerName} but is disabled.`,
                ko: `CloudFront 배포 ${fronting[0]?.Id}가 ALB ${alb.LoadBalancerName} 앞에 있지만 비활성화되어 있습니다.`,
              }
            : {
                en: `No CloudFront distribution has ALB ${alb.LoadBalancerName} (${alb.DNSName}) as an origin.`,
                ko: `ALB ${alb.LoadBalancerName}(${alb.DNSName})를 오리진으로 둔 CloudFront 배포가 없습니다.`,
              },
          evidence,
        );
  },
});
