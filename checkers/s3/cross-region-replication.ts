import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 's3.cross-region-replication',
  stage: '06-go-global',
  severity: 'recommended',
  reads: ['bucketReplication', 'staticBucket', 'secondRegion'],
  title: {
    en: 'The static bucket replicates to a bucket in the second region',
    ko: '정적 버킷이 두 번째 리전의 버킷으로 복제된다',
  },
  why: {
    en: 'S3 keeps objects across AZs within a Region; cross-Region replication copies every new object to a bucket in another Region, so the second Region’s app and CloudFront origin have the same static files if the first Region is lost.',
    ko: 'S3는 한 리전 안의 여러 AZ에 객체를 보관합니다. 리전 간 복제는 새 객체를 모두 다른 리전의 버킷에 복사하므로, 첫 리전을 잃어도 두 번째 리전의 앱과 CloudFront 오리진이 같은 정적 파일을 갖습니다.',
  },
  hint: {
    en: 'Turn on versioning on both buckets and add a ReplicationConfiguration to the static bucket (a role S3 can assume, one enabled rule whose Destination is the second region’s static bucket).',
    ko: '두 버킷 모두 버전 관리를 켜고, 정적 버킷에 ReplicationConfiguration(S3가 맡을 수 있는 역할, Destination이 두 번째 리전의 정적 버킷인 활성화된 규칙 하나)을 추가하세요.',
  },
  step: 'replication',
  remediation: {
    template:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own !Sub syntax.
      'ReplicationConfiguration:\n  Role: !GetAtt ReplicationRole.Arn\n  Rules:\n    - Id: to-second-region\n      Status: Enabled\n      Priority: 1\n      Filter: {}\n      DeleteMarkerReplication: { Status: Disabled }\n      Destination: { Bucket: !Sub "arn:aws:s3:::${ReplicaBucketName}" }',
    console: {
      en: 'S3 → the static bucket → Management → Replication rules → Create replication rule → apply to all objects → destination: the bucket in the second region → IAM role: create new.',
      ko: 'S3 → 정적 버킷 → 관리 → 복제 규칙 → 복제 규칙 생성 → 모든 객체에 적용 → 대상: 두 번째 리전의 버킷 → IAM 역할: 새로 생성.',
    },
    cli: 'aws s3api put-bucket-replication --bucket <static-bucket> --replication-configuration file://replication.json',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [replication, second] = await Promise.all([inv.global.bucketReplication(), inv.global.secondRegion()]);
    if (!replication)
      return fail({
        en: 'No static bucket in the lab yet: replication starts from it.',
        ko: '실습에 아직 정적 버킷이 없습니다. 복제는 그 버킷에서 시작합니다.',
      });
    const { bucket, rules, destinations } = replication;
    const evidence: Evidence[] = [
      {
        id: bucket,
        type: 'AWS::S3::Bucket',
        values: {
          rules: rules.map((r) => `${r.ID ?? '?'}=${r.Status}`).join(', ') || null,
          destinations: destinations.map((d) => `${d.bucket}@${d.region ?? '?'}`).join(', ') || null,
          secondRegion: second?.region ?? null,
        },
      },
    ];
    if (!rules.length)
      return fail(
        { en: `S3 bucket ${bucket} has no replication rule.`, ko: `S3 버킷 ${bucket}에 복제 규칙이 없습니다.` },
        evidence,
      );
    const away = destinations.filter((d) => d.region && d.region !== inv.clients.region);
    const target = second ? away.find((d) => d.region === second.region) : away[0];
    if (target)
      return pass(
        {
          en: `S3 bucket ${bucket} replicates to ${target.bucket} in ${target.region}.`,
          ko: `S3 버킷 ${bucket}가 ${target.region}의 ${target.bucket}로 복제됩니다.`,
        },
        evidence,
      );
    const where = destinations.map((d) => `${d.bucket} (${d.region ?? 'missing'})`).join(', ') || 'no enabled rule';
    return fail(
      {
        en: `S3 bucket ${bucket} does not replicate to ${second ? `the second region ${second.region}` : 'another region'}: ${where}.`,
        ko: `S3 버킷 ${bucket}가 ${second ? `두 번째 리전 ${second.region}` : '다른 리전'}으로 복제되지 않습니다: ${where}.`,
      },
      evidence,
    );
  },
});
