/**
 * The Excel round trip through the HTTP API: template download, a filled upload written in one
 * audited command, an upload with bad rows that writes nothing and comes back marked, export of the
 * caller's own view (audited, with who and how many), and the file checks.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, like } from 'drizzle-orm';
import type { CellValue, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../../../src/catalog/codes.ts';
import { informationResources, informationSystems } from '../../../src/catalog/tables.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session;
let staff2: Session;
let reviewer: Session;

before(async () => {
  ctx = await setup();
  [staff, staff2, reviewer] = await Promise.all(
    ['dt.staff', 'dt.staff2', 'dt.reviewer'].map((u) => login(ctx, u)),
  );
});
after(async () => {
  await ctx.close();
});

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function open(bytes: Buffer | Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function headers(sheet: Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    map.set(String(cell.value).replace(/\*$/, ''), column);
  });
  return map;
}

function multipart(fileName: string, bytes: Buffer, type = XLSX) {
  const boundary = `----tongchou${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(session: Session, url: string, fileName: string, bytes: Buffer, type = XLSX) {
  const { payload, headers: h } = multipart(fileName, bytes, type);
  return session.request('POST', url, payload, h);
}

const systemRow = (i: number, prefix: string): Record<string, CellValue> => ({
  系统名称: `${prefix}${i}`,
  责任部门: '大同市教育局',
  所属辖区: '大同市',
  建设目的及主要功能: `第 ${i} 项教育业务的办理与统计`,
  系统状态: '运行',
  部署方式: '市级政务云',
  网络类型: '政务外网',
  等保级别: 2,
  是否接入共享平台: '是',
  共享资源数: 1,
  上云状态: '已上云',
  '上云（计划）日期': '2024-06-30',
});

async function filledTemplate(session: Session, rows: Record<string, CellValue>[]): Promise<Buffer> {
  const res = await session.request('GET', '/api/catalog/systems/template');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], XLSX);
  assert.match(String(res.headers['content-disposition']), /^attachment;/);
  const workbook = await open(res.rawPayload);
  const sheet = workbook.getWorksheet('信息系统目录');
  assert.ok(sheet);
  const columns = headers(sheet);
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const column = columns.get(header);
      assert.ok(column, `template has no column ${header}`);
      sheet.getRow(3 + i).getCell(column).value = value;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function countSystems(prefix: string): Promise<number> {
  const [row] = await ctx.database.db
    .select({ n: count() })
    .from(informationSystems)
    .where(like(informationSystems.name, `${prefix}%`));
  return row.n;
}

async function auditRows(action: string) {
  return ctx.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(auditEvents.id);
}

describe('Excel round trip', () => {
  test('SC-10 template download → 200 filled rows → upload writes every row in one audited command', async () => {
    const bytes = await filledTemplate(
      staff,
      Array.from({ length: 200 }, (_, i) => systemRow(i, '批量导入系统')),
    );
    const importsBefore = (await auditRows('catalog.import')).length;
    const res = await upload(staff, '/api/catalog/systems/import', '教育局系统目录.xlsx', bytes);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().rows, 200);
    assert.equal(res.json().created, 200);
    assert.equal(res.json().updated, 0);
    assert.equal(await countSystems('批量导入系统'), 200);
    const imports = await auditRows('catalog.import');
    assert.equal(imports.length, importsBefore + 1, 'the whole upload is one audited command');
    const last = imports.at(-1);
    assert.ok(last);
    assert.equal(last.outcome, 'success');
    assert.equal((last.details as { created: number }).created, 200);

    const listed = await staff.request('GET', '/api/catalog/systems?keyword=批量导入系统&limit=1');
    assert.equal(listed.json().total, 200);
    assert.equal(listed.json().items[0].ownerOrganisationName, '大同市教育局');
  });

  test('SC-10 an upload with 3 bad rows writes nothing and returns the workbook with those 3 rows marked', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => systemRow(i, '坏行测试系统'));
    rows[10] = { ...rows[10], 系统状态: '运转' };
    rows[57] = { ...rows[57], 网络类型: '业务专网' };
    rows[150] = { ...rows[150], '上云（计划）日期': '2024-02-30' };
    const bytes = await filledTemplate(staff, rows);
    const res = await upload(staff, '/api/catalog/systems/import', '坏行.xlsx', bytes);
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['content-type'], XLSX);
    assert.match(String(res.headers['content-disposition']), /^attachment;/);
    assert.equal(res.headers['x-catalog-errors'], '3');
    assert.equal(await countSystems('坏行测试系统'), 0, 'nothing written');
    assert.equal((await auditRows('catalog.import')).at(-1)?.outcome, 'failure');

    const workbook = await open(res.rawPayload);
    const sheet = workbook.getWorksheet('信息系统目录');
    assert.ok(sheet);
    const errorColumn = headers(sheet).get('错误说明');
    assert.ok(errorColumn, 'the 错误说明 column is added');
    const marked: number[] = [];
    sheet.eachRow((row, n) => {
      if (n >= 3 && row.getCell(errorColumn).value) marked.push(n);
    });
    assert.deepEqual(marked, [13, 60, 153]);
    assert.match(String(sheet.getRow(13).getCell(errorColumn).value), /系统状态/);
    assert.match(String(sheet.getRow(60).getCell(errorColumn).value), /业务专网/);
    assert.equal(
      sheet.getRow(14).getCell(headers(sheet).get('系统名称') ?? 0).value,
      '坏行测试系统11',
      'user data kept',
    );
  });

  test('SC-10 a department may only import its own systems: another department’s name is a marked row', async () => {
    const rows = [
      systemRow(1, '越权导入系统'),
      { ...systemRow(2, '越权导入系统'), 责任部门: '大同市卫生健康委员会' },
    ];
    const res = await upload(
      staff,
      '/api/catalog/systems/import',
      'x.xlsx',
      await filledTemplate(staff, rows),
    );
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['x-catalog-errors'], '1');
    assert.equal(await countSystems('越权导入系统'), 0);
  });

  test('DT-10 exported resources come back as an update; published ones cannot be changed by upload', async () => {
    const first17 = `11140200${'00000093'}0`;
    const created = await staff.request('POST', '/api/catalog/resources', {
      code: '311008001',
      category: 'department',
      name: '大同市往返导入测试资源',
      providerCode: first17 + usccCheckChar(first17),
      summary: '原摘要',
      formatClass: 'database',
      formatType: '达梦',
      dataItems: [
        { name: '学校名称', dataType: 'string', length: 100 },
        { name: '学生人数', dataType: 'integer' },
      ],
      sharing: 'conditional',
      sharingConditions: '仅限履职需要',
      sharingMethods: ['interface'],
      openness: 'none',
      updateCycle: 'yearly',
      relatedCodes: [],
      classified: false,
    });
    assert.equal(created.statusCode, 201, created.body);
    const exported = await staff.request(
      'GET',
      `/api/catalog/resources/export?keyword=${encodeURIComponent('往返导入测试')}`,
    );
    assert.equal(exported.statusCode, 200);
    const workbook = await open(exported.rawPayload);
    const sheet = workbook.getWorksheet('信息资源目录');
    assert.ok(sheet);
    const summary = headers(sheet).get('资源摘要') ?? 0;
    assert.equal(sheet.getRow(3).getCell(summary).value, '原摘要');
    sheet.getRow(3).getCell(summary).value = '导入修改后的摘要';
    sheet.getRow(4).getCell(summary).value = '导入修改后的摘要';
    const res = await upload(
      staff,
      '/api/catalog/resources/import',
      'r.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().updated, 1);
    const [stored] = await ctx.database.db
      .select({ summary: informationResources.summary, version: informationResources.version })
      .from(informationResources)
      .where(eq(informationResources.name, '大同市往返导入测试资源'));
    assert.equal(stored.summary, '导入修改后的摘要');
    assert.equal(stored.version, 2);

    const published = await staff.request('GET', `/api/catalog/resources/export?state=published`);
    const again = await upload(staff, '/api/catalog/resources/import', 'p.xlsx', published.rawPayload);
    assert.equal(again.statusCode, 422, 'published resources are not changed by an upload');
    const marked = await open(again.rawPayload);
    const markedSheet = marked.getWorksheet('信息资源目录');
    assert.ok(markedSheet);
    assert.match(
      String(markedSheet.getRow(3).getCell(headers(markedSheet).get('错误说明') ?? 0).value),
      /已发布|下架/,
    );
  });

  test('SECURITY-35 an export holds only the caller’s view, names who exported it and is audited with its row count', async () => {
    const res = await staff2.request('GET', '/api/catalog/systems/export');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const workbook = await open(res.rawPayload);
    const sheet = workbook.getWorksheet('信息系统目录');
    assert.ok(sheet);
    const owner = headers(sheet).get('责任部门') ?? 0;
    const owners = new Set<string>();
    let dataRows = 0;
    sheet.eachRow((row, n) => {
      if (n < 3) return;
      owners.add(String(row.getCell(owner).value));
      dataRows++;
    });
    assert.ok(dataRows > 0);
    assert.deepEqual([...owners], ['大同市卫生健康委员会']);
    const info = workbook.getWorksheet('导出说明');
    assert.ok(info);
    assert.match(String(info.getCell(2, 2).value), /dt\.staff2/);
    const [audit] = (await auditRows('catalog.export')).slice(-1);
    assert.equal(audit.actorName, 'dt.staff2');
    assert.equal((audit.details as { count: number }).count, dataRows);

    const all = await reviewer.request('GET', '/api/catalog/systems/export?status=retired');
    assert.equal(all.statusCode, 200);
    const [authorityAudit] = (await auditRows('catalog.export')).slice(-1);
    assert.equal((authorityAudit.details as { filter: string }).filter, '系统状态：已报废');
  });

  test('SECURITY-27 uploads are checked: a file is required, only .xlsx, at most 10 MB, and the content must be a workbook', async () => {
    const successes = async () => {
      const [row] = await ctx.database.db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'catalog.import'), eq(auditEvents.outcome, 'success')));
      return row.n;
    };
    const before = await successes();
    const none = await staff.request('POST', '/api/catalog/systems/import', {});
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().code, 'CATALOG_FILE_REQUIRED');
    const csv = await upload(
      staff,
      '/api/catalog/systems/import',
      'list.csv',
      Buffer.from('a,b\n1,2\n'),
      'text/csv',
    );
    assert.equal(csv.statusCode, 400);
    assert.equal(csv.json().code, 'CATALOG_FILE_NOT_XLSX');
    const fake = await upload(
      staff,
      '/api/catalog/systems/import',
      'fake.xlsx',
      Buffer.from('<html>not a workbook</html>'),
    );
    assert.equal(fake.statusCode, 400);
    assert.equal(fake.json().code, 'CATALOG_FILE_NOT_XLSX');
    const huge = await upload(
      staff,
      '/api/catalog/systems/import',
      'huge.xlsx',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(11 * 1024 * 1024)]),
    );
    assert.equal(huge.statusCode, 400);
    assert.equal(huge.json().code, 'CATALOG_FILE_TOO_LARGE');
    const cloud = await upload(staff, '/api/catalog/cloud-services/import', 'c.xlsx', Buffer.from('x'));
    assert.equal(cloud.statusCode, 403, 'only the authority compiles the cloud catalog');
    assert.equal(await successes(), before, 'the refused files wrote nothing');
  });
});
