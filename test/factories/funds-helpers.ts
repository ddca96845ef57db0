/**
 * The money helpers of one test file bound to its context and sessions (SC and DT): the test files
 * of a jurisdiction share them instead of repeating the bindings after their `before`.
 */
import type { TestContext } from '../support/helper.ts';
import {
  arrangeScFunds,
  establishedDt,
  establishedSc as establishedScProject,
  fundedDt,
  recordBudgetReview,
  reviewedDt,
  SC_REVIEW,
  scDistrictFinance,
} from './funds.ts';
import { ProjectFixtures, type Sessions } from './projects.ts';

/**
 * The SC money helpers of one test file, on the context and sessions `env()` returns once its
 * `before` has run: the 区财政局's finance officer, the 安排经费 and an established SC project.
 */
export function scFundsHelpers(env: () => { ctx: TestContext; sessions: Sessions }) {
  /** An SC project of 朔城区教育科技局 taken to 立项 (called 《topic监管平台建设项目》). */
  const establishedSc = (topic = '校园安全', declarations?: Record<string, boolean>) =>
    establishedScProject(env().ctx, env().sessions, {
      topic,
      name: `${topic}监管平台建设项目`,
      declarations,
    });
  return {
    /** A finance officer of the 区财政局 (no demo account holds that role there). */
    districtFinance: () => scDistrictFinance(env().ctx, env().sessions),
    /** The 公示 and the 区财政局's 安排经费 after the budget review (SC-13): payments may be requested. */
    arrangeSc: (id: string, amount: string) => arrangeScFunds(env().ctx, env().sessions, id, amount),
    establishedSc,
    /** Such a project with the 区财政评审中心's budget review (SC_REVIEW) recorded (SC-13). */
    budgetedSc: async (topic: string) => {
      const id = await establishedSc(topic);
      await recordBudgetReview(await env().sessions.as('sc.finance'), id, SC_REVIEW);
      return id;
    },
  };
}

/**
 * The DT money helpers of one test file, on the context and sessions `env()` returns once its
 * `before` has run; the project fixtures are made once per sessions (a file that moves the clock
 * logs everyone in again and gets fresh fixtures with them).
 */
export function dtFundsHelpers(env: () => { ctx: TestContext; sessions: Sessions }) {
  const made = new WeakMap<Sessions, ProjectFixtures>();
  const fixtures = () => {
    const { ctx, sessions } = env();
    let found = made.get(sessions);
    if (!found) {
      found = new ProjectFixtures(ctx, sessions);
      made.set(sessions, found);
    }
    return found;
  };
  return {
    /** A DT project of 大同市教育局 taken to 立项 (see establishedDt). */
    establishedDt: (options: { commission?: boolean } = {}) =>
      establishedDt(fixtures(), env().sessions, options),
    /** An established DT project with its budget review recorded by the third party. */
    reviewedDt: () => reviewedDt(fixtures(), env().sessions),
    /** An established DT project whose budget stage is complete: reviewed, publicized, funds arranged. */
    fundedDt: () => fundedDt(env().ctx, fixtures(), env().sessions),
  };
}
