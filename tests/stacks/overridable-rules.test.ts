import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertDeployable, TemplateDraftError } from '@/lib/stacks/template-draft';

const solution = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
// Stage 00's "make it fail" exercise: SSH open to the world on the web security group.
const withSsh = solution.replace(
  /(SecurityGroupIngress:\n)/,
  '$1        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0, Description: make it fail }\n',
);

describe('deploying against the lab’s advice', () => {
  it('refuses SSH open to the world unless the learner acknowledged that advice', async () => {
    expect(withSsh).not.toBe(solution);
    await expect(assertDeployable(withSsh)).rejects.toThrow(/opens port 22 to the world/);
    await expect(assertDeployable(withSsh, ['scalelab/open-admin-port'])).resolves.toBeUndefined();
  });

  it('never waives an error AWS would refuse, or a lab rule that is not overridable', async () => {
    const broken = withSsh.replace('Type: AWS::EC2::VPC', 'Type: AWS::EC2::VPCC');
    await expect(assertDeployable(broken, ['scalelab/open-admin-port'])).rejects.toBeInstanceOf(TemplateDraftError);
    const pricey = solution.replace('Default: t3.micro', 'Default: m5.24xlarge');
    await expect(assertDeployable(pricey, ['scalelab/instance-size'])).rejects.toThrow(TemplateDraftError);
  });
});

describe('a refused draft, in both languages', () => {
  it('names the first error with its line in English and in Korean', async () => {
    const err = await assertDeployable(withSsh).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateDraftError);
    const { localized } = err as TemplateDraftError;
    expect(localized.en).toMatch(
      /^The template has 1 error, at line \d+, column \d+: WebSecurityGroup opens port 22 to the world \(0\.0\.0\.0\/0\): use Session Manager instead\.$/,
    );
    expect(localized.ko).toMatch(
      /^템플릿에 오류가 1개 있습니다\. 첫 번째 오류\(\d+번째 줄, \d+열\): WebSecurityGroup이\(가\) 22번 포트를 전 세계\(0\.0\.0\.0\/0\)에 엽니다\. 대신 Session Manager를 쓰세요\.$/,
    );
    expect((err as Error).message).toBe(localized.en);
  });
});
