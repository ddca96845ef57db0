/**
 * Authorization-matrix cases of 查重 (src/dedup/access.ts). The object relations are tested in
 * test/api/dedup/dedup.test.ts (named below); here every allowed role must reach the handler.
 */
import type { LightMyRequestResponse } from 'fastify';
import { login, type TestContext } from '../support/helper.ts';
import type { RouteCase } from './types.ts';

const reached = (res: LightMyRequestResponse) =>
  res.statusCode < 300 ||
  [400, 404, 409, 422].includes(res.statusCode) ||
  (res.statusCode === 403 && res.json().code !== 'FORBIDDEN');

const FILE = 'test/api/dedup/dedup.test.ts';

let project: Promise<string> | undefined;
function draftProject(ctx: TestContext): Promise<string> {
  project ??= (async () => {
    const staff = await login(ctx, 'dt.staff');
    const res = await staff.request('POST', '/api/projects', {
      name: '查重矩阵测试项目',
      type: 'new',
      category: 'application_system',
      fundingMode: 'government_investment',
      summary: '矩阵测试',
      totalBudget: '100000',
      budgetByYear: [{ year: 2026, amount: '100000' }],
      projectOwner: { name: '王敏', title: '科长', phone: '13812345678' },
      performanceTargets: [{ indicator: '覆盖率', target: '≥95%' }],
      declarations: { interoperable: true, onExtranet: true, onCloud: true, inDistrictBudget: true },
    });
    if (res.statusCode !== 201) throw new Error(`draft: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  })();
  return project;
}

let entry: Promise<string> | undefined;
function listEntry(ctx: TestContext): Promise<string> {
  entry ??= (async () => {
    const reviewer = await login(ctx, 'dt.reviewer');
    const res = await reviewer.request('POST', '/api/dedup/lists', {
      list: 'unified',
      code: 'MATRIX-1',
      name: '矩阵统建条目',
      phrases: ['矩阵统建'],
    });
    if (res.statusCode !== 201) throw new Error(`entry: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  })();
  return entry;
}

export const CASES: Record<string, RouteCase> = {
  'POST /api/dedup/check': {
    call: () => ({
      url: '/api/dedup/check',
      body: { name: '居家养老服务管理系统', functions: ['上门服务派单'] },
    }),
    allowed: reached,
    relationsTestedIn: [
      `${FILE}: 查重 checks compare within the caller’s jurisdictions: another jurisdiction is refused at the field`,
    ],
  },
  'GET /api/projects/:id/dedup': {
    call: async (ctx) => ({ url: `/api/projects/${await draftProject(ctx)}/dedup` }),
    allowed: reached,
    relationsTestedIn: [`${FILE}: 查重 results of a project are visible only to those who see the project`],
  },
  'POST /api/projects/:id/dedup/hits/:hitId/acknowledge': {
    call: async (ctx) => ({
      url: `/api/projects/${await draftProject(ctx)}/dedup/hits/00000000-0000-4000-8000-000000000000/acknowledge`,
      body: { note: '确认', version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: [
      `${FILE}: DT-12a/SC-12 a submission stores its check; the review cannot conclude while a high hit is unacknowledged`,
    ],
  },
  'GET /api/dedup/lists': {
    call: () => ({ url: '/api/dedup/lists' }),
    relationsTestedIn: [
      `${FILE}: SC-12 负面清单 and 统建清单 are kept by the authority of the jurisdiction; hits cite the entry`,
    ],
  },
  'POST /api/dedup/lists': {
    call: (_ctx, seq) => ({
      url: '/api/dedup/lists',
      body: { list: 'negative', code: `M-${seq}`, name: `矩阵负面条目${seq}`, phrases: ['自建机房'] },
    }),
    allowed: reached,
    relationsTestedIn: [`${FILE}: 查重 list entries of another jurisdiction cannot be changed or seen`],
  },
  'PUT /api/dedup/lists/:id': {
    call: async (ctx) => ({
      url: `/api/dedup/lists/${await listEntry(ctx)}`,
      body: { code: 'MATRIX-1', name: '矩阵统建条目', phrases: ['矩阵统建'], version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: [`${FILE}: 查重 list entries of another jurisdiction cannot be changed or seen`],
  },
};
