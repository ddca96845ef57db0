import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CLOUD_SERVICE_CATEGORIES,
  canTransition,
  codeFromText,
  FORMAT_CLASSES,
  labelOf,
  RESOURCE_STATES,
  RESOURCE_TRANSITIONS,
  SHARING_METHODS,
  SHARING_METHODS_BY_FORMAT,
  SYSTEM_STATUSES,
} from './model.ts';

describe('catalog enumerations', () => {
  test('system statuses carry the GLOSSARY code names with their Chinese labels', () => {
    assert.deepEqual(
      SYSTEM_STATUSES.map((s) => `${s.code}=${s.label}`),
      ['under_construction=在建', 'in_operation=运行', 'suspended=停用', 'retired=已报废'],
    );
  });

  test('labels, codes and aliases are read back, ignoring width, spaces and ASCII case', () => {
    assert.equal(codeFromText(SYSTEM_STATUSES, ' 运行 '), 'in_operation');
    assert.equal(codeFromText(SYSTEM_STATUSES, '运行中'), 'in_operation');
    assert.equal(codeFromText(SYSTEM_STATUSES, 'RETIRED'), 'retired');
    assert.equal(codeFromText(CLOUD_SERVICE_CATEGORIES, 'ｉａａｓ'), 'iaas');
    assert.equal(codeFromText(SYSTEM_STATUSES, '报废中'), undefined);
    assert.equal(labelOf(SYSTEM_STATUSES, 'suspended'), '停用');
  });

  test('every format class has a non-empty list of fitting sharing methods from the method list', () => {
    const methods = SHARING_METHODS.map((m) => m.code);
    for (const format of FORMAT_CLASSES) {
      const fitting = SHARING_METHODS_BY_FORMAT[format.code];
      assert.ok(fitting.length > 0, format.code);
      for (const method of fitting) assert.ok(methods.includes(method));
    }
    assert.deepEqual(SHARING_METHODS_BY_FORMAT.database, ['interface', 'table_exchange']);
  });
});

describe('resource lifecycle 注册 → 审核 → 发布 → 下架', () => {
  test('the transitions are data and canTransition follows them', () => {
    assert.equal(canTransition('registered', 'under_review'), true);
    assert.equal(canTransition('under_review', 'published'), true);
    assert.equal(canTransition('under_review', 'registered'), true);
    assert.equal(canTransition('published', 'withdrawn'), true);
    assert.equal(canTransition('withdrawn', 'under_review'), true);
  });

  test('no step is skipped and nothing leaves a state to itself', () => {
    assert.equal(canTransition('registered', 'published'), false);
    assert.equal(canTransition('published', 'registered'), false);
    assert.equal(canTransition('withdrawn', 'published'), false);
    for (const state of RESOURCE_STATES) assert.equal(canTransition(state.code, state.code), false);
    const states = RESOURCE_STATES.map((s) => s.code);
    for (const move of RESOURCE_TRANSITIONS)
      assert.ok(states.includes(move.from) && states.includes(move.to));
  });
});
