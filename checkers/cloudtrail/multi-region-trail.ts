import type { TrailState } from '@/lib/inventory/cloudtrail';
import { defineCheck, fail, noLabYet, pass } from '../define';

const state = (t: TrailState) =>
  `${t.trail.Name} (${t.trail.IsMultiRegionTrail ? 'multi-region' : 'single-region'}${t.isLogging === false ? ', not logging' : ''})`;

export default defineCheck({
  id: 'cloudtrail.multi-region-trail',
  stage: '04-cache-automate-secure',
  severity: 'recommended',
  reads: ['trails'],
  title: {
    en: 'A multi-region CloudTrail trail is logging',
    ko: '다중 리전 CloudTrail 추적이 로그를 기록하고 있다',
  },
  why: {
    en: 'The first item of the talks’ security checklist: record every API call in every region into S3, so that a change, a leaked key or an attack in a region nobody watches can be traced afterwards. Event history keeps only 90 days and no data events.',
    ko: '발표의 보안 체크리스트 첫 항목입니다. 모든 리전의 모든 API 호출을 S3에 기록해야 아무도 보지 않는 리전에서 일어난 변경, 유출된 키, 공격을 나중에 추적할 수 있습니다. 이벤트 기록은 90일만 남고 데이터 이벤트도 없습니다.',
  },
  hint: {
    en: 'Create an AWS::CloudTrail::Trail with IsMultiRegionTrail: true and IsLogging: true, writing to an S3 bucket whose policy lets cloudtrail.amazonaws.com write.',
    ko: 'IsMultiRegionTrail: true, IsLogging: true인 AWS::CloudTrail::Trail을 만들고, cloudtrail.amazonaws.com이 쓸 수 있도록 버킷 정책을 둔 S3 버킷에 기록하세요.',
  },
  step: 'cloudtrail',
  remediation: {
    template:
      'Trail:\n  Type: AWS::CloudTrail::Trail\n  DependsOn: TrailBucketPolicy\n  Properties:\n    S3BucketName: !Ref TrailBucket\n    IsLogging: true\n    IsMultiRegionTrail: true\n    IncludeGlobalServiceEvents: true\n    EnableLogFileValidation: true',
    console: {
      en: 'CloudTrail → Trails → Create trail → new S3 bucket → Create. (Trails created in the console apply to all regions.) For an existing trail: Edit → Enable for all accounts/regions, and Start logging.',
      ko: 'CloudTrail → 추적 → 추적 생성 → 새 S3 버킷 → 생성. (콘솔에서 만든 추적은 모든 리전에 적용됩니다.) 기존 추적은 편집에서 모든 리전에 적용하고 로깅 시작을 누르세요.',
    },
    cli: 'aws cloudtrail update-trail --name <trail> --is-multi-region-trail && aws cloudtrail start-logging --name <trail>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const trails = await inv.trails();
    const evidence = trails.map((t) => ({
      id: t.trail.Name ?? '?',
      type: 'AWS::CloudTrail::Trail',
      values: {
        HomeRegion: t.trail.HomeRegion ?? null,
        IsMultiRegionTrail: t.trail.IsMultiRegionTrail ?? false,
        IsLogging: t.isLogging ?? null,
      },
    }));
    const good = trails.find((t) => t.trail.IsMultiRegionTrail && t.isLogging);
    if (good) {
      return pass(
        {
          en: `CloudTrail trail ${good.trail.Name} (home ${good.trail.HomeRegion}) logs API calls in every region.`,
          ko: `CloudTrail 추적 ${good.trail.Name}(홈 리전 ${good.trail.HomeRegion})이 모든 리전의 API 호출을 기록합니다.`,
        },
        evidence,
      );
    }
    if (trails.length === 0) {
      return fail({
        en: `No CloudTrail trail covers ${inv.clients.region}.`,
        ko: `${inv.clients.region} 리전을 기록하는 CloudTrail 추적이 없습니다.`,
      });
    }
    const list = trails.map(state).join(', ');
    return fail(
      {
        en: `No multi-region CloudTrail trail is logging: ${list}.`,
        ko: `로그를 기록하는 다중 리전 CloudTrail 추적이 없습니다: ${list}.`,
      },
      evidence,
    );
  },
});
