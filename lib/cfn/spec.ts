/**
 * The CloudFormation resource specification, from `@aws-cdk/aws-service-spec`: every resource type's properties,
 * their types, required-ness, attributes and replacement behaviour. Loading it costs ~600 ms, so it is loaded once,
 * on first use, and shared.
 */
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import type {
  Attribute,
  Property,
  PropertyType,
  Resource,
  SpecDatabase,
  TypeDefinition,
} from '@aws-cdk/service-spec-types';

export type { Attribute, Property, PropertyType, Resource, TypeDefinition };
export type Replacement = 'yes' | 'no' | 'maybe';

export class Spec {
  private readonly byType = new Map<string, Resource | undefined>();
  private typeNames: string[] | undefined;

  constructor(private readonly db: SpecDatabase) {}

  resource(cloudFormationType: string): Resource | undefined {
    if (!this.byType.has(cloudFormationType)) {
      const found = this.db.lookup('resource', 'cloudFormationType', 'equals', cloudFormationType);
      this.byType.set(cloudFormationType, found[0]);
    }
    return this.byType.get(cloudFormationType);
  }

  typeDefinition(type: Extract<PropertyType, { type: 'ref' }>): TypeDefinition | undefined {
    try {
      return this.db.get('typeDefinition', type.reference);
    } catch {
      return undefined;
    }
  }

  resourceTypeNames(): string[] {
    this.typeNames ??= this.db.all('resource').map((r) => r.cloudFormationType);
    return this.typeNames;
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
    const spec = new Spec(await loadAwsServiceSpec());
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
