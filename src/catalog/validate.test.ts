import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from '../rules/index.ts';
import type { CatalogProblem } from './model.ts';
import { validCloudService, validResource, validSystem } from './test-support.ts';
import {
  checkCloudService,
  checkResource,
  checkSystem,
  checkSystemRules,
  isCatalogDate,
  isPrice,
  toCents,
  validateCloudService,
  validateResource,
  validateSystem,
} from './validate.ts';

const brief = (problems: readonly CatalogProblem[]) =>
  problems.map((p) => `${p.code} ${p.field}${p.article ? ` ${p.article}` : ''}`);

describe('system catalog entry (政务信息系统目录)', () => {
  test('a complete system passes and comes back typed and trimmed', () => {
    const result = checkSystem({ ...validSystem(1), name: '  大同市不动产登记系统 ' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.value?.name, '大同市不动产登记系统');
  });

  test('SC-10 required fields are reported in Chinese with the article', () => {
    const problems = validateSystem({
      networks: [],
      sharedOnPlatform: true,
      cloudMigration: 'not_started',
      deployment: 'own_machine_room',
    });
    assert.deepEqual(brief(problems), [
      'REQUIRED name SC-10',
      'REQUIRED ownerDepartment SC-10',
      'REQUIRED jurisdiction SC-10',
      'REQUIRED purpose SC-10',
      'REQUIRED status SC-10',
      'REQUIRED networks SC-10',
    ]);
    assert.equal(problems[0].message, '系统名称未填写');
  });

  test('an unknown enumeration value lists the Chinese choices', () => {
    const problems = validateSystem({ ...validSystem(1), status: 'running' });
    assert.deepEqual(brief(problems), ['INVALID_OPTION status SC-10']);
    assert.match(problems[0].message, /在建、运行、停用、已报废/);
  });

  test('等保 level must be an integer from 1 to 5', () => {
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), mlpsLevel: 6 })), ['OUT_OF_RANGE mlpsLevel']);
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), mlpsLevel: 2.5 })), [
      'INVALID_NUMBER mlpsLevel',
    ]);
    assert.deepEqual(validateSystem({ ...validSystem(1), mlpsLevel: undefined }), []);
  });

  // The jurisdiction's own catalog rules come from its rulebook (Rulebook.catalog), issue 10 item 8.
  const inJurisdiction = (code: string, draft: Record<string, unknown>) => {
    const checked = checkSystem(draft);
    const rules = getRulebook(code).catalog ?? null;
    return [...checked.problems, ...(checked.value ? checkSystemRules(checked.value, rules) : [])];
  };

  test('DT-12d/SC-11c/XZ-10b a system on a 业务专网 needs the approval of the body each text names; JC sets no such rule', () => {
    const onDedicated = { ...validSystem(1), networks: ['extranet', 'dedicated'] };
    for (const [code, article, body] of [
      ['DT', 'DT-12d', /经市政务信息化主管部门同意/],
      ['SC', 'SC-11c', /经区人民政府同意/],
      ['XZ', 'XZ-10b', /经市政务信息管理局并经市政府同意/],
    ] as const) {
      const problems = inJurisdiction(code, onDedicated);
      assert.deepEqual(brief(problems), [
        `DEDICATED_NETWORK_APPROVAL_REQUIRED dedicatedNetworkApproval ${article}`,
      ]);
      assert.match(problems[0].message, body);
      assert.doesNotMatch(problems[0].message, /经主管部门同意/);
    }
    assert.deepEqual(inJurisdiction('JC', onDedicated), []);
    assert.deepEqual(
      inJurisdiction('DT', {
        ...onDedicated,
        networks: ['dedicated'],
        dedicatedNetworkApproval: '同政信办〔2021〕12号',
      }),
      [],
    );
  });

  test('XZ-28 不上云 needs the legal or secrecy ground in XZ only (上云为常态，不上云为例外)', () => {
    const draft = {
      ...validSystem(1),
      deployment: 'own_machine_room',
      cloudMigration: 'exempt',
      cloudMigrationDate: undefined,
    };
    assert.deepEqual(brief(inJurisdiction('XZ', draft)), [
      'CLOUD_EXEMPTION_REASON_REQUIRED cloudExemptionReason XZ-28',
    ]);
    assert.deepEqual(
      inJurisdiction('XZ', { ...draft, cloudExemptionReason: '涉密系统，依保密规定部署在涉密机房' }),
      [],
    );
    for (const code of ['DT', 'SC', 'JC']) assert.deepEqual(inJurisdiction(code, draft), [], code);
  });

  test('XZ-30 deployment on the government cloud and 已上云 go together; 计划上云 needs a date (XZ-08b)', () => {
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), deployment: 'own_machine_room' })), [
      'CLOUD_STATUS_DEPLOYMENT_MISMATCH cloudMigration XZ-30',
    ]);
    assert.deepEqual(brief(inJurisdiction('DT', { ...validSystem(1), cloudMigration: 'planned' })), [
      'CLOUD_STATUS_DEPLOYMENT_MISMATCH cloudMigration DT-13',
    ]);
    assert.deepEqual(
      brief(
        validateSystem({
          ...validSystem(1),
          deployment: 'other_cloud',
          cloudMigration: 'planned',
          cloudMigrationDate: undefined,
        }),
      ),
      ['CLOUD_MIGRATION_DATE_REQUIRED cloudMigrationDate XZ-08b'],
    );
  });

  test('XZ-28 only the 市级政务云 counts as 已上云 in XZ; a 区级政务云 does elsewhere', () => {
    const district = { ...validSystem(1), deployment: 'district_cloud', cloudMigration: 'migrated' };
    const xz = inJurisdiction('XZ', district);
    assert.deepEqual(brief(xz), ['CLOUD_STATUS_DEPLOYMENT_MISMATCH cloudMigration XZ-28']);
    assert.match(xz[0].message, /只有市级政务云计为已上云/);
    assert.deepEqual(
      inJurisdiction('XZ', { ...district, cloudMigration: 'planned', cloudMigrationDate: '2027-06-30' }),
      [],
    );
    for (const code of ['DT', 'SC', 'JC']) assert.deepEqual(inJurisdiction(code, district), [], code);
  });

  test('DT-01 a retired system has a retirement date, others do not, and only a retired one is merged', () => {
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), status: 'retired' })), [
      'RETIREMENT_DATE_REQUIRED retirementDate DT-01',
    ]);
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), retirementDate: '2024-01-01' })), [
      'RETIREMENT_DATE_UNEXPECTED retirementDate DT-01',
    ]);
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), mergedInto: 'XT-0002' })), [
      'MERGED_INTO_NOT_RETIRED mergedInto DT-01',
    ]);
    assert.deepEqual(
      validateSystem({
        ...validSystem(1),
        status: 'retired',
        retirementDate: '2024-02-29',
        mergedInto: 'XT-0002',
      }),
      [],
    );
    assert.deepEqual(
      brief(validateSystem({ ...validSystem(1), status: 'retired', retirementDate: '2023-02-29' })),
      ['INVALID_DATE retirementDate DT-01'],
    );
  });

  test('XZ-08b a system not on the sharing platform shares 0 resources', () => {
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), sharedOnPlatform: false })), [
      'SHARED_COUNT_WITHOUT_PLATFORM sharedResourceCount XZ-08b',
    ]);
  });

  test('linked resource codes must be complete codes', () => {
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), resourceCodes: ['301001001'] })), [
      'RESOURCE_CODE_SEQUENCE_REQUIRED resourceCodes DT-10',
    ]);
  });

  test('a draft of the wrong shape is refused, not thrown', () => {
    assert.deepEqual(brief(validateSystem(null)), ['INVALID_TYPE ']);
    assert.deepEqual(brief(validateSystem({ ...validSystem(1), networks: 'extranet', name: 12 })), [
      'INVALID_TYPE name SC-10',
      'INVALID_TYPE networks SC-10',
    ]);
  });
});

