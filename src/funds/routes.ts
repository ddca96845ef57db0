/**
 * The money routes (issue 13): thin handlers — validate, call a command or a read, present.
 * Money leaves as yuan decimal strings. Registered by area, in this order (the OpenAPI order):
 * the project's ledger page, budget review, 公示, disbursements. The public 公示 routes are
 * src/publication's (over queries/public-notices.ts and commands/file-objection.ts).
 */
import type { FastifyInstance } from 'fastify';
import { registerBudgetRoutes } from './budget-routes.ts';
import type { FundsDeps } from './commands/support.ts';
import { registerDisbursementRoutes } from './disbursement-routes.ts';
import { registerLedgerRoutes } from './ledger-routes.ts';
import { registerPublicityRoutes } from './publicity-routes.ts';

export type { FundsDeps };

export function registerFundsRoutes(root: FastifyInstance, deps: FundsDeps): void {
  registerLedgerRoutes(root, deps);
  registerBudgetRoutes(root, deps);
  registerPublicityRoutes(root, deps);
  registerDisbursementRoutes(root, deps);
}
