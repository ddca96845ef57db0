/**
 * HTTP routes of the operations module: validate → command or query → answer. No drizzle, no rules.
 * Registered by area, in this order (the OpenAPI order): security archive, emergency plans and
 * incidents, data responsibility, cloud and monitoring, retirement.
 */
import type { FastifyInstance } from 'fastify';
import type { CommandDeps } from '../platform/command.ts';
import { registerCloudRoutes } from './cloud-routes.ts';
import { registerDataRoutes } from './data-routes.ts';
import { registerEmergencyRoutes } from './emergency-routes.ts';
import { registerRetirementRoutes } from './retirement-routes.ts';
import { registerSecurityRoutes } from './security-routes.ts';

export function registerOperationsRoutes(root: FastifyInstance, deps: CommandDeps): void {
  registerSecurityRoutes(root, deps);
  registerEmergencyRoutes(root, deps);
  registerDataRoutes(root, deps);
  registerCloudRoutes(root, deps);
  registerRetirementRoutes(root, deps);
}
