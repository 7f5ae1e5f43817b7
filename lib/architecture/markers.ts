import type { Evidence } from '@/checkers/define';
import type { Localized } from '@/lib/i18n/locales';
import type { ArchitectureSnapshot } from './model';

/** A check result as the run stores it (the fields the diagram needs). */
export interface JudgedResult {
  id: string;
  status: string;
  severity?: string;
  message: Localized;
  evidence: Evidence[];
}

/** A failing check on one element, with the evidence about that element. */
export interface Marker {
  checkId: string;
  severity?: string;
  message: Localized;
  evidence: Evidence[];
}

export interface Markers {
  /** Element id (VPC, subnet, node) → the failing checks that judged it. */
  byElement: Record<string, Marker[]>;
  /** Failing checks whose evidence names nothing the diagram draws (no lab yet, a trail, a dashboard, ...). */
  unplaced: Marker[];
}

/** The host of a URL evidence (`http://203.0.113.10/` → `203.0.113.10`), or undefined. */
function hostOf(id: string): string | undefined {
  try {
    return new URL(id).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Put each failing check on the elements its evidence names: a node by its id or one of its refs (an ARN, a DNS
 * name, a public IP, a security group it wears), a subnet or the VPC by id, a URL by its host. A security group is
 * not drawn on its own: its failure marks the resources that wear it.
 */
export function failureMarkers(snapshot: ArchitectureSnapshot, results: readonly JudgedResult[]): Markers {
  const byElement: Record<string, Marker[]> = {};
  const unplaced: Marker[] = [];
  const direct = new Set([...(snapshot.vpc ? [snapshot.vpc.id] : []), ...snapshot.subnets.map((s) => s.id)]);
  const elementsNamed = (name: string): string[] => {
    if (direct.has(name)) return [name];
    return snapshot.nodes.filter((n) => n.id === name || n.refs?.includes(name)).map((n) => n.id);
  };
  for (const r of results) {
    if (r.status !== 'fail') continue;
    const found = new Map<string, Evidence[]>();
    for (const e of r.evidence) {
      const name = e.type === 'URL' ? hostOf(e.id) : e.id;
      for (const id of name ? elementsNamed(name) : []) found.set(id, [...(found.get(id) ?? []), e]);
    }
    const base = { checkId: r.id, message: r.message, ...(r.severity ? { severity: r.severity } : {}) };
    if (!found.size) {
      unplaced.push({ ...base, evidence: r.evidence });
      continue;
    }
    for (const [id, evidence] of found) byElement[id] = [...(byElement[id] ?? []), { ...base, evidence }];
  }
  return { byElement, unplaced };
}
