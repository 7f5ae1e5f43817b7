import type { ArchitectureSnapshot, NodeKind } from './model';

/** The most a snapshot may weigh in the run row (JSON bytes): a lab is a few KiB; this bounds a crowded account. */
export const MAX_SNAPSHOT_BYTES = 48 * 1024;

const bytes = (s: unknown) => Buffer.byteLength(JSON.stringify(s), 'utf8');

/**
 * Keep a snapshot under `maxBytes`: at most `limit` nodes of each kind (halving the limit until it fits), edges to
 * dropped nodes removed, and how many of each kind were left out recorded in `omitted`, so the diagram says so.
 */
export function capSnapshot(snapshot: ArchitectureSnapshot, maxBytes = MAX_SNAPSHOT_BYTES): ArchitectureSnapshot {
  if (bytes(snapshot) <= maxBytes) return snapshot;
  for (let limit = 64; limit >= 1; limit = Math.floor(limit / 2)) {
    const kept = new Map<NodeKind, number>();
    const omitted: Partial<Record<NodeKind, number>> = {};
    const nodes = snapshot.nodes.filter((n) => {
      const count = (kept.get(n.kind) ?? 0) + 1;
      kept.set(n.kind, count);
      if (count <= limit) return true;
      omitted[n.kind] = (omitted[n.kind] ?? 0) + 1;
      return false;
    });
    const ids = new Set(nodes.map((n) => n.id));
    const capped: ArchitectureSnapshot = {
      ...snapshot,
      nodes,
      edges: snapshot.edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
      subnets: snapshot.subnets.slice(0, Math.max(limit, 4)),
      omitted,
    };
    if (bytes(capped) <= maxBytes) return capped;
  }
  // Even one of each is too much (absurdly long names): keep the frame only.
  return {
    ...snapshot,
    nodes: [],
    edges: [],
    subnets: [],
    omitted: Object.fromEntries(
      [...new Set(snapshot.nodes.map((n) => n.kind))].map((k) => [
        k,
        snapshot.nodes.filter((n) => n.kind === k).length,
      ]),
    ),
  };
}
