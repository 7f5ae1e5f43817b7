import { grantCoversDistribution, type ReadGrant } from '@/lib/inventory/s3';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';
import { bucketGone, noStaticBucket } from '../s3/evidence';

const who = (g: ReadGrant) =>
  `${g.sid ?? 'statement'} (${g.principal}${g.sourceArns.length ? ` if SourceArn=${g.sourceArns.join(' | ')}` : ''})`;

export default defineCheck({
  id: 'cloudfront.s3-origin-oac',
  stage: '03-scale-out',
  severity: 'required',
  reads: ['staticContent', 'distributions', 'staticBucket'],
  title: {
    en: 'CloudFront serves the static bucket through Origin Access Control, and only it may read the bucket',
    ko: 'CloudFront가 Origin Access Control로 정적 버킷을 제공하고, 버킷은 그 배포만 읽을 수 있다',
  },
  why: {
    en: 'CloudFront caches static files at edge locations close to users, which takes load off the origin and cuts latency. Origin Access Control signs CloudFront’s requests to S3, and a bucket policy that trusts only that distribution keeps the bucket itself closed to everyone else.',
    ko: 'CloudFront는 사용자 가까운 엣지 로케이션에 정적 파일을 캐시해 오리진 부하와 지연 시간을 줄입니다. Origin Access Control은 CloudFront가 S3로 보내는 요청에 서명하고, 그 배포만 믿는 버킷 정책이 버킷 자체는 다른 누구에게도 열리지 않게 지킵니다.',
  },
  hint: {
    en: 'Give the distribution’s S3 origin an OriginAccessControlId, and write a bucket policy that allows s3:GetObject to the service principal cloudfront.amazonaws.com only when AWS:SourceArn is that distribution.',
    ko: '배포의 S3 오리진에 OriginAccessControlId를 지정하고, AWS:SourceArn이 그 배포일 때만 서비스 주체 cloudfront.amazonaws.com에 s3:GetObject를 허용하는 버킷 정책을 작성하세요.',
  },
  step: 'cloudfront-oac',
  remediation: {
    template: `StaticBucketPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref StaticBucket\n    PolicyDocument:\n      Statement:\n        - Effect: Allow\n          Principal: { Service: cloudfront.amazonaws.com }\n          Action: s3:GetObject\n          Resource: !Sub '\${StaticBucket.Arn}/*'\n          Condition:\n            StringEquals:\n              AWS:SourceArn: !Sub 'arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${Distribution}'`,
    console: {
      en: 'CloudFront → the distribution → Origins → the S3 origin → Edit → Origin access control settings → create or pick an OAC → Save, then "Copy policy" and paste it into S3 → the bucket → Permissions → Bucket policy.',
      ko: 'CloudFront → 배포 → 오리진 → S3 오리진 → 편집 → 원본 액세스 제어 설정 → OAC 생성 또는 선택 → 저장한 뒤 "정책 복사"를 눌러 S3 → 버킷 → 권한 → 버킷 정책에 붙여 넣기.',
    },
    cli: 'aws cloudfront create-origin-access-control --origin-access-control-config Name=lab-oac,SigningProtocol=sigv4,SigningBehavior=always,OriginAccessControlOriginType=s3 && aws s3api put-bucket-policy --bucket <bucket> --policy file://cloudfront-only.json',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const content = await inv.staticContent();
    if (!content) return fail(noStaticBucket);
    const { bucket, access, served, grants, strayGrants } = content;
    if (!access.exists) return fail(bucketGone(bucket));
    const evidence: Evidence[] = [
      ...served.map((s) => ({
        id: s.distribution.Id ?? '?',
        type: 'AWS::CloudFront::Distribution',
        values: { origin: s.origin.DomainName ?? null, OriginAccessControlId: s.oacId ?? null },
      })),
      {
        id: bucket,
        type: 'AWS::S3::BucketPolicy',
        values: { readGrants: grants.map(who).join(', ') || null },
      },
    ];
    if (served.length === 0) {
      return fail(
        {
          en: `No CloudFront distribution has S3 bucket ${bucket} as an origin.`,
          ko: `S3 버킷 ${bucket}을 오리진으로 쓰는 CloudFront 배포가 없습니다.`,
        },
        evidence,
      );
    }
    const withOac = served.filter((s) => s.oacId);
    if (withOac.length === 0) {
      const ids = served.map((s) => s.distribution.Id).join(', ');
      return fail(
        {
          en: `CloudFront distribution ${ids} reads S3 bucket ${bucket} without an Origin Access Control.`,
          ko: `CloudFront 배포 ${ids}가 Origin Access Control 없이 S3 버킷 ${bucket}을 읽습니다.`,
        },
        evidence,
      );
    }
    const granted = withOac.find((s) =>
      grants.some((g) => s.distribution.ARN && grantCoversDistribution(g, s.distribution.ARN)),
    );
    if (!granted) {
      const ids = withOac.map((s) => s.distribution.Id).join(', ');
      return fail(
        {
          en: `The bucket policy of S3 bucket ${bucket} does not let CloudFront distribution ${ids} read it (AWS:SourceArn condition for cloudfront.amazonaws.com missing).`,
          ko: `S3 버킷 ${bucket}의 버킷 정책이 CloudFront 배포 ${ids}의 읽기를 허용하지 않습니다 (cloudfront.amazonaws.com에 대한 AWS:SourceArn 조건이 없음).`,
        },
        evidence,
      );
    }
    if (strayGrants.length > 0) {
      const list = strayGrants.map(who).join(', ');
      return fail(
        {
          en: `The bucket policy of S3 bucket ${bucket} also grants read to others: ${list}.`,
          ko: `S3 버킷 ${bucket}의 버킷 정책이 다른 주체에게도 읽기를 허용합니다: ${list}.`,
        },
        evidence,
      );
    }
    return pass(
      {
        en: `CloudFront distribution ${granted.distribution.Id} serves S3 bucket ${bucket} through OAC ${granted.oacId}, and the bucket policy grants read only to it.`,
        ko: `CloudFront 배포 ${granted.distribution.Id}가 OAC ${granted.oacId}로 S3 버킷 ${bucket}을 제공하고, 버킷 정책은 그 배포에만 읽기를 허용합니다.`,
      },
      evidence,
    );
  },
});
