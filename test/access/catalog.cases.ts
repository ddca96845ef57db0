/**
 * Authorization-matrix cases (see harness.ts) of the catalog (issue 4): objects
 * of 大同市教育局 (dt.staff) and of DT's authority (dt.reviewer).
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { login, type Session, type TestContext } from '../support/helper.ts';
import {
  byDepartment,
  byJurisdiction,
  catalogOrg,
  env,
  listByJurisdiction,
  listByOrganisation,
} from './harness.ts';
import type { RouteCase } from './types.ts';

/** Sessions of the running part's app (several parts may run in one process, one after another). */
const catalogSessions = new Map<string, Session>();
let catalogSessionsOf: TestContext | undefined;
async function catalogAs(username: string): Promise<Session> {
  if (catalogSessionsOf !== env.ctx) {
    catalogSessions.clear();
    catalogSessionsOf = env.ctx;
  }
  const cached = catalogSessions.get(username);
  if (cached) return cached;
  const session = await login(env.ctx, username);
  catalogSessions.set(username, session);
  return session;
}
async function catalogJurisdiction(code: string): Promise<string> {
  const res = await env.admin.request('GET', '/api/jurisdictions');
  return res.json().items.find((j: { code: string }) => j.code === code).id;
}
const catalogSystem = (seq: number) => ({
  name: `矩阵系统${seq}`,
  purpose: '授权矩阵测试',
  status: 'in_operation',
  deployment: 'city_cloud',
  networks: ['extranet'],
  projectRefs: [],
  resourceCodes: [],
  sharedOnPlatform: false,
  cloudMigration: 'migrated',
});
const catalogResource = (seq: number) => ({
  code: '319009001',
  category: 'department',
  name: `矩阵资源${seq}`,
  providerCode: '11140200000000990R',
  summary: '授权矩阵测试',
  formatClass: 'database',
  formatType: '达梦',
  dataItems: [{ name: '名称', dataType: 'string', length: 50 }],
  sharing: 'conditional',
  sharingConditions: '履职需要',
  sharingMethods: ['interface'],
  openness: 'none',
  updateCycle: 'yearly',
  relatedCodes: [],
  classified: false,
});
const catalogCloud = (seq: number) => ({
  name: '矩阵云主机',
  category: 'iaas',
  spec: `${seq}核`,
  unit: '台·年',
  unitPrice: 100,
  provider: '矩阵云服务商',
});
async function catalogNewSystem(seq: number): Promise<{ id: string; version: number }> {
  const res = await (await catalogAs('dt.staff')).request('POST', '/api/catalog/systems', catalogSystem(seq));
  assert.equal(res.statusCode, 201, res.body);
  return res.json().system;
}
/** A resource of 大同市教育局, moved by dt.staff / dt.authlead to `state`. */
async function catalogNewResource(
  seq: number,
  state: 'registered' | 'under_review' | 'published' = 'registered',
): Promise<{ id: string; version: number }> {
  const staff = await catalogAs('dt.staff');
  const res = await staff.request('POST', '/api/catalog/resources', catalogResource(seq));
  assert.equal(res.statusCode, 201, res.body);
  let resource = res.json().resource;
  if (state !== 'registered') {
    const submitted = await staff.request('POST', `/api/catalog/resources/${resource.id}/submit`, {
      version: 1,
    });
    resource = submitted.json().resource;
  }
  if (state === 'published') {
    const published = await (await catalogAs('dt.authlead')).request(
      'POST',
      `/api/catalog/resources/${resource.id}/review`,
      { decision: 'publish', version: resource.version },
    );
    resource = published.json().resource;
  }
  return resource;
}
async function catalogNewCloud(seq: number, approved = false): Promise<{ id: string; version: number }> {
  const reviewer = await catalogAs('dt.reviewer');
  const res = await reviewer.request('POST', '/api/catalog/cloud-services', catalogCloud(seq));
  assert.equal(res.statusCode, 201, res.body);
  if (!approved) return res.json();
  const done = await reviewer.request('POST', '/api/catalog/cloud-services/approve', {
    items: [{ id: res.json().id, version: 1 }],
  });
  return done.json().items[0];
}
const fileRequired = (res: LightMyRequestResponse) =>
  res.statusCode === 400 && res.json().code === 'CATALOG_FILE_REQUIRED';

