/**
 * Authorization-matrix cases (see harness.ts) of plans and plan entries, on the
 * projects part's fixtures.
 */
import {
  byDepartment,
  byJurisdiction,
  catalogOrg,
  fx,
  listByJurisdiction,
  listByOrganisation,
  reached,
  shared,
} from './harness.ts';
import type { RouteCase } from './types.ts';

/** These routes share the projects part's fixtures. */
export const PART = 'projects';

export const CASES: Record<string, RouteCase> = {
  'GET /api/plans': {
    call: () => ({ url: '/api/plans' }),
    relations: listByJurisdiction('/api/plans', 'dt.reviewer'),
  },
  'POST /api/plans': {
    call: () => ({
      url: '/api/plans',
      body: { kind: 'annual', title: '矩阵年度计划', year: 2026, summary: '' },
    }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: () => ({
          url: '/api/plans',
          body: { kind: 'annual', title: '教育局年度计划', year: 2026, summary: '' },
        }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async () => ({
          url: '/api/plans',
          body: {
            kind: 'annual',
            title: '卫健委年度计划',
            year: 2026,
            summary: '',
            organisationId: await catalogOrg('大同市卫生健康委员会'),
          },
        }),
      },
    ],
  },
  'GET /api/plans/:id': {
    call: async () => ({ url: `/api/plans/${(await shared()).planId}` }),
    allowed: reached,
    relations: byJurisdiction(async () => ({ url: `/api/plans/${await fx().reportedPlan()}` })),
  },
  'PATCH /api/plans/:id': {
    call: async () => ({
      url: `/api/plans/${(await shared()).planId}`,
      body: { summary: '矩阵', version: 1 },
    }),
    allowed: reached,
    relations: byDepartment(async () => {
      const plan = await fx().departmentPlan();
      return { url: `/api/plans/${plan.id}`, body: { summary: '修改', version: plan.version } };
    }),
  },
  'POST /api/plans/:id/entries': {
    call: async () => ({
      url: `/api/plans/${(await shared()).planId}/entries`,
      body: {
        organisationId: await catalogOrg('大同市教育局'),
        projectName: '矩阵条目',
        estimatedBudget: '100',
        year: 2026,
        summary: '',
      },
    }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/plans/${(await fx().departmentPlan()).id}/entries`,
      body: {
        organisationId: await catalogOrg('大同市教育局'),
        projectName: '矩阵条目',
        estimatedBudget: '100',
        year: 2026,
        summary: '',
      },
    })),
  },
  'DELETE /api/plans/:id/entries/:entryId': {
    call: async () => {
      const o = await shared();
      return { url: `/api/plans/${o.planId}/entries/${o.planEntryId}` };
    },
    allowed: reached,
    relations: byDepartment(async () => {
      const plan = await fx().departmentPlan(true);
      return { url: `/api/plans/${plan.id}/entries/${plan.entryId}` };
    }),
  },
  'POST /api/plans/:id/submit': {
    call: async () => ({ url: `/api/plans/${(await shared()).planId}/submit` }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/plans/${(await fx().departmentPlan(true)).id}/submit`,
    })),
  },
  'POST /api/plans/:id/decision': {
    call: async () => ({
      url: `/api/plans/${await fx().reportedPlan()}/decision`,
      body: { decision: 'approve', opinion: '' },
    }),
    allowed: reached,
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.gov',
        call: async () => ({
          url: `/api/plans/${await fx().reportedPlan()}/decision`,
          body: { decision: 'approve', opinion: '同意' },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'sc.gov',
        call: async () => ({
          url: `/api/plans/${await fx().reportedPlan()}/decision`,
          body: { decision: 'approve', opinion: '' },
        }),
      },
    ],
  },
  'GET /api/plan-entries': {
    call: () => ({ url: '/api/plan-entries' }),
    relations: listByOrganisation('/api/plan-entries', 'organisationId'),
  },
};