describe('resource catalog entry (信息资源目录)', () => {
  test('a complete resource passes; code and provider code are folded', () => {
    const result = checkResource({
      ...validResource(1),
      code: '3 02 001 001/000002',
      providerCode: validResource(1).providerCode.toLowerCase(),
    });
    assert.deepEqual(result.problems, []);
    assert.equal(result.value?.code, '302001001/000002');
    assert.equal(result.value?.providerCode, validResource(1).providerCode);
  });

  test('DT-10 source, format, update cycle, sharing and open attributes are required', () => {
    const problems = validateResource({});
    assert.deepEqual(brief(problems), [
      'REQUIRED category DT-10',
      'REQUIRED code DT-10',
      'REQUIRED name DT-10',
      'REQUIRED provider DT-10',
      'REQUIRED providerCode DT-10',
      'REQUIRED summary DT-10',
      'REQUIRED formatClass DT-10',
      'REQUIRED sharing SC-09b',
      'REQUIRED openness SC-09b',
      'REQUIRED classified DT-10',
      'REQUIRED updateCycle DT-10',
    ]);
  });

  test('SC-09b a 不予共享 resource needs the basis of not sharing and has no sharing method', () => {
    const draft = { ...validResource(1), sharing: 'none', sharingConditions: undefined };
    assert.deepEqual(brief(validateResource(draft)), [
      'NO_SHARE_REASON_REQUIRED sharingConditions SC-09b',
      'SHARING_METHOD_FOR_UNSHARED sharingMethods SC-09b',
    ]);
    assert.deepEqual(
      validateResource({
        ...draft,
        sharingConditions: '依据《中华人民共和国统计法》第九条',
        sharingMethods: [],
      }),
      [],
    );
  });

  test('SC-09b 有条件共享 needs conditions and a shared resource needs a method', () => {
    assert.deepEqual(
      brief(validateResource({ ...validResource(1), sharingConditions: '', sharingMethods: [] })),
      [
        'SHARING_CONDITIONS_REQUIRED sharingConditions SC-09b',
        'SHARING_METHOD_REQUIRED sharingMethods SC-09b',
      ],
    );
  });

  test('SC-09b the sharing method must fit the format class: a database is not shared by file download', () => {
    const problems = validateResource({
      ...validResource(1),
      sharingMethods: ['interface', 'file_download'],
    });
    assert.deepEqual(brief(problems), ['SHARING_METHOD_FORMAT_MISMATCH sharingMethods SC-09b']);
    assert.match(problems[0].message, /数据库类资源不能以“文件下载”方式共享，应为：接口服务、库表交换/);
    const document = { ...validResource(1), formatClass: 'document', formatType: 'pdf', dataItems: [] };
    assert.deepEqual(brief(validateResource({ ...document, sharingMethods: ['table_exchange'] })), [
      'SHARING_METHOD_FORMAT_MISMATCH sharingMethods SC-09b',
    ]);
    assert.deepEqual(validateResource({ ...document, sharingMethods: ['file_download'] }), []);
  });

  test('DT-10 电子文件 and 电子表格 need a sub-format of their class', () => {
    const sheet = { ...validResource(1), formatClass: 'spreadsheet', sharingMethods: ['file_download'] };
    assert.deepEqual(brief(validateResource({ ...sheet, formatType: undefined })), [
      'FORMAT_TYPE_REQUIRED formatType DT-10',
    ]);
    assert.deepEqual(brief(validateResource({ ...sheet, formatType: 'PDF' })), [
      'FORMAT_TYPE_MISMATCH formatType DT-10',
    ]);
    assert.equal(checkResource({ ...sheet, formatType: '.xlsx' }).value?.formatType, 'XLSX');
  });

  test('SC-09b 有条件开放 needs 开放条件; what is not shared is not opened', () => {
    assert.deepEqual(brief(validateResource({ ...validResource(1), openness: 'conditional' })), [
      'OPEN_CONDITIONS_REQUIRED openConditions SC-09b',
    ]);
    const closed = {
      ...validResource(1),
      sharing: 'none',
      sharingConditions: '依据保密法',
      sharingMethods: [],
    };
    assert.deepEqual(brief(validateResource({ ...closed, openness: 'unconditional' })), [
      'OPEN_BUT_NOT_SHARED openness SC-09b',
    ]);
  });

  test('SC-09b a 涉密 resource is neither opened nor unconditionally shared', () => {
    const problems = validateResource({
      ...validResource(1),
      classified: true,
      sharing: 'unconditional',
      sharingConditions: undefined,
      openness: 'unconditional',
    });
    assert.deepEqual(brief(problems), [
      'CLASSIFIED_OPEN openness SC-09b',
      'CLASSIFIED_UNCONDITIONAL_SHARING sharing SC-09b',
    ]);
  });

  test('DT-10 the code structure and its 类 digit against the declared category', () => {
    assert.deepEqual(brief(validateResource({ ...validResource(1), code: '3010010/01' })), [
      'RESOURCE_CODE_INVALID code DT-10',
    ]);
    assert.deepEqual(brief(validateResource({ ...validResource(1), category: 'basic' })), [
      'RESOURCE_CODE_CATEGORY_MISMATCH code DT-10',
    ]);
    assert.deepEqual(brief(validateResource({ ...validResource(1), relatedCodes: ['302001001/000002'] })), [
      'RELATED_CODE_SELF relatedCodes',
    ]);
  });

  test('the provider code is a 统一社会信用代码 with a valid check character', () => {
    const code = validResource(1).providerCode;
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    assert.deepEqual(brief(validateResource({ ...validResource(1), providerCode: wrong })), [
      'USCC_CHECKSUM providerCode',
    ]);
  });

  test('DT-10 data items: required for a database, unique names, a length for 字符型', () => {
    assert.deepEqual(brief(validateResource({ ...validResource(1), dataItems: [] })), [
      'DATA_ITEMS_REQUIRED dataItems DT-10',
    ]);
    const problems = validateResource({
      ...validResource(1),
      dataItems: [
        { name: '企业名称', dataType: 'string', length: 200 },
        { name: ' 企业（名称）', dataType: 'string', length: 100 },
        { name: '成立日期', dataType: 'day' },
        { name: '经营范围', dataType: 'string' },
        'not an item',
      ],
    });
    assert.deepEqual(brief(problems), [
      'DUPLICATE_DATA_ITEM dataItems[1].name DT-10',
      'INVALID_OPTION dataItems[2].dataType DT-10',
      'DATA_ITEM_LENGTH_REQUIRED dataItems[3].length DT-10',
      'INVALID_TYPE dataItems[4]',
    ]);
  });
});

