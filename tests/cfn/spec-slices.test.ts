import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import type { PropertyType, SpecDatabase } from '@aws-cdk/service-spec-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Spec } from '@/lib/cfn/spec';
import { SliceReader, writeSlices } from '@/lib/cfn/spec-slices';

let dir: string;
let db: SpecDatabase;
beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'spec-slices-')), 'v');
  writeSlices(dir);
  db = await loadAwsServiceSpec();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refs(t: PropertyType | undefined): Extract<PropertyType, { type: 'ref' }>[] {
  if (!t) return [];
  if (t.type === 'ref') return [t];
  if (t.type === 'array' || t.type === 'map') return refs(t.element);
  if (t.type === 'union') return t.types.flatMap(refs);
  return [];
}

describe('the spec read per service', () => {
  it('answers a resource type exactly as the full database does, and reads only its service', () => {
    const reader = new SliceReader(dir);
    const spec = new Spec(reader);
    const full = db.lookup('resource', 'cloudFormationType', 'equals', 'AWS::RDS::DBInstance')[0];
    expect(spec.resource('AWS::RDS::DBInstance')).toEqual(full);
    expect(reader.reads).toBe(1);
    spec.resource('AWS::RDS::DBCluster');
    expect(reader.reads).toBe(1);
  });

  it('finds every type definition that a resource reaches, nested ones included', () => {
    const spec = new Spec(new SliceReader(dir));
    const lt = spec.resource('AWS::EC2::LaunchTemplate');
    const seen = new Set<string>();
    const pending = Object.values(lt?.properties ?? {}).flatMap((p) => refs(p.type));
    while (pending.length) {
      const ref = pending.pop()!;
      if (seen.has(ref.reference.$ref)) continue;
      seen.add(ref.reference.$ref);
      const def = spec.typeDefinition(ref);
      expect(def).toEqual(db.get('typeDefinition', ref.reference));
      pending.push(...Object.values(def?.properties ?? {}).flatMap((p) => refs(p.type)));
    }
    expect(seen.size).toBeGreaterThan(5); // LaunchTemplateData → BlockDeviceMapping → Ebs → ...
  });

  it('lists every resource type name and knows nothing of an unknown service', () => {
    const spec = new Spec(new SliceReader(dir));
    expect(spec.resourceTypeNames().length).toBe(db.all('resource').length);
    expect(spec.resource('AWS::NoSuchService::Thing')).toBeUndefined();
    expect(spec.replacement('AWS::EC2::Instance', 'ImageId')).toBe('yes');
  });

  it('is written whole or not at all: a second writer finds the first one’s slices', () => {
    writeSlices(dir); // the folder exists: the rename fails, the existing slices stay
    expect(readdirSync(join(dir, '..')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(new Spec(new SliceReader(dir)).resource('AWS::S3::Bucket')).toBeDefined();
  });
});
