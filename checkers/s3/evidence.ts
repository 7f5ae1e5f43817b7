export const noStaticBucket = {
  en: 'No static bucket yet: the stack has no StaticBucket output and no S3 bucket is named after the lab stack.',
  ko: '아직 정적 버킷이 없습니다. 스택에 StaticBucket 출력이 없고, 실습 스택 이름으로 시작하는 S3 버킷도 없습니다.',
};

export const bucketGone = (bucket: string) => ({
  en: `S3 bucket ${bucket} (the StaticBucket output) does not exist.`,
  ko: `S3 버킷 ${bucket}(StaticBucket 출력)이 존재하지 않습니다.`,
});
