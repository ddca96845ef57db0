/**
 * Search and the workbench lists (issue 17): one box across projects, systems, resources and
 * document titles; a two-character fragment finds a name anywhere in it (证照 → 电子证照库); the
 * results never include another department's private item nor another jurisdiction's; 已办 and
 * 我发起的 list the caller's own work with a filter and paging.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { informationSystems } from '../../../src/catalog/tables.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  draftProject,
  expectStatus,
  jurisdictionId,
  organisationId,
  Sessions,
  setupProjects,
  upload,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let ownProject = '';
let otherProject = '';

interface Group {
  kind: string;
  total: number;
  items: { id: string; title: string; path: string }[];
}

async function search(username: string, q: string): Promise<Record<string, Group>> {
  const res = await (await sessions.as(username)).request('GET', `/api/search?q=${encodeURIComponent(q)}`);
  expectStatus(res, 200, `search ${username}`);
  return Object.fromEntries((res.json().groups as Group[]).map((g) => [g.kind, g]));
}

const titles = (g: Group) => g.items.map((i) => i.title);

async function system(name: string, code: string, owner: string): Promise<void> {
  const s = await sessions.as('dt.reviewer');
  await ctx.database.db.insert(informationSystems).values({
    code,
    name,
    nameKey: name,
    jurisdictionId: await jurisdictionId(s, 'DT'),
    ownerOrganisationId: await organisationId(s, owner),
    purpose: '测试用途',
    status: 'in_operation',
    deployment: 'city_cloud',
    networks: ['extranet'],
    cloudMigration: 'migrated',
    retirementDate: null,
  });
}

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  await system('电子证照库', 'DT-XT-S0001', '大同市教育局');
  await system('健康证照核验系统', 'DT-XT-S0002', '大同市卫生健康委员会');
  const staff = await sessions.as('dt.staff');
  ownProject = (await draftProject(staff, { name: '教育电子证照应用项目' })).id;
  expectStatus(await upload(staff, ownProject, 'proposal', { name: '证照共享方案.pdf' }), 201, 'upload');
  const staff2 = await sessions.as('dt.staff2');
  otherProject = (await draftProject(staff2, { name: '卫健证照互认项目' })).id;
});
after(async () => {
  await ctx.close();
});

describe('search', () => {
  test('a two-character fragment finds projects, systems and documents the caller may see, and nothing else', async () => {
    const own = await search('dt.staff', '证照');
    assert.deepEqual(titles(own.project), ['教育电子证照应用项目']);
    assert.equal(own.project.items[0].path, `/projects/${ownProject}`);
    assert.deepEqual(titles(own.system), ['电子证照库']);
    assert.deepEqual(titles(own.document), ['证照共享方案.pdf']);
    assert.equal(own.project.total, 1);

    const other = await search('dt.staff2', '证照');
    assert.deepEqual(titles(other.project), ['卫健证照互认项目'], 'not the other department’s draft');
    assert.deepEqual(titles(other.system), ['健康证照核验系统']);
    assert.deepEqual(titles(other.document), []);
    assert.ok(!JSON.stringify(other).includes(ownProject));

    const authority = await search('dt.reviewer', '证照');
    assert.deepEqual(titles(authority.system).sort(), ['健康证照核验系统', '电子证照库'].sort());

    const elsewhere = await search('sc.staff', '证照');
    for (const g of Object.values(elsewhere)) assert.equal(g.total, 0, `${g.kind} of another jurisdiction`);
  });

  test('the fragment is matched literally (a % or _ is not a wildcard) and an empty one is refused at the field', async () => {
    const wild = await search('dt.staff', '%');
    assert.equal(wild.project.total, 0);
    const empty = await (await sessions.as('dt.staff')).request('GET', '/api/search?q=');
    expectStatus(empty, 400, 'empty');
    assert.match(empty.json().field ?? '', /q/);
    const code = await search('dt.staff', 'XT-S0001');
    assert.deepEqual(titles(code.system), ['电子证照库']);
  });
});

describe('我发起的 and 已办', () => {
  test('我发起的 lists the caller’s own applications with a filter and paging', async () => {
    const staff = await sessions.as('dt.staff');
    await draftProject(staff, { name: '教育第二个项目' });
    const all = (await staff.request('GET', '/api/workbench/started')).json();
    assert.equal(all.total, 2);
    const filtered = (
      await staff.request('GET', `/api/workbench/started?q=${encodeURIComponent('证照')}`)
    ).json();
    assert.deepEqual(
      filtered.items.map((i: { projectName: string }) => i.projectName),
      ['教育电子证照应用项目'],
    );
    const page = (await staff.request('GET', '/api/workbench/started?limit=1&offset=1')).json();
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 2);
    const other = (await (await sessions.as('dt.staff2')).request('GET', '/api/workbench/started')).json();
    assert.deepEqual(
      other.items.map((i: { projectId: string }) => i.projectId),
      [otherProject],
    );
    expectStatus(
      await staff.request('GET', '/api/workbench/started?limit=0'),
      400,
      'limit 0 is refused, not clamped',
    );
  });

  test('已办 is empty for a user who has decided nothing', async () => {
    const done = (await (await sessions.as('dt.reviewer')).request('GET', '/api/workbench/done')).json();
    assert.deepEqual(done, { items: [], total: 0 });
  });
});

describe('cockpit', () => {
  test('the cockpit counts only the projects the caller may see, by state, department and year', async () => {
    const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', '大同市教育局', '驾驶舱项目');
    const staff = await sessions.as('dt.staff');
    const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
    const { id } = await draftProject(staff, {
      name: '驾驶舱项目',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    await uploadMissing(staff, id);
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');

    const reviewer = await sessions.as('dt.reviewer');
    const res = await reviewer.request('GET', '/api/cockpit');
    expectStatus(res, 200, 'cockpit');
    const c = res.json();
    const visible = (await reviewer.request('GET', '/api/projects?limit=200')).json().total;
    assert.ok(visible >= 1);
    const inReview = c.byState.find((x: { state: string }) => x.state === 'in_review');
    assert.equal(inReview?.stateName, '审核中');
    assert.equal(c.totals.projects, visible);
    assert.equal(
      c.byState.reduce((n: number, s: { count: number }) => n + s.count, 0),
      visible,
    );
    assert.equal(
      c.byDepartment.reduce((n: number, d: { total: number }) => n + d.total, 0),
      visible,
    );
    for (const d of c.byDepartment) assert.match(d.organisationId, /^[0-9a-f-]{36}$/);
    const y2026 = c.moneyByYear.find((m: { year: number }) => m.year === 2026);
    assert.ok(y2026, 'the 2026 budget year');
    assert.equal(y2026.approved, '0.00', 'nothing 立项 yet');

    const other = (await (await sessions.as('sc.reviewer')).request('GET', '/api/cockpit')).json();
    assert.equal(other.totals.projects, 0, 'another jurisdiction sees none of DT’s projects');
    expectStatus(await (await sessions.as('dt.staff')).request('GET', '/api/cockpit'), 403, 'a department');
  });
});

describe('export', () => {
  test('a list exports to .xlsx with its filters, the user and the time, and the export is audited', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request(
      'GET',
      `/api/workbench/export?list=started&q=${encodeURIComponent('证照')}`,
    );
    expectStatus(res, 200, 'export');
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map(String);
    assert.deepEqual(cells(1), ['我发起的']);
    assert.match(cells(2)[1], /dt\.staff/);
    assert.equal(cells(3)[1], ctx.clock.now().toISOString());
    assert.equal(cells(4)[1], '关键词：证照');
    assert.deepEqual(cells(7).slice(0, 2), ['项目编码', '项目名称']);
    assert.equal(cells(8)[1], '教育电子证照应用项目');
    assert.equal(sheet.rowCount, 8, 'only the filtered row');

    const other = await (await sessions.as('dt.staff2')).request(
      'GET',
      '/api/workbench/export?list=projects',
    );
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    const names = wb2.worksheets[0].getColumn(2).values.map(String);
    assert.ok(!names.includes('教育电子证照应用项目'), 'never another department’s project');

    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'list.export'))
      .orderBy(auditEvents.id);
    assert.equal(audit.length, 2);
    assert.equal((audit[0].details as { count: number }).count, 1);
    expectStatus(await staff.request('GET', '/api/workbench/export?list=nothing'), 400, 'unknown list');
  });
});

describe('preview', () => {
  test('a PDF opens inline in a sandbox for preview; without the flag it stays an attachment', async () => {
    const staff = await sessions.as('dt.staff');
    const detail = (await staff.request('GET', `/api/projects/${ownProject}`)).json();
    const pdf = detail.materials.find((m: { originalName: string }) => m.originalName === '证照共享方案.pdf');
    const url = `/api/projects/${ownProject}/materials/${pdf.id}/download`;
    const preview = await staff.request('GET', `${url}?inline=true`);
    expectStatus(preview, 200, 'preview');
    assert.match(String(preview.headers['content-disposition']), /^inline;/);
    assert.match(String(preview.headers['content-security-policy']), /sandbox/);
    assert.equal(preview.headers['content-type'], 'application/pdf');
    const download = await staff.request('GET', url);
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    expectStatus(await staff.request('GET', `${url}?inline=maybe`), 400, 'not a boolean');
    const other = await (await sessions.as('dt.staff2')).request('GET', `${url}?inline=true`);
    assert.equal(other.statusCode, 404, 'another department cannot preview it either');
  });
});
