import type { Handlers } from '../context';
import { autoScalingHandlers } from './auto-scaling';
import { loadBalancingHandlers } from './load-balancing';
import { rdsHandlers } from './rds';

/** RDS, load balancing and Auto Scaling: what serves the requests and holds the data. */
export const computeHandlers: Handlers = { ...rdsHandlers, ...loadBalancingHandlers, ...autoScalingHandlers };
