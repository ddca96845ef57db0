/**
 * Authorization-matrix cases of src/operations (issue 15). Allowed roles reach the handler (success,
 * or the object relation's 404 / a rule's refusal — anything but the matrix's own 403 FORBIDDEN);
 * both sides of each relation are tested in test/api/operations/operations-security.test.ts and
 * operations-governance.test.ts.
 */
import type { LightMyRequestResponse } from 'fastify';
import { login, type Session, type TestContext } from '../support/helper.ts';
import type { Call, RouteCase } from './types.ts';

const RELATIONS = [
  'test/api/operations/operations-security.test.ts: operations routes: the own department and the authority reach a system’s records; other departments and jurisdictions get 404 or 403',
];
const DECISIONS = [
  ...RELATIONS,
  'test/api/operations/operations-governance.test.ts: XZ-08b XZ-28 XZ-30 cloud counts per department count only the 市级政务云 in XZ; exemptions and O&M handover',
];
const LEFTOVERS = [
  'test/api/operations/operations-leftovers.test.ts: SC-27 daily monitoring of a running SC system: entries per day, missing days flagged, other departments get 404 or 403',
];
const INDUSTRY = [
  'test/api/operations/operations-leftovers.test.ts: XZ-30 a system on an industry cloud records its plan to come under the city cloud; unplanned and overdue ones are flagged in XZ only',
];
const LIBRARIES = [
  'test/api/operations/operations-governance.test.ts: DT-33 DT-34 JC-06 base libraries with their responsible body; each resource names who collects, checks and answers',
];

const reached = (res: LightMyRequestResponse) =>
  res.statusCode < 300 ||
  [400, 404, 409, 422].includes(res.statusCode) ||
  (res.statusCode === 403 && res.json().code !== 'FORBIDDEN');

interface Fixture {
  systemId: string;
  incidentId: string;
  planId: string;
  drillId: string;
  resourceId: string;
  exemptionId: string;
  retirementId: string;
}

const fixtures = new WeakMap<TestContext, Promise<Fixture>>();
const MISSING = '00000000-0000-4000-8000-000000000000';

