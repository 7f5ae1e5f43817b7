import { publicAccessGaps } from '@/lib/inventory/s3';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { bucketGone, noStaticBucket } from './evidence';

export default defineCheck({
  id: 's3.static-bucket-private',
  stage: '03-scale-out',
  severity: 'required',
  reads: ['staticBucket'],
  title: { en: 'The static bucket blocks all public access', ko: '정적 버킷이 모든 퍼블릭 액세스를 차단한다' },
  why: {
    en: 'Static files move off the web servers to Amazon S3 (designed for eleven nines of durability), but the bucket stays private: only CloudFront reads it. Block Public Access makes sure no ACL or policy can open it by mistake.',
    ko: '정적 파일은 웹 서버에서 Amazon S3(99.999999999% 내구성으로 설계)로 옮기지만, 버킷은 비공개로 두고 CloudFront만 읽게 합니다. 퍼블릭 액세스 차단은 ACL이나 정책 실수로 버킷이 열리는 일을 막아 줍니다.',
  },
  hint: {
    en: 'Turn on all four Block Public Access settings on the static bucket.',
    ko: '정적 버킷의 퍼블릭 액세스 차단 설정 네 가지를 모두 켜세요.',
  },
  step: 'static-bucket',
  remediation: {
    template:
      'StaticBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    console: {
      en: 'S3 → Buckets → the static bucket → Permissions → Block public access → Edit → Block all public access → Save.',
      ko: 'S3 → 버킷 → 정적 버킷 → 권한 → 퍼블릭 액세스 차단 → 편집 → 모든 퍼블릭 액세스 차단 → 저장.',
    },
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const bucket = await inv.staticBucket();
    if (!bucket) return fail(noStaticBucket);
    const access = await inv.bucketAccess(bucket);
    if (!access.exists) return fail(bucketGone(bucket));
    const block = access.publicAccessBlock;
    const gaps = publicAccessGaps(block);
    const evidence = [
      {
        id: bucket,
        type: 'AWS::S3::Bucket',
        values: {
          BlockPublicAcls: block?.BlockPublicAcls ?? false,
          IgnorePublicAcls: block?.IgnorePublicAcls ?? false,
          BlockPublicPolicy: block?.BlockPublicPolicy ?? false,
          RestrictPublicBuckets: block?.RestrictPublicBuckets ?? false,
        },
      },
    ];
    if (gaps.length === 0) {
      return pass(
        {
          en: `S3 bucket ${bucket} blocks all public access.`,
          ko: `S3 버킷 ${bucket}가 모든 퍼블릭 액세스를 차단합니다.`,
        },
        evidence,
      );
    }
    const off = gaps.map((g) => `${g}=false`).join(', ');
    return fail(
      block
        ? {
            en: `S3 bucket ${bucket} does not block all public access: ${off}.`,
            ko: `S3 버킷 ${bucket}가 퍼블릭 액세스를 모두 차단하지 않습니다: ${off}.`,
          }
        : {
            en: `S3 bucket ${bucket} has no Block Public Access configuration.`,
            ko: `S3 버킷 ${bucket}에 퍼블릭 액세스 차단 설정이 없습니다.`,
          },
      evidence,
    );
  },
});
