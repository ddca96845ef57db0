/** Authorization-matrix cases of the construction routes (issue 12): unknown objects answer 404 to allowed roles. */
import type { LightMyRequestResponse } from 'fastify';
import type { RouteCase } from './types.ts';

const NONE = '00000000-0000-4000-8000-000000000000';
const reached = (res: LightMyRequestResponse) => res.statusCode < 300 || res.statusCode === 404;
const RELATIONS = [
  'test/api/construction/construction-xz.test.ts: XZ-12 another department and another jurisdiction do not see the contracts',
];
const RECTIFICATION = [
  'test/api/construction/construction-sc.test.ts: SC-23 a refused rectification sets the gate facts, closes the funding gates and shows on the supervision board',
];
const EXTENSIONS = [
  'test/api/construction/construction-sc.test.ts: SC-15/SC-16/SC-17/SC-18/SC-19/SC-20a/SC-20b/SC-21 contract filed on the 调休 Saturday after 国庆, acceptance within six months, report filed',
  'test/api/construction/construction-dt.test.ts: DT-14/DT-17/DT-19/DT-22/DT-23/DT-24/DT-25/DT-26b/DT-26c budget review by the commissioned evaluator, contract filed late across 国庆, supervisor, acceptance extension, checklist, report within one month',
];
const CONTRACT = {
  number: 'M-1',
  procurementMethod: 'public_tender',
  procurementResult: '矩阵测试',
  contractorName: '矩阵承建单位',
  amount: '1.00',
  signedOn: '2026-11-23',
  ownershipClause: true,
  deliverables: [],
};

export const CASES: Record<string, RouteCase> = {
  'GET /api/projects/:id/contracts': {
    call: () => ({ url: `/api/projects/${NONE}/contracts` }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/contracts': {
    call: () => ({ url: `/api/projects/${NONE}/contracts`, body: CONTRACT }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/contracts/:contractId/file': {
    call: () => ({ url: `/api/projects/${NONE}/contracts/${NONE}/file`, body: { version: 1 } }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/contracts/:contractId/deliverables/:deliverableId/delivered': {
    call: () => ({ url: `/api/projects/${NONE}/contracts/${NONE}/deliverables/${NONE}/delivered` }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'GET /api/projects/:id/supervisors': {
    call: () => ({ url: `/api/projects/${NONE}/supervisors` }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/supervisors': {
    call: () => ({
      url: `/api/projects/${NONE}/supervisors`,
      body: { unitName: '矩阵监理', contractNumber: 'JL-1', procurementMethod: 'public_tender' },
    }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'GET /api/projects/:id/rectifications': {
    call: () => ({ url: `/api/projects/${NONE}/rectifications` }),
    allowed: reached,
    relationsTestedIn: RECTIFICATION,
  },
  'POST /api/projects/:id/rectifications': {
    call: () => ({
      url: `/api/projects/${NONE}/rectifications`,
      body: { problemKind: 'serious_delay', description: '矩阵测试', workingDays: 5 },
    }),
    allowed: reached,
    relationsTestedIn: RECTIFICATION,
  },
  'POST /api/projects/:id/rectifications/:rectificationId/report': {
    call: () => ({
      url: `/api/projects/${NONE}/rectifications/${NONE}/report`,
      body: { report: '矩阵测试', version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: RECTIFICATION,
  },
  'POST /api/projects/:id/rectifications/:rectificationId/decision': {
    call: () => ({
      url: `/api/projects/${NONE}/rectifications/${NONE}/decision`,
      body: { outcome: 'refused', note: '矩阵测试', version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: RECTIFICATION,
  },
  'GET /api/projects/:id/acceptance-extensions': {
    call: () => ({ url: `/api/projects/${NONE}/acceptance-extensions` }),
    allowed: reached,
    relationsTestedIn: EXTENSIONS,
  },
  'POST /api/projects/:id/acceptance-extensions': {
    call: () => ({
      url: `/api/projects/${NONE}/acceptance-extensions`,
      body: { deadlineId: 'sc.deadline.acceptance', until: '2027-06-30', reason: '矩阵测试' },
    }),
    allowed: reached,
    relationsTestedIn: EXTENSIONS,
  },
  'POST /api/projects/:id/acceptance-extensions/:extensionId/decision': {
    call: () => ({
      url: `/api/projects/${NONE}/acceptance-extensions/${NONE}/decision`,
      body: { decision: 'refuse', note: '矩阵测试', version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: EXTENSIONS,
  },
  'POST /api/projects/:id/acceptance-plan': {
    call: () => ({
      url: `/api/projects/${NONE}/acceptance-plan`,
      body: { deadlineId: 'dt.deadline.acceptance_application', plannedOn: '2026-10-16' },
    }),
    allowed: reached,
    relationsTestedIn: EXTENSIONS,
  },
};
