import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Step } from '../rules/index.ts';
import { type StepDecidedHandler, stepDecidedRegistry } from './step-decided.ts';

const step = (action?: Step['action']) => ({ id: 's', action }) as unknown as Step;
const handler = (): StepDecidedHandler => ({ handle: async () => undefined });

test('onStepDecided: handlers are found by the step action, in registration order, per registry', () => {
  const registry = stepDecidedRegistry();
  const first = handler();
  const second = handler();
  registry.onStepDecided('file_review', first);
  registry.onStepDecided('file_review', second);
  assert.deepEqual(registry.handlersFor(step('file_review')), [first, second]);
  assert.deepEqual(registry.handlersFor(step('approve_establishment')), []);
  assert.deepEqual(registry.handlersFor(step()), []);
  assert.deepEqual(stepDecidedRegistry().handlersFor(step('file_review')), []);
});
