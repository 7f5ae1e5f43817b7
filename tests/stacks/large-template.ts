/** A template of `topics` SNS topics: about 460 bytes each, so 120 of them are over the TemplateBody limit. */
export function largeTemplate(topics = 120, tag = 'v1'): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Description: A generated template over 51,200 bytes.'];
  lines.push('Resources:');
  for (let i = 0; i < topics; i++)
    lines.push(
      `  Topic${i}:`,
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      `      DisplayName: scalelab-topic-${i}`,
      '      Tags:',
      `        - { Key: 'scalelab:lab', Value: scalelab-large }`,
      `        - { Key: 'scalelab:role', Value: generated }`,
      `        - { Key: revision, Value: ${tag} }`,
      `        - { Key: purpose, Value: 'one of many topics that make this template larger than a TemplateBody may be, ${'so that it has to go through S3'.padEnd(90, '.')}' }`,
    );
  lines.push('Outputs:', '  First:', '    Value: !Ref Topic0');
  return `${lines.join('\n')}\n`;
}
