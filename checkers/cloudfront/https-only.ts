import { viewerPolicies } from '@/lib/inventory/cloudfront';
import { defineCheck, fail, noLabYet, pass } from '../define';

const SECURE = ['redirect-to-https', 'https-only'];

export default defineCheck({
  id: 'cloudfront.https-only',
  stage: '03-scale-out',
  severity: 'recommended',
  reads: ['labDistributions', 'distributions', 'loadBalancers', 'staticBucket'],
  title: {
    en: 'CloudFront sends viewers over HTTPS only',
    ko: 'CloudFront가 사용자에게 HTTPS로만 콘텐츠를 제공한다',
  },
  why: {
    en: 'The edge is where your users connect. Redirecting HTTP to HTTPS costs nothing on the default *.cloudfront.net certificate and keeps content from being read or altered on the way.',
    ko: '사용자가 접속하는 곳은 엣지입니다. 기본 *.cloudfront.net 인증서로 HTTP를 HTTPS로 리디렉션하는 데는 비용이 들지 않으며, 전송 중에 콘텐츠를 엿보거나 바꾸지 못하게 합니다.',
  },
  hint: {
    en: 'Set ViewerProtocolPolicy to redirect-to-https (or https-only) on the default cache behavior and on every other behavior.',
    ko: '기본 캐시 동작과 다른 모든 동작의 ViewerProtocolPolicy를 redirect-to-https(또는 https-only)로 설정하세요.',
  },
  step: 'https',
  remediation: {
    template: 'DefaultCacheBehavior:\n  ViewerProtocolPolicy: redirect-to-https',
    console: {
      en: 'CloudFront → the distribution → Behaviors → each behavior → Edit → Viewer protocol policy: Redirect HTTP to HTTPS → Save.',
      ko: 'CloudFront → 배포 → 동작 → 각 동작 → 편집 → 뷰어 프로토콜 정책: Redirect HTTP to HTTPS → 저장.',
    },
    cli: 'aws cloudfront get-distribution-config --id <id> > dist.json  # set ViewerProtocolPolicy, then: aws cloudfront update-distribution --id <id> --if-match <etag> --distribution-config file://config.json',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const distributions = await inv.labDistributions();
    if (distributions.length === 0) {
      return fail({
        en: 'No CloudFront distribution for the lab yet (none serves the static bucket or the ALB).',
        ko: '아직 실습용 CloudFront 배포가 없습니다 (정적 버킷이나 ALB를 제공하는 배포가 없음).',
      });
    }
    const judged = distributions.map((d) => ({ d, policies: viewerPolicies(d) }));
    const evidence = judged.map(({ d, policies }) => ({
      id: d.Id ?? '?',
      type: 'AWS::CloudFront::Distribution',
      values: { ViewerProtocolPolicy: policies.map((p) => `${p.path}=${p.policy}`).join(', ') },
    }));
    const insecure = judged.flatMap(({ d, policies }) =>
      policies.filter((p) => !SECURE.includes(p.policy)).map((p) => `${d.Id} ${p.path}=${p.policy}`),
    );
    const ids = distributions.map((d) => d.Id).join(', ');
    return insecure.length === 0
      ? pass(
          {
            en: `CloudFront distribution ${ids} serves viewers over HTTPS only.`,
            ko: `CloudFront 배포 ${ids}가 사용자에게 HTTPS로만 제공합니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `CloudFront still serves plain HTTP: ${insecure.join(', ')}.`,
            ko: `CloudFront가 아직 일반 HTTP로도 제공합니다: ${insecure.join(', ')}.`,
          },
          evidence,
        );
  },
});
