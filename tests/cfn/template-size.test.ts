import { describe, expect, it } from 'vitest';
import { validateText } from '@/lib/cfn';
import { renderDiagnostic } from '@/lib/cfn/diagnostic-text';
import { checkDraft, TemplateDraftError } from '@/lib/stacks/template-draft';
import { largeTemplate } from '../stacks/large-template';

const sizeWarnings = async (body: string) =>
  (await validateText(body, 't.yaml', { rules: ['cfn', 'scalelab'] })).filter(
    (d) => d.rule === 'scalelab/template-size',
  );

describe("the template size lab rule ('scalelab/template-size')", () => {
  it('warns over 51,200 bytes that the template goes through the staging bucket and TemplateURL', async () => {
    const body = largeTemplate();
    const found = await sizeWarnings(body);
    expect(found).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        severity: 'warning',
        message: expect.stringMatching(
          new RegExp(
            `^The template is ${Buffer.byteLength(body).toLocaleString('en-US')} bytes, over CloudFormation's 51,200-byte TemplateBody limit: ScaleLab uploads it to the staging bucket .*scalelab-staging-<account>-<region>.* launches it through TemplateURL\\.$`,
          ),
        ),
      }),
    ]);
    expect(renderDiagnostic(found[0]!.text, 'ko')).toMatch(
      /TemplateBody 한도 51,200바이트를 넘습니다.*TemplateURL로 배포합니다\.$/,
    );
  });

  it('says nothing at 51,200 bytes or fewer, counting bytes rather than characters', async () => {
    const small = largeTemplate(10);
    expect(await sizeWarnings(small)).toEqual([]);
    // 2-byte characters: under 51,200 characters but over 51,200 bytes.
    const wide = `${small}# ${'é'.repeat(26_000)}\n`;
    expect(wide.length).toBeLessThan(51_200);
    expect(await sizeWarnings(wide)).toHaveLength(1);
  });

  it('lets the editor and the launch take a template up to 1 MB, and refuses one over it', async () => {
    const diagnostics = await checkDraft(largeTemplate());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toContain('scalelab/template-size');
    await expect(checkDraft(largeTemplate(2300))).rejects.toThrow(TemplateDraftError);
    await expect(checkDraft(largeTemplate(2300))).rejects.toThrow(/CloudFormation reads at most 1,000,000 bytes/);
  });
});
