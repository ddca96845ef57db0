import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  APPLICATION_FIELD_LABELS,
  type Change,
  diffSnapshots,
  type JsonObject,
  type JsonValue,
  jsonEqual,
  labelFor,
  parsePath,
  SnapshotDiffError,
} from './diff.ts';

const KEYS = { budgetByYear: 'year', systems: 'id', materials: 'code' } as const;

function submitted(): JsonObject {
  return {
    name: '大同市智慧交通综合管理平台建设项目',
    code: 'DT-2026-0456',
    type: 'new',
    ownerDepartment: '大同市交通运输局',
    totalBudget: '5600000',
    budgetByYear: [
      { year: 2026, amount: '3600000' },
      { year: 2027, amount: '2000000' },
    ],
    systems: [
      { id: 'sys-01', name: '交通运行监测系统', modules: [{ id: 'm1', name: '路况感知' }] },
      { id: 'sys-02', name: '公交调度系统', modules: [] },
    ],
    materials: [
      { code: 'M01', fileName: '建设申请表.pdf', sha256: 'aa11' },
      { code: 'M02', fileName: '项目建议书.pdf', sha256: 'bb22' },
    ],
    contact: { person: '张伟', phone: '0352-1234567' },
    tags: ['政务云', '电子政务外网'],
  };
}

