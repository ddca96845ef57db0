/** Construction (issue 12): contracts with procurement, filing and deliverables. See README.md. */
export { CONSTRUCTION_ACCESS } from './access.ts';
export { COMPETITIVE_METHODS, fileContract, listContracts, signContract, stepFor } from './contracts.ts';
export { registerConstructionRoutes } from './routes.ts';
export { contractDeliverables, contracts, rectificationOrders } from './tables.ts';
