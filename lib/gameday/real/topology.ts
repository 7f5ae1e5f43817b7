import type { RegionView } from '@/lib/sandbox/data-plane/view';
import type { LabTopology } from '../world';
import type { RealLab } from './faults';

/** What the verdict needs of a real lab, kept in the drill's job so a server that closes it needs no describe. */
export interface LabSummary {
  web: { id: string; az: string }[];
  database?: { id: string; az: string; multiAz: boolean };
}

export function summarize(lab: RealLab): LabSummary {
  const db = lab.database;
  return {
    web: lab.web.map((i) => ({ id: i.InstanceId ?? '', az: i.Placement?.AvailabilityZone ?? '' })),
    ...(db
      ? {
          database: {
            id: db.DBInstanceIdentifier ?? '',
            az: db.AvailabilityZone ?? '',
            multiAz: db.MultiAZ === true,
          },
        }
      : {}),
  };
}

/**
 * The lab as the verdict code reads it (lib/gameday/verdict.ts names the single-AZ database or the single web
 * instance from the topology): the SDK shapes, with only what a real drill observed filled in.
 */
export function realTopology(region: string, lab: LabSummary): LabTopology {
  const instances = lab.web.map((w) => ({ InstanceId: w.id, Placement: { AvailabilityZone: w.az } }));
  const db = lab.database && {
    DBInstanceIdentifier: lab.database.id,
    AvailabilityZone: lab.database.az,
    MultiAZ: lab.database.multiAz,
  };
  const regionView: RegionView = {
    region,
    vpcs: [],
    subnets: [],
    routeTables: [],
    internetGateways: [],
    networkAcls: [],
    securityGroups: [],
    instances,
    addresses: [],
    loadBalancers: [],
    listeners: [],
    rules: {},
    targetGroups: [],
    registered: {},
    dbInstances: db ? [db] : [],
    dbClusters: [],
    apps: {},
  };
  return { regionView, targetGroups: [], web: instances, ...(db ? { database: db } : {}) };
}
