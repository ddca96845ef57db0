/**
 * What other modules may use of src/funds (资金: budgets, disbursements, ledger, publicity): the routes
 * plugin src/app.ts registers, the disbursements table the cockpit counts, and the public 公示 page's
 * reads, anonymous objection and their schemas, which src/publication serves. (src/access/matrix.ts
 * reads access.ts and src/platform/db/schema.ts reads tables.ts directly: see test/arch/boundaries.test.ts.)
 */
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
