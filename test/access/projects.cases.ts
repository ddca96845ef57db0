/**
 * Authorization-matrix cases (see harness.ts) of projects (issue 5): DT projects
 * of 大同市教育局 (dt.staff), reviewed by 数字政府服务中心.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { applicationBody, FIVE_OPINIONS } from '../factories/projects.ts';
import { login } from '../support/helper.ts';
import {
  byDepartment,
  byJurisdiction,
  catalogOrg,
  env,
  fx,
  reached,
  shared,
  stepUrl,
  uploadCall,
  userIdOf,
} from './harness.ts';
import type { RouteCase } from './types.ts';

export const CASES: Record<string, RouteCase> = {
  'GET /api/projects': {
    call: () => ({ url: '/api/projects' }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: async () => ({ url: `/api/projects?organisationId=${await catalogOrg('大同市教育局')}` }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async () => ({
          url: `/api/projects?organisationId=${await catalogOrg('大同市卫生健康委员会')}`,
        }),
      },
    ],
  },
  'GET /api/projects/meta': { call: () => ({ url: '/api/projects/meta' }) },
  'POST /api/projects': {
    call: () => ({ url: '/api/projects', body: applicationBody() }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: () => ({ url: '/api/projects', body: applicationBody() }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async () => ({
          url: '/api/projects',
          body: applicationBody({ organisationId: await catalogOrg('大同市卫生健康委员会') }),
        }),
      },
    ],
  },
  'GET /api/projects/:id': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await shared()).submittedId}` })),
  },
  'PATCH /api/projects/:id': {
    call: async () => ({
      url: `/api/projects/${(await shared()).draftId}`,
      body: { summary: '矩阵修改', version: 1 },
    }),
    allowed: reached,
    relations: byDepartment(async () => {
      const draft = await fx().draft();
      return { url: `/api/projects/${draft.id}`, body: { summary: '矩阵修改', version: draft.version } };
    }),
  },
  'POST /api/projects/:id/submit': {
    call: async () => ({ url: `/api/projects/${(await shared()).draftId}/submit` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await fx().ready()).id}/submit` })),
  },
  'POST /api/projects/:id/withdraw': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/withdraw`,
      body: { reason: '' },
    }),
    allowed: reached,
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.staff',
        call: async () => ({
          url: `/api/projects/${await fx().submitted()}/withdraw`,
          body: { reason: '补充材料' },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'sc.reviewer',
        call: async () => ({ url: `/api/projects/${await fx().submitted()}/withdraw`, body: { reason: '' } }),
      },
    ],
  },
  'POST /api/projects/:id/steps/:stepId/decision': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'decision'),
      body: { outcome: 'review_completed', opinion: '同意' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().reviewed(), 'decision'),
      body: { outcome: 'review_completed', opinion: '同意' },
    })),
  },
  // DT's review step lets no fact be established: the route is reached (400 FINDING_NOT_ALLOWED);
  // the JC 立项备案 findings themselves are in test/api/projects/projects-jc.test.ts.
  'PUT /api/projects/:id/steps/:stepId/findings': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'findings'),
      body: { fact: 'interoperable', value: true, reason: '经核实可互联互通' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().reviewed(), 'findings'),
      body: { fact: 'interoperable', value: true, reason: '经核实可互联互通' },
    })).map((r) => ({
      ...r,
      allowed: (res: LightMyRequestResponse) =>
        res.statusCode === 400 && res.json().code === 'FINDING_NOT_ALLOWED',
    })),
  },
  'POST /api/projects/:id/steps/:stepId/return': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'return'),
      body: { to: 'applicant', reason: '请补充材料' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().submitted(), 'return'),
      body: { to: 'applicant', reason: '请补充材料' },
    })),
  },
  'POST /api/projects/:id/steps/:stepId/reassign': {
    call: async () => ({
      url: stepUrl((await shared()).submittedId, 'reassign'),
      body: { userId: await fx().colleague(), note: '' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: stepUrl(await fx().submitted(), 'reassign'),
      body: { userId: await fx().colleague(), note: '代为审核' },
    })),
  },
  'GET /api/projects/:id/steps/:stepId/colleagues': {
    call: async () => ({ url: stepUrl((await shared()).submittedId, 'colleagues') }),
    allowed: reached,
    relations: byJurisdiction(async () => ({ url: stepUrl((await shared()).submittedId, 'colleagues') })),
  },
  'POST /api/projects/:id/steps/:stepId/urge': {
    call: async () => ({ url: stepUrl((await shared()).submittedId, 'urge'), body: { message: '' } }),
    allowed: reached,
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.staff',
        call: async () => ({ url: stepUrl(await fx().submitted(), 'urge'), body: { message: '请尽快办理' } }),
      },
      {
        side: 'other_jurisdiction',
        as: 'sc.reviewer',
        call: async () => ({ url: stepUrl((await shared()).submittedId, 'urge'), body: { message: '' } }),
      },
    ],
  },
  'POST /api/projects/:id/comments': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/comments`,
      body: { text: '矩阵意见' },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/comments`,
      body: { text: '矩阵意见' },
    })),
  },
  'GET /api/projects/:id/timeline': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/timeline` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await shared()).submittedId}/timeline` })),
  },
  'GET /api/projects/:id/submissions': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/submissions` }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/submissions`,
    })),
  },
  'GET /api/projects/:id/submissions/:seq': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/submissions/1` }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/submissions/1`,
    })),
  },
  'POST /api/projects/:id/materials': {
    call: async () => uploadCall((await shared()).draftId),
    allowed: reached,
    relations: byDepartment(async () => uploadCall((await fx().draft()).id)),
  },
  'DELETE /api/projects/:id/materials/:materialId': {
    call: async () => {
      const o = await shared();
      return { url: `/api/projects/${o.filedId}/materials/${o.filedMaterialId}` };
    },
    allowed: reached,
    relations: byDepartment(async () => {
      const { id } = await fx().draft();
      const staff = await login(env.ctx, 'dt.staff');
      const call = uploadCall(id);
      const res = await staff.request('POST', call.url, call.body, call.headers);
      assert.equal(res.statusCode, 201, res.body);
      return { url: `/api/projects/${id}/materials/${res.json().id}` };
    }),
  },
  'GET /api/projects/:id/materials/:materialId/download': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/materials/${(await shared()).materialId}/download`,
    }),
    allowed: reached,
    relations: byDepartment(async () => ({
      url: `/api/projects/${(await shared()).submittedId}/materials/${(await shared()).materialId}/download`,
    })),
  },
  'GET /api/tasks': { call: () => ({ url: '/api/tasks' }) },
  'GET /api/notifications': { call: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:id/read': {
    call: () => ({ url: '/api/notifications/00000000-0000-4000-8000-000000000000/read' }),
    allowed: reached,
  },
  'GET /api/projects/:id/review': {
    call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/review` }),
    allowed: reached,
    relations: byJurisdiction(async () => ({ url: `/api/projects/${(await shared()).submittedId}/review` })),
  },
  'PUT /api/projects/:id/review': {
    call: async () => ({
      url: `/api/projects/${(await shared()).submittedId}/review`,
      body: { opinions: FIVE_OPINIONS },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: `/api/projects/${await fx().submitted()}/review`,
      body: { opinions: FIVE_OPINIONS },
    })),
  },
  'GET /api/projects/:id/experts': {
    call: async () => ({ url: `/api/projects/${(await shared()).assignedId}/experts` }),
    allowed: reached,
    relations: [
      {
        side: 'assigned',
        as: 'dt.expert',
        call: async () => ({ url: `/api/projects/${(await shared()).assignedId}/experts` }),
      },
      {
        side: 'unassigned',
        as: 'dt.expert',
        call: async () => ({ url: `/api/projects/${(await shared()).submittedId}/experts` }),
      },
    ],
  },
  'POST /api/projects/:id/experts': {
    call: async () => ({
      url: `/api/projects/${(await shared()).filedId}/experts`,
      body: { userId: await userIdOf('dt.evaluator'), kind: 'evaluator', field: null },
    }),
    allowed: reached,
    relations: byJurisdiction(async () => ({
      url: `/api/projects/${await fx().submitted()}/experts`,
      body: { userId: await userIdOf('dt.evaluator'), kind: 'evaluator', field: null },
    })),
  },
  'POST /api/projects/:id/expert-opinion': {
    call: async () => ({
      url: `/api/projects/${(await shared()).assignedId}/expert-opinion`,
      body: { opinion: '方案可行，建议复用现有平台。', conclusion: 'agree' },
    }),
    allowed: reached,
    relations: [
      {
        side: 'assigned',
        as: 'dt.expert',
        call: async () => ({
          url: `/api/projects/${(await shared()).assignedId}/expert-opinion`,
          body: { opinion: '方案可行。', conclusion: 'agree' },
        }),
      },
      {
        side: 'unassigned',
        as: 'dt.expert',
        call: async () => ({
          url: `/api/projects/${(await shared()).submittedId}/expert-opinion`,
          body: { opinion: '方案可行。', conclusion: 'agree' },
        }),
      },
    ],
  },
  'GET /api/projects/:id/certificates': {
    call: async () => ({ url: `/api/projects/${(await shared()).filedId}/certificates` }),
    allowed: reached,
    relations: byDepartment(async () => ({ url: `/api/projects/${(await shared()).filedId}/certificates` })),
  },
  'GET /api/projects/:id/certificates/:certificateId/download': {
    call: async () => {
      const o = await shared();
      return { url: `/api/projects/${o.filedId}/certificates/${o.certificateId}/download?format=docx` };
    },
    allowed: reached,
    relations: byDepartment(async () => {
      const o = await shared();
      return { url: `/api/projects/${o.filedId}/certificates/${o.certificateId}/download?format=docx` };
    }),
  },
};
