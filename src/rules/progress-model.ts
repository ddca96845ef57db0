/**
 * Types of the progress and change-request rules (issue 12): how often the building unit reports
 * progress (DT 第二十条/第二十一条, SC 第十七条, XZ 第十六条) and who evaluates and who decides an
 * adjustment application (调整申请), in which order (JC 五.5 reverses it). Each rulebook file carries
 * its own section as data (`DT_PROGRESS` in jurisdictions/dt.ts, …); src/progress reads it.
 */

/** A body that acts: a rulebook organisation key and the roles of its users that may act. */
export interface ProgressActor {
  org: string;
  roles: string[];
  /** Chinese: who this is, as the text names it. */
  name: string;
}

/** evaluate → decide (DT/SC/XZ: 综合评估后提出意见), or decide → evaluate (JC 五.5: 申请通过后…综合评估). */
export type ChangeOrder = 'evaluate_then_decide' | 'decide_then_evaluate';

export interface ProgressRules {
  reports: {
    articles: string[];
    /** Who reports (the step actor of construction in the rulebook, e.g. XZ's 数据中心). */
    reporter: ProgressActor;
    /** Months per reporting period. */
    periodMonths: number;
    /** False: the text only says 定期; the period is the platform default (a reading). */
    periodFromText: boolean;
    /** A missing report is an obligation (reminded, overdue); false where the text asks for none (JC). */
    obligation: boolean;
    /** Working days after the period ends by which its report is due (a reading where the text is silent). */
    dueWorkingDays: number;
    wording: string;
  };
  changes: {
    articles: string[];
    order: ChangeOrder;
    /** Who files the 调整申请. */
    applicant: ProgressActor;
    evaluator: ProgressActor;
    decider: ProgressActor;
    /** The evaluation must name the departments or technical experts who took part (JC 五.5). */
    evaluationParticipants: boolean;
    wording: string;
  };
}
