import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import type { CellValue, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { DomainError } from '../platform/errors.ts';
import { getRulebook } from '../rules/index.ts';
import {
  buildTemplate,
  ERROR_FILL_ARGB,
  ERROR_HEADER,
  EXPORT_SHEET,
  exportCatalog,
  MAX_DATA_ROWS,
  markErrors,
  OPTIONS_SHEET,
  parseDateText,
  parseNumberText,
  parseUpload,
  SHEET_NAMES,
} from './excel.ts';
import type { CatalogKind } from './model.ts';
import {
  DEPARTMENT_NAMES,
  DEPARTMENTS,
  JURISDICTION_NAMES,
  validCloudService,
  validResource,
  validSystem,
} from './test-support.ts';

const LISTS = { departments: DEPARTMENT_NAMES, jurisdictions: JURISDICTION_NAMES };

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
type UserRow = Record<string, CellValue>;

async function open(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

async function save(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Header text (without the required mark) → column, as a user sees the sheet. */
function headerColumns(sheet: Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    columns.set(String(cell.value).replace(/\*$/, ''), column);
  });
  return columns;
}

/** Fills the downloaded template from row 3 on, cell by cell, as a user would in Excel. */
async function fillTemplate(kind: CatalogKind, rows: readonly UserRow[]): Promise<Buffer> {
  const workbook = await open(await buildTemplate(kind, LISTS));
  const sheet = workbook.getWorksheet(SHEET_NAMES[kind]);
  assert.ok(sheet);
  const columns = headerColumns(sheet);
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const column = columns.get(header);
      assert.ok(column, `no column ${header}`);
      sheet.getRow(3 + i).getCell(column).value = value;
    }
  });
  return save(workbook);
}

/** A system row in the user's words (Chinese labels), with the variety real files have. */
function userSystem(i: number): UserRow {
  const dates: CellValue[] = [new Date(Date.UTC(2023, 5, 30)), '2023/6/30', '2023年6月30日', '2023-06-30'];
  return {
    系统名称:
      i % 7 === 0
        ? { richText: [{ text: '业务' }, { text: `管理系统${i}`, font: { bold: true } }] }
        : `  业务管理系统${i} `,
    责任部门: DEPARTMENT_NAMES[i % DEPARTMENT_NAMES.length],
    所属辖区: JURISDICTION_NAMES[i % JURISDICTION_NAMES.length],
    建设目的及主要功能:
      i % 11 === 0
        ? { text: `支撑第 ${i} 项业务的审批和统计`, hyperlink: 'https://zwfw.example.gov.cn/' }
        : `支撑第 ${i} 项业务的审批和统计`,
    系统状态: i % 3 === 0 ? '运行中' : '运行',
    部署方式: '市级政务云',
    网络类型: i % 2 === 0 ? '政务外网、互联网' : '政务外网',
    等保级别: i % 4 === 0 ? '3' : 2,
    '建设/改造项目编号': i % 13 === 0 ? 2023000 + i : `DT-2023-${String(i).padStart(3, '0')}`,
    关联信息资源代码: `301001001/${String(i + 1).padStart(6, '0')}`,
    是否接入共享平台: '是',
    共享资源数: i % 5 === 0 ? '12' : 3,
    上云状态: '已上云',
    '上云（计划）日期': dates[i % dates.length],
  };
}

function problemRows(problems: readonly { row: number }[]): number[] {
  return [...new Set(problems.map((p) => p.row))].sort((a, b) => a - b);
}

/** Data rows of the marked sheet: error text by row, red cells (outside the error column). */
function readMarks(sheet: Worksheet) {
  const errorColumn = headerColumns(sheet).get(ERROR_HEADER);
  assert.ok(errorColumn, 'the marked workbook has a 错误说明 column');
  const errorText = new Map<number, string>();
  const redCells: string[] = [];
  const notes = new Map<string, string>();
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < 3) return;
    const text = row.getCell(errorColumn).value;
    if (typeof text === 'string' && text !== '') errorText.set(rowNumber, text);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column === errorColumn) return;
      const fill = cell.fill;
      if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb === ERROR_FILL_ARGB) {
        redCells.push(cell.address);
        notes.set(cell.address, typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note));
      }
    });
  });
  return { errorColumn, errorText, redCells: redCells.sort(), notes };
}

