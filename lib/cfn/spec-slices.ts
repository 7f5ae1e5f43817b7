/**
 * The CloudFormation spec cut into one small file per service (`AWS::EC2`, `AWS::RDS`, ...), so that a command that
 * validates one template reads the few services it uses instead of parsing the whole 2.6 MB (gzip) database.
 *
 * The slices are made once per `@aws-cdk/aws-service-spec` version from its own `db.json.gz` (no other source), into
 * `node_modules/.cache/scalelab-spec/<version>/` (or `SCALELAB_SPEC_CACHE`, or the OS temp dir when node_modules is
 * read-only). A slice holds the service's resource types exactly as the database stores them plus every type
 * definition they reach, so `Spec` answers the same from a slice as from the full database.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Resource, TypeDefinition } from '@aws-cdk/service-spec-types';

type Entity = { $id: string } & Record<string, unknown>;
interface Index {
  version: string;
  services: Record<string, string[]>;
}
export interface Slice {
  resources: Record<string, Resource>;
  types: Record<string, TypeDefinition>;
}

const PACKAGE = join('node_modules', '@aws-cdk', 'aws-service-spec', 'package.json');

/**
 * The installed spec package: found from the working directory up (a bundler's `require.resolve` answers a module
 * id, not a path, inside the Next server build), else through Node's resolution (the CLI, tests).
 */
function specPackage(): { dir: string; version: string } {
  let manifest: string | undefined;
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, PACKAGE))) {
      manifest = join(dir, PACKAGE);
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (!manifest) {
    const resolved: unknown = createRequire(import.meta.url).resolve('@aws-cdk/aws-service-spec/package.json');
    if (typeof resolved !== 'string') throw new Error('Cannot find @aws-cdk/aws-service-spec: run npm install.');
    manifest = resolved;
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: dirname(manifest), version };
}

/** `AWS::EC2::Instance` → `AWS::EC2`; the file name of its slice. */
export function serviceOf(cloudFormationType: string): string {
  return cloudFormationType.split('::').slice(0, 2).join('::');
}
const fileOf = (service: string) => `${service.replace(/::/g, '.')}.json`;

function refsIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) refsIn(v, out);
  } else if (value && typeof value === 'object') {
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') out.add(ref);
    for (const v of Object.values(value)) refsIn(v, out);
  }
}

/** Cut the database into slices under `dir` (written to a temporary folder first, then renamed into place). */
export function writeSlices(dir: string): void {
  const { dir: pkg, version } = specPackage();
  const db = JSON.parse(gunzipSync(readFileSync(join(pkg, 'db.json.gz'))).toString('utf8')) as {
    schema: Record<string, { entities?: Entity[] }>;
  };
  const resources = db.schema.resource?.entities ?? [];
  const typeById = new Map((db.schema.typeDefinition?.entities ?? []).map((t) => [t.$id, t]));
  const byService = new Map<string, Entity[]>();
  for (const r of resources) {
    const service = serviceOf(String(r.cloudFormationType));
    byService.set(service, [...(byService.get(service) ?? []), r]);
  }
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const index: Index = { version, services: {} };
  for (const [service, list] of byService) {
    const types: Record<string, Entity> = {};
    const pending = new Set<string>();
    for (const r of list) refsIn(r, pending);
    for (const id of pending) {
      const t = typeById.get(id);
      if (!t || types[id]) continue;
      types[id] = t;
      refsIn(t, pending); // a Set visits what is added while iterating
    }
    const slice = { resources: Object.fromEntries(list.map((r) => [r.cloudFormationType, r])), types };
    writeFileSync(join(staging, fileOf(service)), JSON.stringify(slice));
    index.services[service] = list.map((r) => String(r.cloudFormationType));
  }
  writeFileSync(join(staging, 'index.json'), JSON.stringify(index));
  mkdirSync(dirname(dir), { recursive: true });
  try {
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'index.json'))) throw err; // another process won the race: its slices are as good
  }
}

function candidates(version: string): string[] {
  const own = process.env.SCALELAB_SPEC_CACHE;
  if (own) return [join(own, version)];
  const { dir } = specPackage();
  // node_modules/@aws-cdk/aws-service-spec → node_modules/.cache/scalelab-spec/<version>
  return [join(dir, '..', '..', '.cache', 'scalelab-spec', version), join(tmpdir(), 'scalelab-spec', version)];
}

/** The slices folder for the installed spec version, made on first use. */
export function slicesDir(): string {
  const { version } = specPackage();
  const dirs = candidates(version);
  const ready = dirs.find((d) => existsSync(join(d, 'index.json')));
  if (ready) return ready;
  let lastError: unknown;
  for (const d of dirs) {
    try {
      writeSlices(d);
      return d;
    } catch (err) {
      lastError = err; // e.g. a read-only node_modules: try the next place
    }
  }
  throw new Error(`Could not write the CloudFormation spec cache (${dirs.join(', ')}): ${String(lastError)}`);
}

/** Reads slices on demand and keeps what it read. */
export class SliceReader {
  private readonly slices = new Map<string, Slice | undefined>();
  private index: Index | undefined;
  /** How many service slices were read from disk (the bench reports it). */
  reads = 0;

  constructor(private readonly dir: string) {}

  private readIndex(): Index {
    this.index ??= JSON.parse(readFileSync(join(this.dir, 'index.json'), 'utf8')) as Index;
    return this.index;
  }

  slice(service: string): Slice | undefined {
    if (!this.slices.has(service)) {
      const known = service in this.readIndex().services;
      this.reads += known ? 1 : 0;
      this.slices.set(
        service,
        known ? (JSON.parse(readFileSync(join(this.dir, fileOf(service)), 'utf8')) as Slice) : undefined,
      );
    }
    return this.slices.get(service);
  }

  typeNames(): string[] {
    return Object.values(this.readIndex().services).flat();
  }

  /** A type definition, looked up in the slices read so far (a resource's types travel in its own slice). */
  typeDefinition(id: string): TypeDefinition | undefined {
    for (const s of this.slices.values()) {
      const t = s?.types[id];
      if (t) return t;
    }
    return undefined;
  }
}
