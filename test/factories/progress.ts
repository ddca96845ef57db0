/**
 * Factories for the progress API tests (issue 12): a baseline, a monthly report and an adjustment
 * application (调整申请) as the routes take them, and the progress view as the routes answer it.
 */
import type { Session } from '../support/helper.ts';
import { expectStatus } from './projects.ts';

/** The baseline (进度计划) set after 立项: milestones and planned funds per month. */
export const BASELINE = {
  startOn: '2026-10-01',
  milestones: [
    { name: '需求分析', plannedOn: '2026-10-31' },
    { name: '系统开发', plannedOn: '2026-12-31' },
    { name: '试运行', plannedOn: '2027-02-28' },
    { name: '验收准备', plannedOn: '2027-03-31' },
  ],
  plannedFunds: [
    { period: '2026-10', amount: '200000' },
    { period: '2026-11', amount: '200000' },
    { period: '2026-12', amount: '300000' },
    { period: '2027-01', amount: '200000' },
    { period: '2027-02', amount: '200000' },
    { period: '2027-03', amount: '100000' },
  ],
};
/** The progress report for 2026-10. */
export const REPORT = {
  period: '2026-10',
  milestones: [{ name: '需求分析', doneOn: '2026-10-28' }],
  percentDone: 20,
  fundsUsed: '300000',
  note: '需求调研完成，硬件预付款已支付。',
};
/** An adjustment application (调整申请) of budget and schedule. */
export const CHANGE = {
  kinds: ['budget', 'schedule'],
  description: '增加区级数据共享接口，系统开发顺延一个月，总投资调增至 150 万元。',
  reason: '上级要求对接省级教育数据平台，建设内容发生重大变化。',
  totalBudget: '1500000',
  milestones: [
    { name: '需求分析', plannedOn: '2026-10-31' },
    { name: '系统开发', plannedOn: '2027-01-31' },
    { name: '试运行', plannedOn: '2027-03-31' },
    { name: '验收准备', plannedOn: '2027-04-30' },
  ],
  plannedFunds: [
    { period: '2026-10', amount: '300000' },
    { period: '2026-11', amount: '300000' },
    { period: '2026-12', amount: '300000' },
    { period: '2027-01', amount: '300000' },
    { period: '2027-02', amount: '200000' },
    { period: '2027-03', amount: '100000' },
  ],
};

/** GET /api/projects/:id/progress as the tests read it. */
export interface ProgressBody {
  established: boolean;
  can: { report: boolean; request: boolean; evaluate: boolean; decide: boolean };
  rules: { changeOrder: string; deciderName: string; periodMonths: number; periodFromText: boolean };
  baselines: {
    baselineVersion: number;
    totalBudget: string;
    milestones: { name: string; plannedOn: string }[];
  }[];
  currentBaselineVersion: number | null;
  reports: {
    period: string;
    baselineVersion: number;
    variance: {
      plannedPercent: number;
      scheduleVariancePoints: number;
      earnedValue: string;
      costVariance: string;
      costVariancePercent: number | null;
      fundsVsPlan: string;
      lateMilestones: string[];
    };
  }[];
  periods: { period: string; state: string; dueDate: string | null; late: boolean }[];
  changes: { id: string; state: string; version: number; baselineVersion: number | null }[];
  risk: { level: string; label: string; reasons: string[]; overdueObligations: number };
}

/** The progress of a project, as `s` sees it. */
export const progress = async (s: Session, id: string): Promise<ProgressBody> => {
  const res = await s.request('GET', `/api/projects/${id}/progress`);
  expectStatus(res, 200, 'progress');
  return res.json();
};
