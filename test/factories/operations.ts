/**
 * Factories for the operations API tests (issue 15): catalog systems stored through the catalog API,
 * their 等保 grading and incidents through the operations routes, organisation ids by name.
 */
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { organisations } from '../../src/platform/db/core.ts';
import type { Session, TestContext } from '../support/helper.ts';

/** The database refused the change as a filed record (the driver wraps the trigger's message). */
export const immutable = (err: unknown) => {
  const e = err as { message?: string; cause?: { message?: string } };
  return /OPS_RECORD_IMMUTABLE/.test(`${e.message} ${e.cause?.message ?? ''}`);
};

/** The helpers of one test file, on the context `context()` returns once its `before` has run. */
export function operationsHelpers(context: () => TestContext) {
  const hoursAgo = (h: number) => new Date(context().clock.now().getTime() - h * 3600_000).toISOString();

  async function orgId(name: string): Promise<string> {
    const [row] = await context()
      .database.db.select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, name));
    assert.ok(row, name);
    return row.id;
  }

  let seq = 0;
  async function newSystem(
    session: Session,
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; code: string }> {
    seq += 1;
    const res = await session.request('POST', '/api/catalog/systems', {
      name: `运行安全测试系统${seq}`,
      purpose: '支撑业务办理',
      status: 'in_operation',
      deployment: 'city_cloud',
      networks: ['extranet'],
      mlpsLevel: 3,
      projectRefs: [],
      resourceCodes: [],
      sharedOnPlatform: true,
      sharedResourceCount: 1,
      cloudMigration: 'migrated',
      cloudMigrationDate: '2024-06-30',
      ...extra,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().system;
  }

  async function grade(session: Session, systemId: string, extra: Record<string, unknown> = {}) {
    const res = await session.request('PUT', `/api/operations/systems/${systemId}/grading`, {
      level: 3,
      filingNumber: `14020099-${systemId.slice(0, 4)}`,
      filingDate: '2024-01-10',
      criticalInfrastructure: false,
      ...extra,
    });
    assert.equal(res.statusCode, 200, res.body);
  }

  async function incident(session: Session, systemId: string, extra: Record<string, unknown> = {}) {
    const res = await session.request('POST', '/api/operations/incidents', {
      title: '门户网站被植入暗链',
      description: '巡检发现首页被植入暗链，已下线处置',
      incidentClass: 'major',
      foundAt: hoursAgo(1),
      systemIds: [systemId],
      ...extra,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  }

  async function incidentView(session: Session, id: string) {
    const res = await session.request('GET', `/api/operations/incidents/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  }

  return { hoursAgo, orgId, newSystem, grade, incident, incidentView };
}