describe('cloud service catalog entry (政务云服务目录)', () => {
  test('DT-13 a complete IaaS item passes', () => {
    const result = checkCloudService(validCloudService(1));
    assert.deepEqual(result.problems, []);
    assert.equal(result.value?.category, 'iaas');
  });

  test('DT-13 the unit price is ≥ 0 with at most 2 decimals', () => {
    assert.deepEqual(brief(validateCloudService({ ...validCloudService(1), unitPrice: -1 })), [
      'PRICE_NEGATIVE unitPrice DT-13',
    ]);
    assert.deepEqual(brief(validateCloudService({ ...validCloudService(1), unitPrice: 12.345 })), [
      'PRICE_PRECISION unitPrice DT-13',
    ]);
    assert.deepEqual(brief(validateCloudService({ ...validCloudService(1), unitPrice: '12' })), [
      'INVALID_NUMBER unitPrice DT-13',
    ]);
    assert.deepEqual(validateCloudService({ ...validCloudService(1), unitPrice: 0 }), []);
    assert.deepEqual(validateCloudService({ ...validCloudService(1), unitPrice: 99_999_999.99 }), []);
  });

  test('prices convert to integer 分 without float error', () => {
    assert.equal(toCents(0.29), 29);
    assert.equal(toCents(99_999_999.99), 9_999_999_999);
    assert.equal(isPrice(0.1 + 0.2), false);
    assert.equal(isPrice(0.3), true);
  });

  test('DT-13 required fields and categories', () => {
    assert.deepEqual(brief(validateCloudService({ category: 'daas' })), [
      'REQUIRED name DT-13',
      'INVALID_OPTION category DT-13',
      'REQUIRED spec DT-13',
      'REQUIRED unit DT-13',
      'REQUIRED provider DT-13',
      'REQUIRED unitPrice DT-13',
    ]);
  });
});

test('catalog dates are real calendar dates between 1950 and 2100', () => {
  assert.equal(isCatalogDate('2024-02-29'), true);
  assert.equal(isCatalogDate('2023-02-29'), false);
  assert.equal(isCatalogDate('2024-2-1'), false);
  assert.equal(isCatalogDate('1949-12-31'), false);
});
