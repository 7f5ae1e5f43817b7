import { describe, expect, it } from 'vitest';
import { describeSpec } from '@/components/editor/actions';

describe('the editor’s hover docs', () => {
  it('documents a resource type with its GetAtt attributes', async () => {
    const doc = await describeSpec({ type: 'AWS::EC2::Instance' });
    expect(doc?.documentation.length).toBeGreaterThan(20);
    expect(doc?.attributes).toContain('PublicIp');
  });
  it('documents a property: required or not, and whether changing it replaces the resource', async () => {
    expect(await describeSpec({ type: 'AWS::RDS::DBInstance', property: 'StorageEncrypted' })).toMatchObject({
      title: 'AWS::RDS::DBInstance.StorageEncrypted',
      required: false,
      replacement: 'yes',
    });
  });
  it('answers nothing for unknown or malformed names', async () => {
    expect(await describeSpec({ type: 'AWS::EC2::Nope' })).toBeNull();
    expect(await describeSpec({ type: 'AWS::EC2::Instance', property: 'Nope' })).toBeNull();
    expect(await describeSpec({ type: 'rm -rf /' })).toBeNull();
  });
});
