import type { Handlers } from '../context';
import { apiGatewayHandlers } from './api-gateway';
import { tagList } from './common';
import { databaseHandlers } from './databases';
import { lambdaHandlers } from './lambda';
import { messagingHandlers } from './messaging';
import { storageCdnHandlers } from './storage-cdn';

/** The managed services: storage and CDN, databases and caches, messaging and serverless. */
export const managedHandlers: Handlers = {
  ...storageCdnHandlers,
  ...databaseHandlers,
  ...messagingHandlers,
  ...lambdaHandlers,
  ...apiGatewayHandlers,
};

export { tagList };
