import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_INDICATORS,
  efficacyProblems,
  efficacyScore,
  evaluationRulesFor,
  gradeOf,
  indicatorSetProblems,
  projectScore,
  rollUp,
  scoreProblems,
} from './evaluation.ts';

const all = (phase: 'construction' | 'operation', score: number) =>
  DEFAULT_INDICATORS.filter((i) => i.phases.includes(phase)).map((i) => ({ code: i.code, score }));

describe('evaluation rules', () => {
  test('DT-28 the default indicator set names every dimension of the text and weighs 100', () => {
    const names = DEFAULT_INDICATORS.map((i) => i.name);
    for (const n of [
      '资金使用',
      '产出与效果',
      '应用效率',
      '服务',
      '便捷性',
      '满意度',
      '技术维护',
      '数据共享',
      '运维机制',
      '停用报废',
    ])
      assert.ok(names.includes(n), n);
    assert.deepEqual(indicatorSetProblems(DEFAULT_INDICATORS), []);
    const bad = indicatorSetProblems([{ code: 'a', name: 'A', weight: 60, phases: ['operation'] }]);
    assert.equal(bad[0].code, 'EVAL_WEIGHTS_TOTAL');
  });

  test('a project score is weighted over its phase; out-of-range and missing scores are refused at the field', () => {
    assert.equal(projectScore(DEFAULT_INDICATORS, 'operation', all('operation', 80)), 80);
    const scores = all('construction', 100).map((s) => (s.code === 'funds' ? { ...s, score: 50 } : s));
    // funds weighs 15 of the 50 construction points: (50*15 + 100*35) / 50 = 85
    assert.equal(projectScore(DEFAULT_INDICATORS, 'construction', scores), 85);
    const out = scoreProblems(DEFAULT_INDICATORS, 'operation', [
      ...all('operation', 70).slice(1),
      { code: 'funds', score: 120 },
    ]);
    assert.deepEqual(
      out.map((p) => [p.code, p.field]),
      [['EVAL_SCORE_OUT_OF_RANGE', 'scores.9.score']],
    );
    assert.equal(
      scoreProblems(DEFAULT_INDICATORS, 'construction', all('operation', 70))[0].code,
      'EVAL_INDICATOR_UNKNOWN',
    );
    assert.equal(scoreProblems(DEFAULT_INDICATORS, 'operation', [])[0].code, 'EVAL_SCORE_MISSING');
  });

  test('DT-07 DT-31 the roll-up gives each department the mean of its projects and a grade', () => {
    const result = rollUp([
      { organisationId: 'b', phase: 'construction', score: 70 },
      { organisationId: 'a', phase: 'operation', score: 95 },
      { organisationId: 'b', phase: 'operation', score: 81 },
    ]);
    assert.deepEqual(result, [
      { organisationId: 'a', score: 95, grade: 'excellent', projects: 1, construction: 0, operation: 1 },
      { organisationId: 'b', score: 76, grade: 'good', projects: 2, construction: 1, operation: 1 },
    ]);
    assert.deepEqual(
      [gradeOf(90), gradeOf(89.9), gradeOf(60), gradeOf(59)],
      ['excellent', 'good', 'pass', 'fail'],
    );
  });

  test('DT-30 efficacy combines document review, third party and the questionnaire on five dimensions', () => {
    const r = efficacyScore({
      documentReview: { support: 80, efficiency_gain: 70, sustainability: 60, security: 90 },
      thirdParty: { support: 90, satisfaction: 60, efficiency_gain: 80, sustainability: 70, security: 100 },
      questionnaire: 80,
    });
    assert.equal(r.dimensions.length, 5);
    assert.deepEqual(
      r.dimensions.map((d) => d.score),
      [85, 70, 75, 65, 95],
    );
    assert.equal(r.total, 78);
    assert.equal(efficacyScore({ documentReview: {}, thirdParty: {}, questionnaire: null }).total, null);
  });

  test('DT-30 XZ-26 efficacy needs all three sources: document review, a named third party on five dimensions, the questionnaire', () => {
    const full = {
      documentReview: { support: 80 },
      thirdParty: { support: 90, satisfaction: 60, efficiency_gain: 80, sustainability: 70, security: 100 },
      questionnaire: 80,
      evaluatorOrganisationId: 'org',
    };
    assert.deepEqual(efficacyProblems(full), []);
    const codes = (x: Parameters<typeof efficacyProblems>[0]) => efficacyProblems(x).map((p) => p.field);
    assert.deepEqual(codes({ ...full, documentReview: {} }), ['documentReview']);
    assert.deepEqual(codes({ ...full, evaluatorOrganisationId: null }), ['evaluatorOrganisationId']);
    assert.deepEqual(codes({ ...full, questionnaire: null }), ['satisfaction']);
    assert.deepEqual(codes({ ...full, thirdParty: { support: 90, security: 80 } }), [
      'thirdParty.satisfaction',
      'thirdParty.efficiency_gain',
      'thirdParty.sustainability',
    ]);
  });

  test('SC-22 XZ-23 finance spot-checks where the text names it; JC has no yearly evaluation', () => {
    assert.equal(evaluationRulesFor('DT')?.spotCheck, null);
    assert.equal(evaluationRulesFor('SC')?.spotCheck?.financeName, '区财政局');
    assert.equal(evaluationRulesFor('XZ')?.spotCheck?.financeName, '财务科');
    assert.equal(evaluationRulesFor('JC'), null);
    assert.equal(evaluationRulesFor('DT_YG', 'DT')?.publication?.articles[0], 'DT-07');
  });
});
