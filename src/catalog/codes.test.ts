import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkResourceCode,
  checkUscc,
  formatResourceCode,
  isValidUscc,
  nextSequenceCode,
  parseResourceCode,
  usccCheckChar,
} from './codes.ts';
import { departmentUscc } from './test-support.ts';

describe('resource codes (资源代码, 编制指南 前段码/后段码)', () => {
  test('DT-10 parses 类 项 目 细目 and 顺序码 of 301001001/000123', () => {
    const parsed = parseResourceCode('301001001/000123');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.code, {
      category: 'department',
      classDigit: '3',
      item: '01',
      heading: '001',
      subheading: '001',
      prefix: '301001001',
      sequence: '000123',
      text: '301001001/000123',
    });
  });

  test('spaces and full-width digits are folded: “3 01 001 001／000123” is 301001001/000123', () => {
    const parsed = parseResourceCode(' 3 01 001 001／０００１２３ ');
    assert.ok(parsed.ok);
    assert.equal(parsed.code.text, '301001001/000123');
  });

  test('a 前段码 alone is accepted with no sequence', () => {
    const parsed = parseResourceCode('102001000');
    assert.ok(parsed.ok);
    assert.equal(parsed.code.sequence, null);
    assert.equal(parsed.code.category, 'basic');
    assert.equal(parsed.code.subheading, '000');
  });

  test('malformed codes are rejected with the grammar in the message', () => {
    for (const bad of [
      '401001001/000001',
      '30100100/000001',
      '301001001/00001',
      '3-01-001-001/000001',
      'A01001001',
      '',
    ]) {
      const parsed = parseResourceCode(bad);
      assert.equal(parsed.ok, false, bad);
    }
    const parsed = parseResourceCode('30100100/000001');
    assert.ok(!parsed.ok);
    assert.match(parsed.message, /9 位前段码/);
  });

  test('zero 项, zero 目 and zero 顺序码 are rejected', () => {
    assert.equal(parseResourceCode('300001001').ok, false);
    assert.equal(parseResourceCode('301000001').ok, false);
    assert.equal(parseResourceCode('301001001/000000').ok, false);
  });

  test('DT-10 the 类 digit must agree with the declared 资源分类', () => {
    assert.deepEqual(checkResourceCode('301001001/000001', 'code', { category: 'department' }), []);
    const problems = checkResourceCode('201001001/000001', 'code', { category: 'basic' });
    assert.deepEqual(
      problems.map((p) => p.code),
      ['RESOURCE_CODE_CATEGORY_MISMATCH'],
    );
    assert.match(problems[0].message, /主题信息资源.*基础信息资源/);
  });

  test('a complete code is required where asked (关联资源代码)', () => {
    const problems = checkResourceCode('101001001', 'relatedCodes', { requireSequence: true });
    assert.deepEqual(
      problems.map((p) => p.code),
      ['RESOURCE_CODE_SEQUENCE_REQUIRED'],
    );
  });

  test('formatResourceCode pads the parts and round-trips through the parser', () => {
    assert.equal(
      formatResourceCode({ category: 'department', item: 1, heading: 1, subheading: 1, sequence: 123 }),
      '301001001/000123',
    );
    assert.equal(formatResourceCode({ category: 'subject', item: '12', heading: 5 }), '212005000');
    assert.throws(() => formatResourceCode({ category: 'basic', item: 100, heading: 1 }), RangeError);
    assert.throws(() => formatResourceCode({ category: 'basic', item: 0, heading: 1 }), RangeError);
  });

  test('nextSequenceCode continues after the highest sequence of the same prefix only', () => {
    const existing = ['301001001/000001', '301001001/000007', '301001002/000050', 'garbage', '301001001'];
    assert.equal(nextSequenceCode('301001001', existing), '000008');
    assert.equal(nextSequenceCode('301001003', existing), '000001');
    assert.throws(() => nextSequenceCode('301001001', ['301001001/999999']), RangeError);
    assert.throws(() => nextSequenceCode('301001001/000001', []), RangeError);
  });
});

describe('统一社会信用代码 (GB 32100-2015 check character)', () => {
  test('the commonly cited 91350100M000100Y43 is valid: its check character computes to 3', () => {
    assert.equal(usccCheckChar('91350100M000100Y4'), '3');
    assert.equal(isValidUscc('91350100M000100Y43'), true);
    assert.deepEqual(checkUscc('91350100M000100Y43', 'providerCode'), []);
  });

  test('lower case, spaces and full-width letters are folded before checking', () => {
    assert.equal(isValidUscc(' 91350100m000100y43 '), true);
    assert.equal(isValidUscc('９１３５０１００Ｍ０００１００Ｙ４３'), true);
  });

  test('a wrong check character is reported with the expected one', () => {
    const problems = checkUscc('91350100M000100Y44', 'providerCode');
    assert.deepEqual(
      problems.map((p) => p.code),
      ['USCC_CHECKSUM'],
    );
    assert.match(problems[0].message, /校验码应为“3”/);
  });

  test('wrong length, forbidden letters (I O S V Z) and a non-digit region are invalid', () => {
    assert.equal(checkUscc('91350100M000100Y4', 'x')[0].code, 'USCC_INVALID');
    assert.equal(checkUscc('91350100M000100I43', 'x')[0].code, 'USCC_INVALID');
    assert.equal(checkUscc('913501A0M000100Y43', 'x')[0].code, 'USCC_INVALID');
    assert.equal(isValidUscc('9135010OM000100Y43'), false);
  });

  test('every fixture department code is valid and changing one character breaks it', () => {
    for (let n = 1; n <= 20; n++) {
      const code = departmentUscc(n);
      assert.equal(isValidUscc(code), true, code);
      const tampered = `${code.slice(0, 10)}${code[10] === '9' ? '8' : '9'}${code.slice(11)}`;
      assert.equal(isValidUscc(tampered), false, tampered);
    }
  });
});
