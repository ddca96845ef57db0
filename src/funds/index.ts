/**
 * What other modules may use of src/funds (资金: budgets, disbursements, ledger, publicity): the two
 * routes plugins src/app.ts registers and the disbursements table the cockpit counts. (src/access/matrix.ts
 * reads access.ts and src/platform/db/schema.ts reads tables.ts directly: see test/arch/boundaries.test.ts.)
 */
export { registerPublicFundsRoutes } from './public-routes.ts';
export { registerFundsRoutes } from './routes.ts';
export { disbursements } from './tables.ts';
