import type { Handlers } from '../context';
import { tagList } from './common';
import { databaseHandlers } from './databases';
import { messagingHandlers } from './messaging';
import { storageCdnHandlers } from './storage-cdn';

/** The managed services: storage and CDN, databases and caches, messaging and serverless. */
export const managedHandlers: Handlers = { ...storageCdnHandlers, ...databaseHandlers, ...messagingHandlers };

export { tagList };
