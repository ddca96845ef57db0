/**
 * Types of the evaluation rules (issue 14): self-evaluation, finance spot-checks, the yearly
 * assessment, efficacy evaluation and rectification, as each jurisdiction's text assigns them. Each
 * rulebook file carries its own section as data (`DT_EVALUATION` in jurisdictions/dt.ts, …);
 * `evaluation.ts` holds the lookup and the pure functions over it.
 */

export interface EvaluationRules {
  /** Who self-evaluates after the budget year and to whom the report goes (DT-27, SC-22, XZ-22). */
  selfEvaluation: {
    articles: string[];
    wording: string;
    /**
     * The rulebook organisation that self-evaluates every project (XZ 第二十二条: 市交通运输数据中心);
     * null: each project's own department (DT 市直部门, SC 项目建设单位).
     */
    submitterOrgKey: string | null;
  };
  /**
   * The finance body that spot-checks self-evaluations and evaluates key projects (SC-22 区财政局,
   * XZ-23 财务科), as a rulebook organisation key; null where the text names none (DT).
   */
  spotCheck: { financeOrgKey: string; financeName: string; articles: string[] } | null;
  /** The yearly performance assessment of each department's projects (DT-07, DT-28, SC-24, XZ-25). */
  assessment: { articles: string[]; wording: string };
  /** Efficacy evaluation: document review, third party, public questionnaire (DT-30, SC-24, XZ-26). */
  efficacy: { articles: string[] };
  /** Rectification opinions on findings (DT-31, SC-23, XZ-24). */
  rectification: { articles: string[] };
  /** The results feed next year's review (DT-31, SC-24, XZ-25). */
  nextYearReference: { articles: string[] };
  /** 一汇编一公示 (DT-07); null where the text requires no publication (it stays possible). */
  publication: { articles: string[] } | null;
}
