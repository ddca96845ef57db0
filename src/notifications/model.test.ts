import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../platform/errors.ts';
import { BUILT_IN_RULEBOOKS } from '../rules/index.ts';
import { checkPreferences, filingNoticeKind, isFilingStep } from './model.ts';

test('every built-in rulebook has filing steps, read from its data', () => {
  const found: Record<string, string[]> = {};
  for (const rb of BUILT_IN_RULEBOOKS) {
    found[rb.id] = rb.workflow.stages.flatMap((stage) =>
      stage.steps.filter((step) => isFilingStep(stage.code, step)).map((step) => step.id),
    );
  }
  assert.ok(found.DT?.includes('dt.review.filing'));
  assert.ok(found.SC?.includes('sc.review.record'));
  assert.ok(found.XZ?.includes('xz.review.city_review'));
  assert.ok(found.JC?.includes('jc.filing_approval.establishment'));
});

test('a filing decision is filed or refused; approving 立项 itself is the 立项 notice', () => {
  const steps = BUILT_IN_RULEBOOKS.flatMap((rb) => rb.workflow.stages.flatMap((s) => s.steps));
  const step = (id: string) => steps.find((s) => s.id === id)!;
  const dt = step('dt.review.filing');
  assert.equal(filingNoticeKind(dt, dt.outcomes[0]), 'filed');
  assert.equal(filingNoticeKind(dt, dt.outcomes[1]), 'filing_refused');
  const jc = step('jc.filing_approval.establishment');
  assert.equal(filingNoticeKind(jc, jc.outcomes[0]), null);
  assert.equal(filingNoticeKind(jc, jc.outcomes[1]), 'filing_refused');
});

test('preference checks refuse at the field, never correct', () => {
  const ok = { email: 'li.si@gov.cn', emailEnabled: true, webhookEnabled: false, mutedKinds: ['urged'] };
  checkPreferences(ok, [], { webhookEnabled: false });
  checkPreferences({ ...ok, email: null }, ['smtp'], { webhookEnabled: false });
  const field = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      assert.ok(err instanceof DomainError);
      return err.field;
    }
    return 'accepted';
  };
  assert.equal(
    field(() => checkPreferences({ ...ok, email: 'li si@gov.cn' }, [], { webhookEnabled: false })),
    'email',
  );
  assert.equal(
    field(() => checkPreferences({ ...ok, email: 'li.si@gov' }, [], { webhookEnabled: false })),
    'email',
  );
  assert.equal(
    field(() => checkPreferences({ ...ok, webhookEnabled: true }, ['smtp'], { webhookEnabled: false })),
    'webhookEnabled',
  );
  // A bot switched on before the platform dropped it does not block other changes.
  assert.equal(
    field(() => checkPreferences({ ...ok, webhookEnabled: true }, [], { webhookEnabled: true })),
    'accepted',
  );
  assert.equal(
    field(() => checkPreferences({ ...ok, mutedKinds: ['urged', 'nope'] }, [], { webhookEnabled: false })),
    'mutedKinds',
  );
});
