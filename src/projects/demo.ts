/**
 * Demo data for plans and reviews (run by src/bootstrap.ts in demo mode, inside the demo seed's
 * transaction): each demo jurisdiction's annual plan for this year, approved by its leadership body
 * (市人民政府, 区人民政府, 区政府常务会, 局党组), with an entry for each demo department, so that a
 * demo user can apply for a planned project at once; the demo experts in their jurisdiction's pool
 * with their fields (DT-09d); and last year's assessment of each demo department (DT-07, DT-31).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { roleAssignments, users } from '../identity/index.ts';
import { chinaDate } from '../platform/clock.ts';
import type { Tx } from '../platform/db/client.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { departmentAssessments, expertProfiles } from '../review/index.ts';
import { planEntries, plans } from './tables.ts';

interface DemoPlan {
  jurisdiction: string;
  /** Username of the compiler (authority) and of the approving leadership body. */
  compiler: string;
  approver: string;
  entries: { department: string; projectName: string; yuan: number }[];
}

const PLANS: DemoPlan[] = [
  {
    jurisdiction: 'DT',
    compiler: 'dt.reviewer',
    approver: 'dt.gov',
    entries: [
      { department: '大同市教育局', projectName: '智慧教育公共服务平台升级改造', yuan: 3_800_000 },
      { department: '大同市卫生健康委员会', projectName: '全民健康信息平台扩容', yuan: 5_200_000 },
      { department: '大同市市场监督管理局', projectName: '智慧市场监管一体化平台', yuan: 2_600_000 },
    ],
  },
  {
    jurisdiction: 'SC',
    compiler: 'sc.reviewer',
    approver: 'sc.gov',
    entries: [
      { department: '朔城区教育科技局', projectName: '校园安全智能监管平台', yuan: 1_600_000 },
      { department: '朔城区卫生健康和体育局', projectName: '区域医疗影像共享平台', yuan: 2_100_000 },
    ],
  },
  {
    jurisdiction: 'JC',
    compiler: 'jc.reviewer',
    approver: 'jc.gov',
    entries: [
      { department: '城区教育局', projectName: '教育数据资源中心', yuan: 900_000 },
      { department: '城区住房和城乡建设管理局', projectName: '城市更新项目管理系统', yuan: 1_200_000 },
    ],
  },
  {
    jurisdiction: 'XZ',
    compiler: 'xz.reviewer',
    approver: 'xz.party',
    entries: [
      { department: '忻州市公路事业发展中心', projectName: '公路养护巡检系统升级', yuan: 2_400_000 },
      { department: '忻州市道路运输服务中心', projectName: '道路运输电子证照应用', yuan: 800_000 },
    ],
  },
];

const EXPERTS: { username: string; fields: string[]; title: string }[] = [
  { username: 'dt.expert', fields: ['information_systems', 'network_engineering', 'cost'], title: '教授' },
  { username: 'sc.expert', fields: ['information_systems', 'hardware'], title: '教授' },
  { username: 'jc.expert', fields: ['information_systems', 'audit'], title: '教授' },
  { username: 'xz.expert', fields: ['network_engineering', 'supervision'], title: '教授' },
];

const ASSESSMENTS: { department: string; score: number; grade: string; summary: string }[] = [
  { department: '大同市教育局', score: 88, grade: 'good', summary: '在建项目按期推进；数据共享率有待提高。' },
  { department: '大同市卫生健康委员会', score: 93, grade: 'excellent', summary: '运维规范，群众满意度高。' },
  { department: '朔城区教育科技局', score: 79, grade: 'pass', summary: '验收报告备案滞后，已整改。' },
  { department: '城区教育局', score: 85, grade: 'good', summary: '数据落盘和共享机制健全。' },
  { department: '忻州市公路事业发展中心', score: 82, grade: 'good', summary: '上云迁移按计划完成。' },
];

export async function seedProjectDemo(tx: Tx, now: Date): Promise<void> {
  const year = Number(chinaDate(now).slice(0, 4));
  const userRows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(users.username, [
        ...PLANS.flatMap((p) => [p.compiler, p.approver]),
        ...EXPERTS.map((e) => e.username),
      ]),
    );
  const userId = (username: string) => {
    const found = userRows.find((u) => u.username === username);
    if (!found) throw new Error(`demo user missing: ${username}`);
    return found.id;
  };
  const orgRows = await tx
    .select({ id: organisations.id, name: organisations.name, jurisdictionId: organisations.jurisdictionId })
    .from(organisations);
  const orgId = (name: string) => {
    const found = orgRows.find((o) => o.name === name);
    if (!found) throw new Error(`demo organisation missing: ${name}`);
    return found.id;
  };
  const jurisdictionRows = await tx
    .select({ id: jurisdictions.id, code: jurisdictions.code })
    .from(jurisdictions);

  for (const plan of PLANS) {
    const compilerId = userId(plan.compiler);
    const [assignment] = await tx
      .select({
        organisationId: roleAssignments.organisationId,
        jurisdictionId: roleAssignments.jurisdictionId,
      })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, compilerId), eq(roleAssignments.role, 'authority_reviewer')));
    const jurisdiction = jurisdictionRows.find((j) => j.code === plan.jurisdiction);
    if (!assignment || !jurisdiction) throw new Error(`demo plan compiler missing: ${plan.compiler}`);
    const [row] = await tx
      .insert(plans)
      .values({
        jurisdictionId: jurisdiction.id,
        organisationId: assignment.organisationId,
        scope: 'jurisdiction',
        kind: 'annual',
        title: `${year}年度政务信息化项目计划`,
        year,
        endYear: year,
        summary: '演示数据：已批准的年度计划，各部门可据此申报计划内项目。',
        status: 'approved',
        decidedBy: userId(plan.approver),
        decidedAt: now,
        decisionOpinion: '同意',
        createdBy: compilerId,
        createdAt: now,
      })
      .returning({ id: plans.id });
    await tx.insert(planEntries).values(
      plan.entries.map((e) => ({
        planId: row.id,
        organisationId: orgId(e.department),
        projectName: e.projectName,
        estimatedBudgetFen: BigInt(e.yuan) * 100n,
        year,
        summary: '',
        createdAt: now,
      })),
    );
  }

  for (const expert of EXPERTS) {
    const id = userId(expert.username);
    const [assignment] = await tx
      .select({
        organisationId: roleAssignments.organisationId,
        jurisdictionId: roleAssignments.jurisdictionId,
      })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, id), eq(roleAssignments.role, 'expert')));
    if (!assignment) throw new Error(`demo expert role missing: ${expert.username}`);
    await tx.insert(expertProfiles).values({
      userId: id,
      jurisdictionId: assignment.jurisdictionId,
      fields: expert.fields,
      employerOrganisationId: assignment.organisationId,
      title: expert.title,
      createdBy: id,
      createdAt: now,
    });
  }

  const recorder = userId('dt.reviewer');
  await tx.insert(departmentAssessments).values(
    ASSESSMENTS.map((a) => ({
      organisationId: orgId(a.department),
      year: year - 1,
      score: a.score,
      grade: a.grade,
      summary: a.summary,
      recordedBy: recorder,
      createdAt: now,
    })),
  );
}
