/**
 * The catalog routes, registered as one encapsulated plugin: multipart uploads (one .xlsx of at most
 * 10 MB) are accepted only here, and a 400 of the catalog entry rules lists every problem. The
 * public open-resource routes are src/publication's (over `listPublicResources` / `findPublicResource`).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { CommandDeps } from '../../platform/command.ts';
import { MAX_UPLOAD_BYTES } from '../excel.ts';
import { registerCloudRoutes } from './cloud.ts';
import { answerProblems } from './common.ts';
import { registerMetaRoutes } from './meta.ts';
import { registerMetricRoutes } from './metrics.ts';
import { registerResourceRoutes } from './resources.ts';
import { registerSystemRoutes } from './systems.ts';
import { registerTransferRoutes } from './transfer.ts';

export function registerCatalogRoutes(app: FastifyInstance, deps: CommandDeps): void {
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5, headerPairs: 200 },
    });
    answerProblems(scope);
    registerMetaRoutes(scope, deps);
    registerTransferRoutes(scope, deps);
    registerSystemRoutes(scope, deps);
    registerResourceRoutes(scope, deps);
    registerCloudRoutes(scope, deps);
    registerMetricRoutes(scope, deps);
  });
}