describe('diffSnapshots', () => {
  test('identical snapshots, and the same data with arrays and fields reordered, have no changes', () => {
    assert.deepEqual(diffSnapshots(submitted(), submitted(), { keys: KEYS }), []);
    const original = submitted();
    const reordered: JsonObject = {
      tags: ['电子政务外网', '政务云'],
      materials: [...(original.materials as JsonObject[])].reverse(),
      systems: [...(original.systems as JsonObject[])].reverse(),
      budgetByYear: [...(original.budgetByYear as JsonObject[])].reverse(),
      contact: { phone: '0352-1234567', person: '张伟' },
      ownerDepartment: '大同市交通运输局',
      totalBudget: '5600000',
      type: 'new',
      code: 'DT-2026-0456',
      name: '大同市智慧交通综合管理平台建设项目',
    };
    assert.deepEqual(diffSnapshots(original, reordered, { keys: KEYS }), []);
    // Without a key map, `id` and `code` are found by default; `year` is not a default key, so
    // budgetByYear needs the map to ignore its order.
    assert.deepEqual(
      diffSnapshots(original, { ...reordered, budgetByYear: original.budgetByYear }),
      [],
      'systems by id, materials by code, tags as a set',
    );
  });

  test('a yearly amount changed is reported at budgetByYear[year].amount, whatever the order', () => {
    const after: JsonObject = {
      ...submitted(),
      totalBudget: '5200000',
      budgetByYear: [
        { year: 2027, amount: '1600000' },
        { year: 2026, amount: '3600000' },
      ],
    };
    assert.deepEqual(diffSnapshots(submitted(), after, { keys: KEYS }), [
      { path: 'totalBudget', kind: 'changed', before: '5600000', after: '5200000' },
      { path: 'budgetByYear[2027].amount', kind: 'changed', before: '2000000', after: '1600000' },
    ]);
  });

  test('nested changes inside keyed elements and plain objects', () => {
    const before = submitted();
    const after: JsonObject = {
      ...before,
      systems: [
        { id: 'sys-02', name: '公交智能调度系统', modules: [{ id: 'm9', name: '排班' }] },
        { id: 'sys-01', name: '交通运行监测系统', modules: [{ id: 'm1', name: '路况感知与预警' }] },
      ],
      contact: { person: '李娜', phone: '0352-1234567', email: 'lina@example.gov.cn' },
    };
    assert.deepEqual(diffSnapshots(before, after, { keys: KEYS }), [
      {
        path: 'systems[sys-01].modules[m1].name',
        kind: 'changed',
        before: '路况感知',
        after: '路况感知与预警',
      },
      { path: 'systems[sys-02].name', kind: 'changed', before: '公交调度系统', after: '公交智能调度系统' },
      { path: 'systems[sys-02].modules[m9]', kind: 'added', after: { id: 'm9', name: '排班' } },
      { path: 'contact.person', kind: 'changed', before: '张伟', after: '李娜' },
      { path: 'contact.email', kind: 'added', after: 'lina@example.gov.cn' },
    ]);
  });

  test('materials added, removed and replaced (same code, new file)', () => {
    const after: JsonObject = {
      ...submitted(),
      materials: [
        { code: 'M02', fileName: '项目建议书（修订稿）.pdf', sha256: 'cc33' },
        { code: 'M03', fileName: '可行性研究报告.pdf', sha256: 'dd44' },
      ],
    };
    const changes = diffSnapshots(submitted(), after, { keys: KEYS });
    assert.deepEqual(changes, [
      {
        path: 'materials[M01]',
        kind: 'removed',
        before: { code: 'M01', fileName: '建设申请表.pdf', sha256: 'aa11' },
      },
      {
        path: 'materials[M02].fileName',
        kind: 'changed',
        before: '项目建议书.pdf',
        after: '项目建议书（修订稿）.pdf',
      },
      { path: 'materials[M02].sha256', kind: 'changed', before: 'bb22', after: 'cc33' },
      {
        path: 'materials[M03]',
        kind: 'added',
        after: { code: 'M03', fileName: '可行性研究报告.pdf', sha256: 'dd44' },
      },
    ]);
    assert.deepEqual(
      changes.map((change) => labelFor(change.path, APPLICATION_FIELD_LABELS)),
      ['申请材料（M01）', '申请材料（M02） › 文件名', '申请材料（M02） › 文件摘要', '申请材料（M03）'],
    );
  });

  test('fields added or removed, nulls, type changes and primitive sets', () => {
    const before: JsonObject = { a: 1, b: null, c: { x: 1 }, d: [1, 2], tags: ['政务云', '等保三级'] };
    const after: JsonObject = { a: 1, b: 0, c: [1], tags: ['政务云', '密评'], e: '新' };
    assert.deepEqual(diffSnapshots(before, after), [
      { path: 'b', kind: 'changed', before: null, after: 0 },
      { path: 'c', kind: 'changed', before: { x: 1 }, after: [1] },
      { path: 'd', kind: 'removed', before: [1, 2] },
      { path: 'tags[等保三级]', kind: 'removed', before: '等保三级' },
      { path: 'tags[密评]', kind: 'added', after: '密评' },
      { path: 'e', kind: 'added', after: '新' },
    ]);
  });

  test('ordered primitive arrays and keyless object arrays compare by position', () => {
    const before: JsonObject = { steps: ['申报', '审查'], notes: [{ text: '甲' }, { text: '乙' }] };
    const after: JsonObject = { steps: ['审查', '申报', '备案'], notes: [{ text: '甲' }, { text: '丙' }] };
    assert.deepEqual(diffSnapshots(before, after, { ordered: ['steps'] }), [
      { path: 'steps[0]', kind: 'changed', before: '申报', after: '审查' },
      { path: 'steps[1]', kind: 'changed', before: '审查', after: '申报' },
      { path: 'steps[2]', kind: 'added', after: '备案' },
      { path: 'notes[1].text', kind: 'changed', before: '乙', after: '丙' },
    ]);
  });

  test('a key selector function, and keys or fields that need quoting', () => {
    const before: JsonObject = { people: [{ dept: '财政局', name: '王' }], 'a.b': 1 };
    const after: JsonObject = { people: [{ dept: '财政局', name: '赵' }], 'a.b': 2 };
    const changes = diffSnapshots(before, after, {
      keys: { people: (person) => `${String(person.dept)} ${String(person.name)}` },
    });
    assert.deepEqual(
      changes.map((change) => change.path),
      ['people["财政局 王"]', 'people["财政局 赵"]', '"a.b"'],
    );
    assert.deepEqual(parsePath('people["财政局 王"]'), [{ field: 'people', keys: ['财政局 王'] }]);
    assert.deepEqual(parsePath('"a.b"'), [{ field: 'a.b', keys: [] }]);
  });

  test('an explicitly keyed array with a missing or duplicate key is an error, not a guess', () => {
    const before: JsonObject = { budgetByYear: [{ year: 2026, amount: '1' }] };
    const duplicate: JsonObject = {
      budgetByYear: [
        { year: 2026, amount: '1' },
        { year: 2026, amount: '2' },
      ],
    };
    assert.throws(() => diffSnapshots(before, duplicate, { keys: KEYS }), SnapshotDiffError);
    assert.throws(
      () => diffSnapshots(before, { budgetByYear: [{ amount: '1' }] }, { keys: KEYS }),
      /budgetByYear/,
    );
    // Keyed only by default (`id`): duplicates fall back to comparing by position.
    assert.deepEqual(
      diffSnapshots(
        { s: [{ id: 1, v: 'a' }] },
        {
          s: [
            { id: 1, v: 'a' },
            { id: 1, v: 'b' },
          ],
        },
      ),
      [{ path: 's[1]', kind: 'added', after: { id: 1, v: 'b' } }],
    );
  });

  test('property: a snapshot never differs from itself, and any change is found', () => {
    const json: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;
    const snapshot = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), json, { maxKeys: 6 });
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        assert.deepEqual(diffSnapshots(a, a), []);
        const changes: Change[] = diffSnapshots(a, b);
        assert.equal(changes.length === 0, jsonEqual(a, b) || sameAsSets(a, b));
      }),
      { numRuns: 300 },
    );
  });
});

