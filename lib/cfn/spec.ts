/**
 * The CloudFormation resource specification, from `@aws-cdk/aws-service-spec`: every resource type's properties,
 * their types, required-ness, attributes and replacement behaviour. Parsing the whole database costs seconds, so the
 * spec is read per service from slices of it (`spec-slices.ts`), on first use of a type, and shared.
 */
import type { Attribute, Property, PropertyType, Resource, TypeDefinition } from '@aws-cdk/service-spec-types';
import { SliceReader, serviceOf, slicesDir } from './spec-slices';

export type { Attribute, Property, PropertyType, Resource, TypeDefinition };
export type Replacement = 'yes' | 'no' | 'maybe';

export class Spec {
  private readonly byType = new Map<string, Resource | undefined>();
  private typeNames: string[] | undefined;

  constructor(private readonly slices: SliceReader) {}

  resource(cloudFormationType: string): Resource | undefined {
    if (!this.byType.has(cloudFormationType)) {
      const found = this.slices.slice(serviceOf(cloudFormationType))?.resources[cloudFormationType];
      this.byType.set(cloudFormationType, found);
    }
    return this.byType.get(cloudFormationType);
  }

  /** A property type's definition; the resource that uses it has been looked up first, which reads its slice. */
  typeDefinition(type: Extract<PropertyType, { type: 'ref' }>): TypeDefinition | undefined {
    return this.slices.typeDefinition(type.reference.$ref);
  }

  resourceTypeNames(): string[] {
    this.typeNames ??= this.slices.typeNames();
    return this.typeNames;
  }

  /** How many service slices have been read (the bench reports it). */
  get slicesRead(): number {
    return this.slices.reads;
  }

  /** Whether changing a top-level property replaces the resource; an unknown type or property answers 'maybe'. */
  replacement(resourceType: string, propertyName: string): Replacement {
    const resource = this.resource(resourceType);
    const property = resource?.properties[propertyName];
    if (!resource || !property) return 'maybe';
    if (resource.additionalReplacementProperties?.some((path) => path.length === 1 && path[0] === propertyName)) {
      return 'yes';
    }
    return property.causesReplacement ?? 'no';
  }
}

let loading: Promise<Spec> | undefined;
let loadMillis: number | undefined;

/** The shared spec, loaded on the first call. */
export function loadSpec(): Promise<Spec> {
  loading ??= (async () => {
    const started = performance.now();
    const spec = new Spec(new SliceReader(slicesDir()));
    loadMillis = performance.now() - started;
    return spec;
  })();
  return loading;
}

/** How long the first `loadSpec()` took, once it has finished. */
export function specLoadMillis(): number | undefined {
  return loadMillis;
}

export async function propertyReplacement(resourceType: string, propertyName: string): Promise<Replacement> {
  return (await loadSpec()).replacement(resourceType, propertyName);
}
