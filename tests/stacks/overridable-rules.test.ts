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