function columnAddress(sheet: Worksheet, header: string, row: number): string {
  const column = headerColumns(sheet).get(header);
  assert.ok(column, header);
  return sheet.getRow(row).getCell(column).address;
}

async function rejection(promise: Promise<unknown>, code: string): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('template download', () => {
  test('the systems template has a frozen header row, an instruction row, comments and drop-downs from a hidden 选项 sheet', async () => {
    const workbook = await open(await buildTemplate('systems', LISTS));
    const sheet = workbook.getWorksheet(SHEET_NAMES.systems);
    assert.ok(sheet);
    assert.equal(sheet.views[0].state, 'frozen');
    const header = sheet.getRow(1);
    assert.equal(header.getCell(2).value, '系统名称*');
    assert.equal(header.getCell(1).value, '系统编码');
    assert.match(String(header.getCell(2).note), /不得重名/);
    assert.match(String(sheet.getRow(2).getCell(1).value), /^【填写说明】/);
    const options = workbook.getWorksheet(OPTIONS_SHEET);
    assert.ok(options);
    assert.equal(options.state, 'hidden');
    const columns = headerColumns(sheet);
    const statusValidation = sheet.getRow(3).getCell(columns.get('系统状态') ?? 0).dataValidation;
    assert.equal(statusValidation.type, 'list');
    assert.equal(statusValidation.errorStyle, 'stop');
    assert.match(String(statusValidation.formulae[0]), /^'选项'!\$[A-Z]+\$2:\$[A-Z]+\$5$/);
    const departmentValidation = sheet.getRow(5002).getCell(columns.get('责任部门') ?? 0).dataValidation;
    assert.equal(departmentValidation.type, 'list');
    const dateValidation = sheet.getRow(3).getCell(columns.get('报废日期') ?? 0).dataValidation;
    assert.equal(dateValidation.type, 'date');
    const levelValidation = sheet.getRow(3).getCell(columns.get('等保级别') ?? 0).dataValidation;
    assert.deepEqual([levelValidation.type, levelValidation.formulae], ['whole', [1, 5]]);
    const optionValues: string[] = [];
    options.eachRow((row) => {
      row.eachCell((cell) => {
        optionValues.push(String(cell.value));
      });
    });
    for (const expected of ['在建', '运行', '停用', '已报废', '大同市公安局', '平城区', '业务专网']) {
      assert.ok(optionValues.includes(expected), expected);
    }
  });

  test('the resource and cloud service templates carry their own headers', async () => {
    const resources = (await open(await buildTemplate('resources'))).getWorksheet(SHEET_NAMES.resources);
    assert.ok(resources);
    const resourceHeaders = [...headerColumns(resources).keys()];
    for (const header of [
      '资源代码',
      '资源分类',
      '提供方代码',
      '共享属性',
      '共享方式',
      '开放属性',
      '更新周期',
      '涉密属性',
      '信息项名称',
      '数据类型',
      '数据长度',
    ]) {
      assert.ok(resourceHeaders.includes(header), header);
    }
    const cloud = (await open(await buildTemplate('cloudServices'))).getWorksheet(SHEET_NAMES.cloudServices);
    assert.ok(cloud);
    assert.deepEqual(
      [...headerColumns(cloud).keys()],
      ['服务编码', '服务名称', '服务类别', '规格', '计量单位', '单价（元）', '服务商', '备注'],
    );
    const priceValidation = cloud.getRow(3).getCell(6).dataValidation;
    assert.deepEqual(
      [priceValidation.type, priceValidation.operator, priceValidation.formulae],
      ['decimal', 'greaterThanOrEqual', [0]],
    );
  });
});