async function ok(session: Session, method: 'POST' | 'PUT', url: string, body: unknown): Promise<string> {
  const res = await session.request(method, url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json().id ?? res.json().system?.id ?? res.json().resource?.id;
}

/** One DT system of 大同市教育局 with a record of each kind, built once per test database. */
function fixture(ctx: TestContext): Promise<Fixture> {
  let found = fixtures.get(ctx);
  if (!found) {
    found = (async () => {
      const staff = await login(ctx, 'dt.staff');
      const system = await ok(staff, 'POST', '/api/catalog/systems', {
        name: '授权矩阵运行安全系统',
        purpose: '测试',
        status: 'in_operation',
        deployment: 'own_machine_room',
        networks: ['extranet'],
        projectRefs: [],
        resourceCodes: [],
        sharedOnPlatform: false,
        sharedResourceCount: 0,
        cloudMigration: 'planned',
        cloudMigrationDate: '2027-06-30',
      });
      const at = ctx.clock.now().toISOString();
      const incidentId = await ok(staff, 'POST', '/api/operations/incidents', {
        title: '矩阵测试事件',
        description: '测试',
        incidentClass: 'general',
        foundAt: at,
        systemIds: [system],
      });
      const planId = await ok(staff, 'POST', '/api/operations/emergency-plans', {
        title: '矩阵测试预案',
        documentNumber: '测〔2026〕1号',
        summary: '测试',
        adoptedOn: '2026-01-01',
      });
      const drillId = await ok(staff, 'POST', `/api/operations/emergency-plans/${planId}/drills`, {
        plannedOn: '2027-01-01',
        scenario: '测试',
      });
      const exemptionId = await ok(staff, 'POST', `/api/operations/systems/${system}/cloud-exemption`, {
        ground: 'secrecy',
        reason: '测试',
      });
      const retirementId = await ok(staff, 'POST', `/api/operations/systems/${system}/retirement`, {
        reason: '测试',
        retirementDate: '2026-12-31',
        dataDisposition: 'archived',
        dataDestination: '档案室',
      });
      const resources = await staff.request('GET', '/api/catalog/resources?limit=1');
      const resourceId = resources.json().items[0]?.id ?? MISSING;
      return { systemId: system, incidentId, planId, drillId, resourceId, exemptionId, retirementId };
    })();
    fixtures.set(ctx, found);
  }
  return found;
}

const on =
  (build: (f: Fixture, seq: number) => Call) =>
  async (ctx: TestContext, seq: number): Promise<Call> =>
    build(await fixture(ctx), seq);

const routeCase = (call: RouteCase['call'], relationsTestedIn = RELATIONS): RouteCase => ({
  call,
  allowed: reached,
  relationsTestedIn,
});

export const CASES: Record<string, RouteCase> = {
  'GET /api/operations/overview': routeCase(() => ({ url: '/api/operations/overview' })),
  'GET /api/operations/overview/export': routeCase(() => ({ url: '/api/operations/overview/export' })),
  'GET /api/operations/systems': routeCase(() => ({ url: '/api/operations/systems' })),
  'GET /api/operations/systems/:id': routeCase(on((f) => ({ url: `/api/operations/systems/${f.systemId}` }))),
  'PUT /api/operations/systems/:id/grading': routeCase(
    on((f) => ({
      url: `/api/operations/systems/${f.systemId}/grading`,
      body: { level: 2, filingNumber: 'JZ-1', filingDate: '2024-01-01', criticalInfrastructure: false },
    })),
  ),
  'POST /api/operations/systems/:id/assessments': routeCase(
    on((f, seq) => ({
      url: `/api/operations/systems/${f.systemId}/assessments`,
      body: {
        kind: 'risk',
        assessedOn: '2026-01-01',
        result: 'pass',
        reportNumber: `R-${seq}`,
        assessor: '评估机构',
      },
    })),
  ),
  'POST /api/operations/systems/:id/products': routeCase(
    on((f) => ({
      url: `/api/operations/systems/${f.systemId}/products`,
      body: { category: 'os', name: '麒麟', vendor: '麒麟软件', controllable: true },
    })),
  ),
  'DELETE /api/operations/systems/:id/products/:productId': routeCase(
    on((f) => ({ url: `/api/operations/systems/${f.systemId}/products/${MISSING}` })),
  ),
  'GET /api/operations/emergency-plans': routeCase(() => ({ url: '/api/operations/emergency-plans' })),
  'POST /api/operations/emergency-plans': routeCase((_ctx, seq) => ({
    url: '/api/operations/emergency-plans',
    body: {
      title: `预案${seq}`,
      documentNumber: `测〔2026〕${seq}号`,
      summary: '测试',
      adoptedOn: '2026-01-01',
    },
  })),
  'POST /api/operations/emergency-plans/:id/versions': routeCase(
    on((f) => ({
      url: `/api/operations/emergency-plans/${f.planId}/versions`,
      body: { documentNumber: '测〔2026〕2号', summary: '修订', adoptedOn: '2026-02-01', version: 1 },
    })),
  ),
  'POST /api/operations/emergency-plans/:id/drills': routeCase(
    on((f) => ({
      url: `/api/operations/emergency-plans/${f.planId}/drills`,
      body: { plannedOn: '2027-03-01', scenario: '断电' },
    })),
  ),
  'POST /api/operations/drills/:id/held': routeCase(
    on((f) => ({
      url: `/api/operations/drills/${f.drillId}/held`,
      body: { version: 99, heldOn: '2026-11-01', participants: '测试', findings: '无' },
    })),
  ),
  'GET /api/operations/incidents': routeCase(() => ({ url: '/api/operations/incidents' })),
  'GET /api/operations/incidents/:id': routeCase(
    on((f) => ({ url: `/api/operations/incidents/${f.incidentId}` })),
  ),
  'POST /api/operations/incidents': routeCase(
    on((f) => ({
      url: '/api/operations/incidents',
      body: {
        title: '矩阵事件',
        description: '测试',
        incidentClass: 'general',
        foundAt: '2026-11-01T00:00:00.000Z',
        systemIds: [f.systemId],
      },
    })),
  ),
  'POST /api/operations/incidents/:id/entries': routeCase(
    on((f) => ({
      url: `/api/operations/incidents/${f.incidentId}/entries`,
      body: { kind: 'correction', at: '2026-11-01T00:00:00.000Z', text: '更正', correctsEntryId: MISSING },
    })),
  ),
  'POST /api/operations/incidents/:id/filing': routeCase(
    on((f) => ({
      url: `/api/operations/incidents/${f.incidentId}/filing`,
      body: { at: '2026-11-22T00:00:00.000Z', text: '报备' },
    })),
  ),
  'POST /api/operations/incidents/:id/close': routeCase(
    on((f) => ({
      url: `/api/operations/incidents/${f.incidentId}/close`,
      body: { version: 99, text: '办结' },
    })),
  ),
  'GET /api/operations/responsibilities': routeCase(() => ({ url: '/api/operations/responsibilities' })),
  'PUT /api/operations/resources/:id/responsibility': routeCase(
    on((f) => ({ url: `/api/operations/resources/${f.resourceId}/responsibility`, body: {} })),
    LIBRARIES,
  ),
  'GET /api/operations/internal-rules': routeCase(() => ({ url: '/api/operations/internal-rules' })),
  'PUT /api/operations/internal-rules': routeCase(() => ({
    url: '/api/operations/internal-rules',
    body: { kind: 'security', title: '信息安全管理办法', issuedOn: '2025-01-01', version: 99 },
  })),
  'GET /api/operations/base-libraries': routeCase(() => ({ url: '/api/operations/base-libraries' })),
  'PUT /api/operations/base-libraries/:kind': routeCase(
    () => ({
      url: '/api/operations/base-libraries/credit',
      body: { responsibleOrganisationId: MISSING, resourceIds: [] },
    }),
    LIBRARIES,
  ),
  'GET /api/operations/cloud': routeCase(() => ({ url: '/api/operations/cloud' })),
  'POST /api/operations/systems/:id/cloud-exemption': routeCase(
    on((f) => ({
      url: `/api/operations/systems/${f.systemId}/cloud-exemption`,
      body: { ground: 'legal', reason: '测试' },
    })),
  ),
  'POST /api/operations/cloud-exemptions/:id/decision': routeCase(
    on((f) => ({
      url: `/api/operations/cloud-exemptions/${f.exemptionId}/decision`,
      body: { decision: 'approved', note: '同意', version: 99 },
    })),
    DECISIONS,
  ),
  'POST /api/operations/systems/:id/om-handover': routeCase(
    on((f) => ({
      url: `/api/operations/systems/${f.systemId}/om-handover`,
      body: { fromOrganisationId: MISSING, toOrganisationId: MISSING, handedOverOn: '2026-01-01' },
    })),
  ),
  'GET /api/operations/systems/:id/monitoring': routeCase(
    on((f) => ({ url: `/api/operations/systems/${f.systemId}/monitoring` })),
    LEFTOVERS,
  ),
  'POST /api/operations/systems/:id/monitoring': routeCase(
    on((f) => ({
      url: `/api/operations/systems/${f.systemId}/monitoring`,
      body: { monitoredOn: '2026-01-01', status: 'normal', handler: '测试' },
    })),
    LEFTOVERS,
  ),
  'GET /api/operations/monitoring/gaps': routeCase(
    () => ({ url: '/api/operations/monitoring/gaps' }),
    LEFTOVERS,
  ),
  'GET /api/operations/industry-clouds': routeCase(
    () => ({ url: '/api/operations/industry-clouds' }),
    INDUSTRY,
  ),
  'PUT /api/operations/systems/:id/industry-cloud': routeCase(
    on((f) => ({
      url: `/api/operations/systems/${f.systemId}/industry-cloud`,
      body: { cloudName: '测试行业云', operatorName: '测试单位', state: 'planned', plannedBy: '2027-06-30' },
    })),
    INDUSTRY,
  ),
  'GET /api/operations/retirements': routeCase(() => ({ url: '/api/operations/retirements' })),
  'POST /api/operations/systems/:id/retirement': routeCase(
    on((f) => ({
      url: `/api/operations/systems/${f.systemId}/retirement`,
      body: {
        reason: '测试',
        retirementDate: '2026-12-31',
        dataDisposition: 'archived',
        dataDestination: '档案室',
      },
    })),
  ),
  'POST /api/operations/retirements/:id/data-confirmation': routeCase(
    on((f) => ({
      url: `/api/operations/retirements/${f.retirementId}/data-confirmation`,
      body: { version: 99 },
    })),
  ),
  'POST /api/operations/retirements/:id/decision': routeCase(
    on((f) => ({
      url: `/api/operations/retirements/${f.retirementId}/decision`,
      body: { decision: 'approved', note: '同意', version: 99 },
    })),
    DECISIONS,
  ),
};
