import { describe, expect, it } from 'vitest';
import { compileLabMdx } from '@/lib/labs/compile';

describe('code highlighting on lab pages', () => {
  it('colours tokens with shared classes and one stylesheet, not a style attribute per token', async () => {
    const lab = await compileLabMdx(
      '# T\n\n```yaml\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n```\n',
      'x.mdx',
    );
    expect(lab.code).not.toContain('--shiki-light');
    const classes = [...lab.css.matchAll(/\.(sk-[\w-]+)\{--shiki-light:#[0-9a-fA-F]+;--shiki-dark:#[0-9a-fA-F]+/g)];
    expect(classes.length).toBeGreaterThan(1);
    for (const [, name] of classes) expect(lab.code).toContain(name);
  }, 120_000); // mdx-bundler starts esbuild and Shiki's grammars: slow on a busy machine
});