/** True when a and b differ only in the order of primitive arrays (which the diff treats as sets). */
function sameAsSets(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const normal = (value: JsonValue | undefined): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(normal);
      const primitive = value.every((item) => item === null || typeof item !== 'object');
      return primitive ? items.map((item) => JSON.stringify(item)).sort() : items;
    }
    if (value !== null && typeof value === 'object') {
      const object = value as JsonObject;
      return Object.fromEntries(
        Object.keys(object)
          .filter((key) => object[key] !== undefined)
          .sort()
          .map((key) => [key, normal(object[key])]),
      );
    }
    return value;
  };
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

describe('labelFor', () => {
  test('shows Chinese labels by pattern, keeping element keys', () => {
    assert.equal(
      labelFor('budgetByYear[2026].amount', APPLICATION_FIELD_LABELS),
      '分年度预算（2026） › 金额',
    );
    assert.equal(labelFor('name', APPLICATION_FIELD_LABELS), '项目名称');
    assert.equal(
      labelFor('systems[sys-01].name', APPLICATION_FIELD_LABELS),
      '涉及信息系统（sys-01） › 系统名称',
    );
    // `name` is labelled only where a pattern says so: not under modules.
    assert.equal(
      labelFor('systems[sys-01].modules[m1].name', APPLICATION_FIELD_LABELS),
      '涉及信息系统（sys-01） › modules（m1） › name',
    );
    const labels = {
      ...APPLICATION_FIELD_LABELS,
      'systems[].modules': '功能模块',
      'systems[].modules[].name': '模块名称',
    };
    assert.equal(
      labelFor('systems[sys-01].modules[m1].name', labels),
      '涉及信息系统（sys-01） › 功能模块（m1） › 模块名称',
    );
  });

  test('an exact path label wins; unknown fields show their own name', () => {
    assert.equal(
      labelFor('budgetByYear[2026].amount', { 'budgetByYear[2026].amount': '2026年度预算' }),
      '2026年度预算',
    );
    assert.equal(labelFor('contact.phone', { contact: '联系人' }), '联系人 › phone');
    assert.equal(labelFor('contact.phone', { '*.phone': '电话' }), 'contact › 电话', '*.field at any depth');
    assert.equal(labelFor('toString', {}), 'toString', 'no prototype lookups');
  });
});