describe('upload: fill 200 rows → parse', () => {
  test('SC-10 a filled template of 200 systems reads as 200 rows with no problem (rich text, numbers as text, date forms, padding)', async () => {
    const bytes = await fillTemplate(
      'systems',
      Array.from({ length: 200 }, (_, i) => userSystem(i)),
    );
    const result = await parseUpload('systems', bytes, LISTS);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    assert.equal(result.rows.length, 200);
    assert.equal(result.dataRowCount, 200);
    const first = result.rows[0];
    assert.equal(first.row, 3);
    assert.equal(first.value.name, '业务管理系统0', 'rich text is read as its plain text');
    assert.deepEqual(first.value.networks, ['extranet', 'internet']);
    assert.equal(first.value.status, 'in_operation');
    assert.equal(first.value.mlpsLevel, 3, 'a number typed as text');
    assert.equal(first.value.sharedResourceCount, 12);
    assert.equal(result.rows[1].value.name, '业务管理系统1', 'padding trimmed');
    for (const row of result.rows) assert.equal(row.value.cloudMigrationDate, '2023-06-30');
    assert.equal(result.rows[199].row, 202);
    assert.deepEqual(first.value.projectRefs, ['2023000'], 'a number in a text column is read as its digits');
    assert.equal(
      result.rows[11].value.purpose,
      '支撑第 11 项业务的审批和统计',
      'a hyperlink cell gives its text',
    );
  });

  test('DT-10 200 data-item rows of 50 resources read as 50 resources of 4 items; continuation rows may be blank or repeated', async () => {
    const rows: UserRow[] = [];
    for (let r = 0; r < 50; r++) {
      const department = DEPARTMENTS[r % DEPARTMENTS.length];
      const resource: UserRow = {
        资源代码: `3${String((r % DEPARTMENTS.length) + 1).padStart(2, '0')}001001/${String(r + 1).padStart(6, '0')}`,
        资源分类: '部门',
        资源名称: `业务登记信息${r}`,
        资源提供方: department.name,
        提供方代码: department.code,
        资源摘要: `第 ${r} 类业务的登记信息`,
        格式分类: '数据库',
        格式类型: '达梦',
        共享属性: '有条件共享',
        共享条件: '仅限履职需要',
        共享方式: '接口服务、库表交换',
        开放属性: '不予开放',
        更新周期: '每日',
        发布日期: new Date(Date.UTC(2024, 0, 15)),
        关联资源代码: '102001001/000001',
        涉密属性: '非涉密',
      };
      const items: UserRow[] = [
        { 信息项名称: '统一社会信用代码', 数据类型: '字符型', 数据长度: 18 },
        { 信息项名称: '企业名称', 数据类型: '字符型', 数据长度: '200' },
        { 信息项名称: '登记日期', 数据类型: '日期型' },
        { 信息项名称: '注册资本', 数据类型: '货币型' },
      ];
      items.forEach((item, k) => {
        rows.push(k === 0 || r % 2 === 1 ? { ...resource, ...item } : item);
      });
    }
    const result = await parseUpload('resources', await fillTemplate('resources', rows), LISTS);
    assert.deepEqual(result.problems, []);
    assert.equal(result.rows.length, 50);
    assert.equal(result.dataRowCount, 200);
    for (const row of result.rows) {
      assert.equal(row.value.dataItems.length, 4);
      assert.equal(row.rows.length, 4);
    }
    const second = result.rows[1];
    assert.deepEqual(second.rows, [7, 8, 9, 10]);
    assert.deepEqual(second.value.sharingMethods, ['interface', 'table_exchange']);
    assert.deepEqual(second.value.dataItems[1], { name: '企业名称', dataType: 'string', length: 200 });
    assert.equal(second.value.publishedDate, '2024-01-15');
  });

  test('DT-13 200 cloud service rows with prices as numbers and as text (¥1,200.50, 980元) read without problems', async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i): UserRow => ({
        服务名称: i % 2 === 0 ? '云主机' : '对象存储',
        服务类别: i % 3 === 0 ? 'IaaS' : 'iaas',
        规格: `规格-${i}`,
        计量单位: '台·年',
        '单价（元）': i % 3 === 0 ? '¥1,200.50' : i % 3 === 1 ? '980元' : 1200.5,
        服务商: '中国电信股份有限公司大同分公司',
      }),
    );
    const result = await parseUpload('cloudServices', await fillTemplate('cloudServices', rows));
    assert.deepEqual(result.problems, []);
    assert.equal(result.rows.length, 200);
    assert.deepEqual(
      result.rows.slice(0, 3).map((r) => r.value.unitPrice),
      [1200.5, 980, 1200.5],
    );
  });
});

