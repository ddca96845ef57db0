/** The operations rules (issue 15) as pure functions over each rulebook's operations section. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  addMonths,
  countsAsCloud,
  liableParty,
  missingInternalRules,
  missingResponsibility,
  nextAssessmentDue,
  operationsRulesFor,
  reportDueAt,
  reportingHours,
  reportMissed,
} from './operations.ts';

const rules = (code: string) => {
  const found = operationsRulesFor(code);
  assert.ok(found, code);
  return found;
};

test('DT-35 测评 is yearly at level 3, half-yearly at level 4, none at level 1; 密评 from level 3', () => {
  const dt = rules('DT');
  assert.equal(nextAssessmentDue(dt, 'mlps', 3, '2025-06-01'), '2026-06-01');
  assert.equal(nextAssessmentDue(dt, 'mlps', 4, '2025-06-01'), '2025-12-01');
  assert.equal(nextAssessmentDue(dt, 'mlps', 1, '2025-06-01'), null);
  assert.equal(nextAssessmentDue(dt, 'mlps', null, '2025-06-01'), null);
  assert.equal(nextAssessmentDue(dt, 'crypto', 2, '2025-06-01'), null);
  assert.equal(nextAssessmentDue(dt, 'crypto', 3, '2025-06-01'), '2026-06-01');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
});

test('DT-36 reporting deadline: 较大 and above 4 hours, critical information infrastructure 1 hour, 一般 none', () => {
  const found = new Date('2026-11-23T02:00:00Z');
  assert.equal(reportingHours('general', false), null);
  assert.equal(reportingHours('major', false), 4);
  assert.equal(reportingHours('critical', true), 1);
  assert.equal(reportDueAt(found, 'major', false)?.toISOString(), '2026-11-23T06:00:00.000Z');
  const due = reportDueAt(found, 'serious', false);
  assert.equal(reportMissed(due, null, new Date('2026-11-23T05:59:00Z')), false);
  assert.equal(reportMissed(due, null, new Date('2026-11-23T06:01:00Z')), true);
  assert.equal(reportMissed(due, new Date('2026-11-23T05:00:00Z'), new Date('2026-11-24T00:00:00Z')), false);
  assert.equal(reportMissed(due, new Date('2026-11-23T07:00:00Z'), new Date('2026-11-24T00:00:00Z')), true);
});

test('DT-36 SC-29 XZ-32 only DT files incidents with the authority; the others report 按照规定向有关部门', () => {
  assert.deepEqual(rules('DT').incident.authorityFiling?.articles, ['DT-36']);
  assert.equal(rules('SC').incident.authorityFiling, null);
  assert.equal(rules('XZ').incident.authorityFiling, null);
  assert.equal(rules('JC').incident.authorityFiling, null);
  assert.equal(rules('SC').incident.reportTo, '按照规定向有关部门报告');
});

test('XZ-31 liability by cause only in XZ', () => {
  assert.equal(liableParty(rules('XZ'), 'weak_password'), 'user_unit');
  assert.equal(liableParty(rules('XZ'), 'stolen_password'), 'user_unit');
  assert.equal(liableParty(rules('XZ'), 'technical'), 'contractor');
  assert.equal(liableParty(rules('XZ'), 'other'), null);
  assert.equal(liableParty(rules('DT'), 'weak_password'), null);
});

test('XZ-28 only the 市级政务云 counts in XZ; DT-05b and DT-33 lists only in DT; DT-34 and JC-06 responsibilities', () => {
  assert.equal(countsAsCloud(rules('XZ'), 'district_cloud'), false);
  assert.equal(countsAsCloud(rules('XZ'), 'city_cloud'), true);
  assert.equal(countsAsCloud(rules('DT'), 'district_cloud'), true);
  assert.equal(missingInternalRules(rules('DT'), ['security']).length, 8);
  assert.deepEqual(missingInternalRules(rules('SC'), []), []);
  assert.equal(rules('DT').baseLibraries?.kinds.length, 6);
  assert.equal(rules('SC').baseLibraries, null);
  assert.deepEqual(missingResponsibility(rules('DT'), { collector: 'a' }), ['checker']);
  assert.deepEqual(missingResponsibility(rules('JC'), { collector: 'a' }), ['provider']);
  assert.equal(operationsRulesFor('140213', 'DT'), rules('DT'), 'a derived rulebook keeps its base’s rules');
  assert.equal(operationsRulesFor(null), null);
});

test('every article the operations sections cite is a requirement id', () => {
  const ids = new Set(
    readFileSync(new URL('../../docs/requirements.tsv', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0])
      .filter(Boolean),
  );
  for (const code of ['DT', 'SC', 'JC', 'XZ']) {
    const r = rules(code);
    const cited = [
      ...r.articles,
      ...r.assessmentArticles,
      ...r.riskAssessmentJoint.articles,
      ...r.emergencyPlanJoint.articles,
      ...r.incident.articles,
      ...(r.incident.authorityFiling?.articles ?? []),
      ...(r.incident.liability?.articles ?? []),
      ...r.dataResponsibility.articles,
      ...r.cloud.articles,
      ...r.cloud.omHandover.articles,
      ...(r.internalRules?.articles ?? []),
      ...(r.baseLibraries?.articles ?? []),
      ...(r.dailyMonitoring?.articles ?? []),
      ...(r.industryClouds?.articles ?? []),
    ];
    for (const id of cited) assert.ok(ids.has(id), `${code}: ${id}`);
  }
});
