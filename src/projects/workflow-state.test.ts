/**
 * The pure bridge between stored actions and the rulebooks: events that stand, facts from the
 * application, which decision a 退回 or 撤回 voids, and the state shown in lists.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateProject, getRulebook } from '../rules/index.ts';
import { calendar as TEST_CALENDAR } from '../rules/test-support.ts';
import {
  applicantSteps,
  budgetAddsUp,
  filingStep,
  openEstablishmentSteps,
  projectFacts,
  projectState,
  requiresSharingOpinion,
  returnTarget,
  reviewStep,
  rulebookEvents,
  type StoredAction,
  submissionStep,
  withdrawTarget,
} from './workflow-state.ts';

const DT = getRulebook('DT');
const SC = getRulebook('SC');
const JC = getRulebook('JC');
const XZ = getRulebook('XZ');

let nextId = 1;
function step(
  stepId: string,
  event: string,
  actorUserId = 'u-staff',
  voidedBy: number | null = null,
): StoredAction {
  return { id: nextId++, kind: 'step', stepId, event, onDate: '2026-11-23', actorUserId, voidedBy };
}
const other = (kind: string): StoredAction => ({
  id: nextId++,
  kind,
  stepId: null,
  event: null,
  onDate: '2026-11-23',
  actorUserId: 'u-x',
  voidedBy: null,
});

const BASE = {
  type: 'upgrade',
  planned: true,
  budgetYears: 1,
  coBuilders: 0,
  declarations: { interoperable: true },
  findings: {},
  dedicatedNetwork: false,
  dedicatedNetworkBasis: null,
  systemsInCatalog: true,
  materialCodes: [],
};

function evaluate(rulebook = DT, actions: StoredAction[] = [], facts = projectFacts(BASE)) {
  return evaluateProject(rulebook, {
    facts,
    events: rulebookEvents(actions),
    today: '2026-11-23',
    calendar: TEST_CALENDAR,
  });
}

describe('steps named by the rulebooks', () => {
  test('the application, review and filing steps of the four rulebooks', () => {
    assert.equal(submissionStep(DT)?.id, 'dt.application.submit');
    assert.equal(submissionStep(XZ)?.id, 'xz.application.prepare');
    assert.equal(reviewStep(DT)?.id, 'dt.review.assessment');
    assert.equal(reviewStep(SC)?.id, 'sc.review.assessment');
    assert.equal(reviewStep(XZ)?.id, 'xz.review.data_center');
    assert.equal(reviewStep(JC), undefined);
    assert.equal(filingStep(DT)?.id, 'dt.review.filing');
    assert.equal(filingStep(SC), undefined);
    assert.deepEqual(
      applicantSteps(SC).map((s) => s.id),
      ['sc.plan.register', 'sc.application.proposal', 'sc.application.submit'],
    );
  });

  test('SC-09a only SC asks for the opinion on the sharing analysis chapter', () => {
    assert.equal(requiresSharingOpinion(SC), true);
    assert.equal(requiresSharingOpinion(DT), false);
    assert.equal(requiresSharingOpinion(XZ), false);
  });
});

describe('events and facts', () => {
  test('voided step actions and non-step actions are not rulebook events', () => {
    const actions = [
      step('dt.plan.register', 'registered'),
      step('dt.application.submit', 'submitted', 'u-staff', 99),
      other('comment'),
      step('dt.application.submit', 'submitted'),
    ];
    assert.deepEqual(
      rulebookEvents(actions).map((e) => [e.type, e.stepId]),
      [
        ['registered', 'dt.plan.register'],
        ['submitted', 'dt.application.submit'],
      ],
    );
  });

  test('findings of the review override the applicant’s declarations', () => {
    const facts = projectFacts({
      ...BASE,
      declarations: { interoperable: true },
      findings: { interoperable: false },
    });
    assert.equal(facts.interoperable, false);
  });

  test('DT-09a/DT-12d multi-year, cross-department, dedicated network and catalog facts come from the application', () => {
    const facts = projectFacts({
      ...BASE,
      budgetYears: 2,
      coBuilders: 1,
      dedicatedNetwork: true,
      dedicatedNetworkBasis: '  ',
      systemsInCatalog: false,
      materialCodes: ['resource_catalog', 'finance_guarantee_opinion'],
    });
    assert.equal(facts.multiYear, true);
    assert.equal(facts.crossDepartment, true);
    assert.equal(facts.hasDedicatedNetwork, true);
    assert.equal(facts.dedicatedNetworkLegalBasis, false);
    assert.equal(facts.systemsInCatalog, false);
    assert.equal(facts.resourceCatalogProvided, true);
    assert.equal(facts.financeGuaranteeOpinion, true);
    assert.equal(projectFacts({ ...BASE, systemsInCatalog: null }).systemsInCatalog, true);
  });

  test('DT-09a the budget by year adds up to the total, in fen', () => {
    assert.equal(budgetAddsUp(100n, [{ amountFen: 60n }, { amountFen: 40n }]), true);
    assert.equal(budgetAddsUp(100n, [{ amountFen: 60n }, { amountFen: 39n }]), false);
    assert.equal(budgetAddsUp(100n, []), true);
  });
});

describe('退回 and 撤回', () => {
  test('a return to the applicant voids the submission; the resubmission goes back to the returning step', () => {
    const actions = [
      step('dt.plan.register', 'registered'),
      step('dt.application.submit', 'submitted'),
      step('dt.review.assessment', 'review_completed', 'u-reviewer'),
    ];
    const target = returnTarget(actions, DT, 'applicant');
    assert.equal(target?.stepId, 'dt.application.submit');
    const afterReturn = actions.map((a) => (a.id === target?.action.id ? { ...a, voidedBy: 1000 } : a));
    assert.deepEqual(openEstablishmentSteps(DT, evaluate(DT, afterReturn)), ['dt.application.submit']);
    const resubmitted = [...afterReturn, step('dt.application.submit', 'submitted')];
    assert.deepEqual(openEstablishmentSteps(DT, evaluate(DT, resubmitted)), ['dt.review.filing']);
  });

  test('a return to the previous step voids the latest decision that stands', () => {
    const actions = [
      step('dt.plan.register', 'registered'),
      step('dt.application.submit', 'submitted'),
      step('dt.review.assessment', 'review_completed', 'u-reviewer'),
    ];
    assert.equal(returnTarget(actions, DT, 'previous')?.stepId, 'dt.review.assessment');
    const onlySubmitted = actions.slice(0, 2);
    assert.equal(returnTarget(onlySubmitted, DT, 'previous')?.stepId, 'dt.application.submit');
    assert.equal(returnTarget([actions[0]], DT, 'previous'), null);
  });

  test('only the author of the latest action may withdraw it', () => {
    const actions = [
      step('dt.application.submit', 'submitted'),
      step('dt.review.assessment', 'review_completed', 'u-r'),
    ];
    assert.equal(withdrawTarget(actions, 'u-r')?.stepId, 'dt.review.assessment');
    assert.equal(withdrawTarget(actions, 'u-staff'), null);
  });
});

describe('the state shown in lists', () => {
  test('draft, in review, returned, withdrawn, in approval, established, refused', () => {
    const registered = [step('dt.plan.register', 'registered')];
    assert.equal(projectState(DT, evaluate(DT, []), []), 'draft');
    const submitted = [...registered, step('dt.application.submit', 'submitted')];
    assert.equal(projectState(DT, evaluate(DT, submitted), submitted), 'in_review');
    const returned = [registered[0], { ...submitted[1], voidedBy: 500 }, { ...other('returned'), id: 500 }];
    assert.equal(projectState(DT, evaluate(DT, returned), returned), 'returned');
    const withdrawn = [registered[0], { ...submitted[1], voidedBy: 501 }, { ...other('withdrawn'), id: 501 }];
    assert.equal(projectState(DT, evaluate(DT, withdrawn), withdrawn), 'withdrawn');
    const filed = [
      ...submitted,
      step('dt.review.assessment', 'review_completed'),
      step('dt.review.filing', 'filed'),
    ];
    assert.equal(projectState(DT, evaluate(DT, filed), filed), 'in_approval');
    const established = [...filed, step('dt.filing_approval.establishment', 'establishment_approved')];
    assert.equal(projectState(DT, evaluate(DT, established), established), 'established');
    const refused = [
      ...submitted,
      step('dt.review.assessment', 'review_completed'),
      step('dt.review.filing', 'filing_refused'),
    ];
    assert.equal(projectState(DT, evaluate(DT, refused), refused), 'refused');
  });
});
