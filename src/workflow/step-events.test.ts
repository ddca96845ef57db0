import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tx } from '../platform/db/client.ts';
import type { ProjectContext } from '../projects/index.ts';
import {
  runStepEventHandlers,
  type StepEvent,
  type StepEventHandler,
  stepEventRegistry,
} from './step-events.ts';

const handler = (): StepEventHandler => async () => {};
const event = (type: StepEvent['event']): StepEvent => ({
  stepId: 's',
  event: type,
  actorUserId: 'u',
  at: new Date(0),
  onDate: '2026-01-01',
});

test('onStepEvent: handlers are found by the event, in registration order, per registry', () => {
  const registry = stepEventRegistry();
  const first = handler();
  const second = handler();
  registry.onStepEvent('acceptance_passed', first);
  registry.onStepEvent('acceptance_passed', second);
  assert.deepEqual(registry.handlersFor('acceptance_passed'), [first, second]);
  assert.deepEqual(registry.handlersFor('contract_signed'), []);
  assert.deepEqual(stepEventRegistry().handlersFor('acceptance_passed'), []);
});

test('runStepEventHandlers runs the event’s handlers in order with the event, none without a registry', async () => {
  const registry = stepEventRegistry();
  const calls: string[] = [];
  registry.onStepEvent('acceptance_passed', async (_tx, _pc, e) => void calls.push(`a:${e.event}`));
  registry.onStepEvent('acceptance_passed', async (_tx, _pc, e) => void calls.push(`b:${e.stepId}`));
  registry.onStepEvent('contract_signed', async () => void calls.push('other'));
  const tx = {} as Tx;
  const pc = {} as ProjectContext;
  await runStepEventHandlers(registry, tx, pc, event('acceptance_passed'));
  assert.deepEqual(calls, ['a:acceptance_passed', 'b:s']);
  await runStepEventHandlers(undefined, tx, pc, event('acceptance_passed'));
  assert.deepEqual(calls, ['a:acceptance_passed', 'b:s']);
});