describe('upload with 3 bad rows: nothing is written and the workbook comes back marked', () => {
  test('SC-10 3 bad rows among 200 give 3 row problems, no rows, and markErrors marks exactly those rows and cells', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => userSystem(i));
    rows[10] = { ...rows[10], 系统状态: '运转' };
    rows[57] = { ...rows[57], 网络类型: '业务专网' };
    rows[150] = { ...rows[150], '上云（计划）日期': '2024-02-30' };
    const bytes = await fillTemplate('systems', rows);
    // The 业务专网 approval is the jurisdiction's rule (大同市: DT 第十二条), read from its rulebook.
    const result = await parseUpload('systems', bytes, {
      ...LISTS,
      systemRules: () => getRulebook('DT').catalog ?? null,
    });
    assert.equal(result.ok, false);
    assert.deepEqual(result.rows, [], 'all or nothing: no row to write');
    assert.equal(result.dataRowCount, 200);
    assert.deepEqual(problemRows(result.problems), [13, 60, 153]);
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.header} ${p.code}${p.article ? ` ${p.article}` : ''}`),
      [
        '13 系统状态 INVALID_OPTION SC-10',
        '60 业务专网批准文号 DEDICATED_NETWORK_APPROVAL_REQUIRED DT-12d',
        '153 上云（计划）日期 INVALID_DATE',
      ],
    );

    const marked = await markErrors('systems', bytes, result.problems);
    const workbook = await open(marked);
    const sheet = workbook.getWorksheet(SHEET_NAMES.systems);
    assert.ok(sheet);
    const marks = readMarks(sheet);
    assert.deepEqual([...marks.errorText.keys()], [13, 60, 153]);
    assert.match(marks.errorText.get(13) ?? '', /【系统状态】系统状态“运转”无效/);
    assert.match(marks.errorText.get(60) ?? '', /业务专网的批准文号/);
    assert.deepEqual(
      marks.redCells,
      [
        columnAddress(sheet, '系统状态', 13),
        columnAddress(sheet, '业务专网批准文号', 60),
        columnAddress(sheet, '上云（计划）日期', 153),
      ].sort(),
    );
    for (const note of marks.notes.values()) assert.match(note, /^错误：/);
    assert.equal(sheet.getRow(14).getCell(2).value, userSystem(11).系统名称, 'the user data is kept');
    assert.ok(workbook.getWorksheet(OPTIONS_SHEET), 'the option lists are kept');
    const validation = sheet.getRow(13).getCell(headerColumns(sheet).get('系统状态') ?? 0).dataValidation;
    assert.equal(validation.type, 'list', 'drop-downs still work in the returned workbook');
  });

  test('the marked workbook, once corrected, uploads cleanly and marking again clears the earlier marks', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => userSystem(i));
    rows[2] = { ...rows[2], 系统状态: '运转' };
    rows[5] = { ...rows[5], 等保级别: 7 };
    const bytes = await fillTemplate('systems', rows);
    const first = await parseUpload('systems', bytes, LISTS);
    assert.deepEqual(problemRows(first.problems), [5, 8]);
    const workbook = await open(await markErrors('systems', bytes, first.problems));
    const sheet = workbook.getWorksheet(SHEET_NAMES.systems);
    assert.ok(sheet);
    const columns = headerColumns(sheet);
    sheet.getRow(5).getCell(columns.get('系统状态') ?? 0).value = '运行';
    const corrected = await save(workbook);
    const second = await parseUpload('systems', corrected, LISTS);
    assert.deepEqual(problemRows(second.problems), [8], 'the 错误说明 column is ignored on upload');
    const remarked = await open(await markErrors('systems', corrected, second.problems));
    const remarkedSheet = remarked.getWorksheet(SHEET_NAMES.systems);
    assert.ok(remarkedSheet);
    const marks = readMarks(remarkedSheet);
    assert.deepEqual([...marks.errorText.keys()], [8]);
    assert.deepEqual(marks.redCells, [columnAddress(remarkedSheet, '等保级别', 8)]);
    assert.equal(
      remarkedSheet.getRow(5).getCell(columns.get('系统状态') ?? 0).note,
      undefined,
      'the old comment is gone',
    );
    assert.equal([...headerColumns(remarkedSheet).keys()].filter((h) => h === ERROR_HEADER).length, 1);

    remarkedSheet.getRow(8).getCell(columns.get('等保级别') ?? 0).value = 3;
    const clean = await parseUpload('systems', await save(remarked), LISTS);
    assert.equal(clean.ok, true);
    assert.equal(clean.rows.length, 20);
  });

  test('DT-10 a bad data item marks its own row, and a resource problem marks the resource’s first row', async () => {
    const exported = await exportCatalog(
      'resources',
      [validResource(1), validResource(2), validResource(3)],
      {
        exportedBy: '测试',
        exportedAt: new Date('2024-05-01T00:00:00Z'),
      },
    );
    const workbook = await open(exported);
    const sheet = workbook.getWorksheet(SHEET_NAMES.resources);
    assert.ok(sheet);
    const columns = headerColumns(sheet);
    sheet.getRow(9).getCell(columns.get('数据类型') ?? 0).value = '日期类';
    for (let r = 11; r <= 14; r++) sheet.getRow(r).getCell(columns.get('共享属性') ?? 0).value = '不予共享';
    for (let r = 11; r <= 14; r++) sheet.getRow(r).getCell(columns.get('共享条件') ?? 0).value = null;
    const bytes = await save(workbook);
    const result = await parseUpload('resources', bytes);
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.header} ${p.code}`),
      [
        '9 数据类型 INVALID_OPTION',
        '11 共享条件 NO_SHARE_REASON_REQUIRED',
        '11 共享方式 SHARING_METHOD_FOR_UNSHARED',
      ],
    );
    const marks = readMarks(
      (await open(await markErrors('resources', bytes, result.problems))).getWorksheet(
        SHEET_NAMES.resources,
      ) ?? sheet,
    );
    assert.deepEqual([...marks.errorText.keys()], [9, 11]);
  });

  test('rows of one resource that disagree are reported on the disagreeing cell', async () => {
    const exported = await exportCatalog('resources', [validResource(1)], {
      exportedBy: '测试',
      exportedAt: new Date(0),
    });
    const workbook = await open(exported);
    const sheet = workbook.getWorksheet(SHEET_NAMES.resources);
    assert.ok(sheet);
    sheet.getRow(5).getCell(headerColumns(sheet).get('更新周期') ?? 0).value = '每月';
    const result = await parseUpload('resources', await save(workbook));
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.header} ${p.code}`),
      ['5 更新周期 RESOURCE_ROWS_INCONSISTENT'],
    );
  });
});

describe('duplicates and platform lists on upload', () => {
  test('names that differ only by spaces or punctuation are duplicates within the file', async () => {
    const rows = [
      userSystem(1),
      { ...userSystem(6), 系统名称: '业务管理系统 1。', 责任部门: DEPARTMENT_NAMES[1] },
    ];
    const result = await parseUpload('systems', await fillTemplate('systems', rows), LISTS);
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.header} ${p.code}`),
      ['4 系统名称 DUPLICATE_IN_FILE'],
    );
    assert.match(result.problems[0].message, /与第 3 行的系统重复/);
  });

  test('against the catalog: a taken name is refused, a known code updates, an unknown code is refused', async () => {
    const existing = [
      { code: 'XT-0001', name: '业务管理系统1', ownerDepartment: DEPARTMENT_NAMES[1] },
      { code: 'XT-0002', name: '业务管理系统2', ownerDepartment: DEPARTMENT_NAMES[2] },
    ];
    const rows = [
      userSystem(1),
      { ...userSystem(2), 系统编码: 'XT-0002' },
      { ...userSystem(3), 系统编码: 'XT-9999' },
    ];
    const result = await parseUpload('systems', await fillTemplate('systems', rows), { ...LISTS, existing });
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.header} ${p.code}`),
      ['3 系统名称 DUPLICATE_NAME', '5 系统编码 UNKNOWN_CODE'],
    );
    assert.match(result.problems[0].message, /XT-0001/);
    const fixed = [
      { ...userSystem(1), 系统编码: 'XT-0001' },
      { ...userSystem(2), 系统编码: 'XT-0002' },
      userSystem(4),
    ];
    const ok = await parseUpload('systems', await fillTemplate('systems', fixed), { ...LISTS, existing });
    assert.deepEqual(
      ok.rows.map((r) => r.action),
      ['update', 'update', 'create'],
    );
  });

  test('an unknown department is refused; a known one written with other spacing takes the platform spelling', async () => {
    const rows = [
      { ...userSystem(1), 责任部门: '大同市 公安局' },
      { ...userSystem(2), 责任部门: '大同市规划局' },
    ];
    const result = await parseUpload('systems', await fillTemplate('systems', rows), LISTS);
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.header} ${p.code}`),
      ['4 责任部门 UNKNOWN_DEPARTMENT'],
    );
    const ok = await parseUpload('systems', await fillTemplate('systems', rows.slice(0, 1)), LISTS);
    assert.equal(ok.rows[0].value.ownerDepartment, '大同市公安局');
  });

  test('a formula cell gives its result; an error cell (#N/A) is reported', async () => {
    const rows = [
      { ...userSystem(1), 共享资源数: { formula: '1+2', result: 3 } },
      { ...userSystem(2), 建设目的及主要功能: { error: '#N/A' as const } },
    ];
    const result = await parseUpload('systems', await fillTemplate('systems', rows), LISTS);
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.header} ${p.code}`),
      ['4 建设目的及主要功能 CELL_ERROR'],
    );
  });

  test('columns are found by header text: a reordered sheet under another name still reads', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['服务商', '单价（元）', '规格', '计量单位', '服务类别', '服务名称', '自用备注']);
    sheet.addRow(['某云服务有限公司', 10.5, '1TB', 'TB·月', 'IaaS', '对象存储', '不读']);
    const result = await parseUpload('cloudServices', await save(workbook));
    assert.equal(result.ok, true);
    assert.deepEqual(result.rows[0].value, {
      name: '对象存储',
      category: 'iaas',
      spec: '1TB',
      unit: 'TB·月',
      unitPrice: 10.5,
      provider: '某云服务有限公司',
    });
  });
});

describe('export of the current catalog', () => {
  test('DT-01 exported systems upload back to the same values, with who and when recorded', async () => {
    const values = [
      validSystem(1, { code: 'XT-0001', remarks: '含“引号”与&符号' }),
      validSystem(2, {
        code: 'XT-0002',
        status: 'retired',
        retirementDate: '2024-03-15',
        mergedInto: 'XT-0001',
        networks: ['extranet', 'dedicated'],
        dedicatedNetworkApproval: '同政信〔2020〕3号',
      }),
      validSystem(3, {
        code: 'XT-0003',
        deployment: 'own_machine_room',
        cloudMigration: 'exempt',
        cloudExemptionReason: '涉密',
        cloudMigrationDate: undefined,
        mlpsLevel: undefined,
        projectRefs: [],
        resourceCodes: [],
      }),
    ];
    const bytes = await exportCatalog('systems', values, {
      exportedBy: '王五（wangwu）',
      exportedAt: new Date('2024-05-06T01:02:03Z'),
      filter: '所属辖区：大同市',
    });
    const result = await parseUpload('systems', bytes);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.rows.map((r) => r.value),
      values.map((v) => JSON.parse(JSON.stringify(v))),
    );
    const info = (await open(bytes)).getWorksheet(EXPORT_SHEET);
    assert.ok(info);
    const text: string[] = [];
    info.eachRow((row) => {
      text.push(`${row.getCell(1).value}=${row.getCell(2).value}`);
    });
    assert.deepEqual(text, [
      '目录=信息系统目录',
      '导出人=王五（wangwu）',
      '导出时间=2024-05-06 09:02:03（北京时间）',
      '筛选条件=所属辖区：大同市',
      '系统数=3',
      '数据行数=3',
    ]);
  });

  test('a system’s 功能清单 (function list) goes out as one cell and comes back as the same list', async () => {
    const values = [
      validSystem(1, { code: 'XT-0101', functions: ['老年人信息登记', '上门服务派单', '服务补贴结算'] }),
      validSystem(2, { code: 'XT-0102', functions: [] }),
    ];
    const bytes = await exportCatalog('systems', values, {
      exportedBy: '王五（wangwu）',
      exportedAt: new Date('2024-05-06T01:02:03Z'),
      filter: '',
    });
    const result = await parseUpload('systems', bytes);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.rows.map((r) => r.value.functions),
      [['老年人信息登记', '上门服务派单', '服务补贴结算'], []],
    );
  });

  test('DT-10 exported resources (one row per item) and cloud services upload back to the same values', async () => {
    const resources = [
      validResource(1),
      validResource(2, {
        dataItems: [],
        formatClass: 'document',
        formatType: 'PDF',
        sharingMethods: ['file_download'],
      }),
      validResource(3),
    ];
    const resourceBytes = await exportCatalog('resources', resources, {
      exportedBy: 'a',
      exportedAt: new Date(0),
    });
    const parsed = await parseUpload('resources', resourceBytes);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.rows.map((r) => r.value),
      resources,
    );
    assert.deepEqual(
      parsed.rows.map((r) => r.rows.length),
      [4, 1, 4],
    );

    const services = Array.from({ length: 5 }, (_, i) => validCloudService(i, { code: `YF-${i}` }));
    const serviceBytes = await exportCatalog('cloudServices', services, {
      exportedBy: 'a',
      exportedAt: new Date(0),
    });
    const parsedServices = await parseUpload('cloudServices', serviceBytes);
    assert.deepEqual(
      parsedServices.rows.map((r) => r.value),
      services,
    );
  });
});

/** A ZIP archive of the given parts (deflated), for container tests. */
function zip(parts: { name: string; data: Buffer; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const compressed = deflateRawSync(part.data);
    const size = part.claimedSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('files that are refused before reading', () => {
  test('a PDF renamed to .xlsx is not an xlsx (ZIP magic PK\\x03\\x04)', async () => {
    const error = await rejection(
      parseUpload('systems', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')),
      'CATALOG_FILE_NOT_XLSX',
    );
    assert.match(error.message, /不是 Excel 工作簿/);
  });

  test('an old .xls (OLE) file is refused with a save-as hint', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    const error = await rejection(parseUpload('systems', ole), 'CATALOG_FILE_NOT_XLSX');
    assert.match(error.message, /另存为 \.xlsx/);
  });

  test('a ZIP that is not a workbook (e.g. a .docx) is refused', async () => {
    const docxLike = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    await rejection(parseUpload('systems', docxLike), 'CATALOG_FILE_NOT_XLSX');
  });

  test('a ZIP bomb is refused by its real unpacked size, whatever sizes it claims', async () => {
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(90 * 1024 * 1024, 0x20), claimedSize: 1000 },
    ]);
    assert.ok(bomb.length < 1024 * 1024);
    await rejection(parseUpload('systems', bomb), 'CATALOG_FILE_TOO_LARGE');
  });

  test('a file over 10 MB is refused', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024);
    big.write('PK\u0003\u0004', 0, 'latin1');
    await rejection(parseUpload('systems', big), 'CATALOG_FILE_TOO_LARGE');
  });

  test('a workbook without the catalog headers, or without data, is refused', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['姓名', '年龄']);
    await rejection(parseUpload('systems', await save(workbook)), 'CATALOG_TEMPLATE_MISMATCH');
    await rejection(parseUpload('systems', await buildTemplate('systems')), 'CATALOG_FILE_EMPTY');
    const partial = new ExcelJS.Workbook();
    partial
      .addWorksheet('信息系统目录')
      .addRow(['系统名称', '责任部门', '所属辖区', '建设目的及主要功能', '系统状态']);
    const error = await rejection(parseUpload('systems', await save(partial)), 'CATALOG_TEMPLATE_MISMATCH');
    assert.match(error.message, /部署方式、网络类型、是否接入共享平台、上云状态/);
  });

  test(`more than ${MAX_DATA_ROWS} data rows are refused`, async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(SHEET_NAMES.cloudServices);
    sheet.addRow(['服务名称', '服务类别', '规格', '计量单位', '单价（元）', '服务商']);
    for (let i = 0; i <= MAX_DATA_ROWS; i++) sheet.addRow(['云主机', 'IaaS', `${i}`, '台', 1, '某公司']);
    const error = await rejection(
      parseUpload('cloudServices', await save(workbook)),
      'CATALOG_TOO_MANY_ROWS',
    );
    assert.match(error.message, /5000/);
  });
});

test('dates and numbers as users type them', () => {
  assert.equal(parseDateText('2024/3/1'), '2024-03-01');
  assert.equal(parseDateText('2024年3月1日'), '2024-03-01');
  assert.equal(parseDateText('２０２４．０３．０１'), '2024-03-01');
  assert.equal(parseDateText('20240301'), '2024-03-01');
  assert.equal(parseDateText('2024-03-01 08:30'), '2024-03-01');
  assert.equal(parseDateText('2024-02-30'), undefined);
  assert.equal(parseDateText('3/1/2024'), undefined);
  assert.equal(parseNumberText('¥1,234.50'), 1234.5);
  assert.equal(parseNumberText('９８０元'), 980);
  assert.equal(parseNumberText('12,34'), undefined);
  assert.equal(parseNumberText('三'), undefined);
});