export const CASES: Record<string, RouteCase> = {
  'GET /api/catalog/meta': { call: () => ({ url: '/api/catalog/meta' }) },
  'GET /api/catalog/systems': {
    call: () => ({ url: '/api/catalog/systems' }),
    relations: listByOrganisation('/api/catalog/systems', 'ownerOrganisationId'),
  },
  'GET /api/catalog/systems/:id': {
    call: async (_c, seq) => ({ url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}` }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}`,
    })),
  },
  'POST /api/catalog/systems': {
    call: (_c, seq) => ({ url: '/api/catalog/systems', body: catalogSystem(seq) }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/systems',
          body: { ...catalogSystem(seq), ownerOrganisationId: await catalogOrg('大同市教育局') },
        }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/systems',
          body: { ...catalogSystem(seq), ownerOrganisationId: await catalogOrg('大同市卫生健康委员会') },
        }),
      },
    ],
  },
  'PATCH /api/catalog/systems/:id': {
    call: async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    })),
  },
  'POST /api/catalog/systems/:id/retire': {
    call: async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}/retire`,
      body: { retirementDate: '2026-11-01', version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/systems/${(await catalogNewSystem(seq)).id}/retire`,
      body: { retirementDate: '2026-11-01', version: 1 },
    })),
  },
  'GET /api/catalog/systems/template': { call: () => ({ url: '/api/catalog/systems/template' }) },
  'POST /api/catalog/systems/import': {
    call: () => ({ url: '/api/catalog/systems/import', body: {} }),
    allowed: fileRequired,
  },
  'GET /api/catalog/systems/export': {
    call: () => ({ url: '/api/catalog/systems/export' }),
    relations: listByOrganisation('/api/catalog/systems/export', 'ownerOrganisationId'),
  },
  'GET /api/catalog/metrics/system-count': {
    call: () => ({ url: '/api/catalog/metrics/system-count' }),
    relations: listByJurisdiction('/api/catalog/metrics/system-count', 'dt.reviewer'),
  },
  'GET /api/catalog/resources': {
    call: () => ({ url: '/api/catalog/resources' }),
    relations: listByOrganisation('/api/catalog/resources', 'providerOrganisationId'),
  },
  'GET /api/catalog/resources/:id': {
    call: async (_c, seq) => ({ url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}` }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}`,
    })),
  },
  'POST /api/catalog/resources': {
    call: (_c, seq) => ({ url: '/api/catalog/resources', body: catalogResource(seq) }),
    relations: [
      {
        side: 'own_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/resources',
          body: { ...catalogResource(seq), providerOrganisationId: await catalogOrg('大同市教育局') },
        }),
      },
      {
        side: 'other_department',
        as: 'dt.staff',
        call: async (_c, seq) => ({
          url: '/api/catalog/resources',
          body: { ...catalogResource(seq), providerOrganisationId: await catalogOrg('大同市卫生健康委员会') },
        }),
      },
    ],
  },
  'PATCH /api/catalog/resources/:id': {
    call: async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}`,
      body: { summary: '矩阵修改', version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}`,
      body: { summary: '矩阵修改', version: 1 },
    })),
  },
  'POST /api/catalog/resources/:id/submit': {
    call: async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}/submit`,
      body: { version: 1 },
    }),
    relations: byDepartment(async (_c, seq) => ({
      url: `/api/catalog/resources/${(await catalogNewResource(seq)).id}/submit`,
      body: { version: 1 },
    })),
  },
  'POST /api/catalog/resources/:id/review': {
    call: async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'under_review');
      return {
        url: `/api/catalog/resources/${resource.id}/review`,
        body: { decision: 'publish', version: resource.version },
      };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'under_review');
      return {
        url: `/api/catalog/resources/${resource.id}/review`,
        body: { decision: 'return', note: '矩阵退回', version: resource.version },
      };
    }),
  },
  'POST /api/catalog/resources/:id/withdraw': {
    call: async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'published');
      return { url: `/api/catalog/resources/${resource.id}/withdraw`, body: { version: resource.version } };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const resource = await catalogNewResource(seq, 'published');
      return { url: `/api/catalog/resources/${resource.id}/withdraw`, body: { version: resource.version } };
    }),
  },
  'GET /api/catalog/resources/template': { call: () => ({ url: '/api/catalog/resources/template' }) },
  'POST /api/catalog/resources/import': {
    call: () => ({ url: '/api/catalog/resources/import', body: {} }),
    allowed: fileRequired,
  },
  'GET /api/catalog/resources/export': {
    call: () => ({ url: '/api/catalog/resources/export' }),
    relations: listByOrganisation('/api/catalog/resources/export', 'providerOrganisationId'),
  },
  'GET /api/catalog/single-source-conflicts': {
    call: () => ({ url: '/api/catalog/single-source-conflicts' }),
    relations: listByOrganisation('/api/catalog/single-source-conflicts', 'organisationId'),
  },
  'GET /api/catalog/cloud-services': {
    call: () => ({ url: '/api/catalog/cloud-services' }),
    relations: listByJurisdiction('/api/catalog/cloud-services', 'dt.staff'),
  },
  'POST /api/catalog/cloud-services': {
    call: (_c, seq) => ({ url: '/api/catalog/cloud-services', body: catalogCloud(seq) }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async (_c, seq) => ({
          url: '/api/catalog/cloud-services',
          body: { ...catalogCloud(seq), jurisdictionId: await catalogJurisdiction('DT') },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async (_c, seq) => ({
          url: '/api/catalog/cloud-services',
          body: { ...catalogCloud(seq), jurisdictionId: await catalogJurisdiction('SC') },
        }),
      },
    ],
  },
  'PATCH /api/catalog/cloud-services/:id': {
    call: async (_c, seq) => ({
      url: `/api/catalog/cloud-services/${(await catalogNewCloud(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    }),
    relations: byJurisdiction(async (_c, seq) => ({
      url: `/api/catalog/cloud-services/${(await catalogNewCloud(seq)).id}`,
      body: { remarks: '矩阵修改', version: 1 },
    })),
  },
  'POST /api/catalog/cloud-services/approve': {
    call: async (_c, seq) => ({
      url: '/api/catalog/cloud-services/approve',
      body: { items: [{ id: (await catalogNewCloud(seq)).id, version: 1 }] },
    }),
    relations: byJurisdiction(async (_c, seq) => ({
      url: '/api/catalog/cloud-services/approve',
      body: { items: [{ id: (await catalogNewCloud(seq)).id, version: 1 }] },
    })),
  },
  'POST /api/catalog/cloud-services/publish': {
    call: async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/publish',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/publish',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    }),
  },
  'POST /api/catalog/cloud-services/reopen': {
    call: async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/reopen',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    },
    relations: byJurisdiction(async (_c, seq) => {
      const item = await catalogNewCloud(seq, true);
      return {
        url: '/api/catalog/cloud-services/reopen',
        body: { items: [{ id: item.id, version: item.version }] },
      };
    }),
  },
  'GET /api/catalog/cloud-services/template': {
    call: () => ({ url: '/api/catalog/cloud-services/template' }),
  },
  'POST /api/catalog/cloud-services/import': {
    call: () => ({ url: '/api/catalog/cloud-services/import', body: {} }),
    allowed: fileRequired,
  },
  'GET /api/catalog/cloud-services/export': {
    call: () => ({ url: '/api/catalog/cloud-services/export' }),
    relations: listByJurisdiction('/api/catalog/cloud-services/export', 'dt.staff'),
  },
};
