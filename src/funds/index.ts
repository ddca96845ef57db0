/**
 * What other modules may use of src/funds (资金: budgets, disbursements, ledger, publicity): the routes
 * plugin src/app.ts registers, the access rows src/access/matrix.ts composes, the disbursements table
 * the cockpit counts, and the public 公示 page's reads, anonymous objection and their schemas, which
 * src/publication serves. (Other modules' tables files and src/platform/db/schema.ts read tables.ts
 * directly: docs/decisions/0009-tables-surface.md.)
 */
export { FUNDS_ACCESS } from './access.ts';
export { fileObjection } from './commands/file-objection.ts';
export { type PublicFundsDeps, publicNoticeDetail, publicNoticePage } from './queries/public-notices.ts';
export { registerFundsRoutes } from './routes.ts';
export {
  Created as ObjectionCreated,
  IdParams as NoticeParams,
  ObjectionBody,
  PublicNoticeDetail,
  PublicNoticeList,
  PublicQuery as PublicNoticeQuery,
} from './schemas.ts';
export { disbursements } from './tables.ts';
