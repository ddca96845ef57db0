/** Construction (issue 12): contracts with procurement, filing and deliverables. See README.md. */
export { CONSTRUCTION_ACCESS } from './access.ts';
export { fileContract } from './commands/file-contract.ts';
export { signContract } from './commands/sign-contract.ts';
export { COMPETITIVE_METHODS } from './model.ts';
export { listContracts } from './queries/contracts.ts';
export { registerConstructionRoutes } from './routes.ts';
export { stepFor } from './rules.ts';
export { contractDeliverables, contracts, rectificationOrders } from './tables.ts';
