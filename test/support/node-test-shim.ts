/**
 * Stands in for `node:test` inside test files when several files run in one process (see
 * scripts/test-run.ts). While a file is being imported, its top-level `test`/`describe`/`before`/
 * `after`/`beforeEach`/`afterEach` calls are recorded instead of run; the shard then replays them
 * inside one `describe(<file path>)`, so each file's hooks stay scoped to its own tests (its database
 * is opened before and closed after them) without re-indenting the file. Outside an import (inside
 * a describe callback or a running test) every call goes straight to node:test.
 */
import * as nodeTest from 'node:test';

type AnyFn = (...args: never[]) => unknown;

let recording: Array<() => void> | null = null;

/** Records top-level registrations into `list` until called again with null. */
export function recordInto(list: Array<() => void> | null): void {
  recording = list;
}

function deferrable<F extends AnyFn>(fn: F): F {
  const wrapped = (...args: Parameters<F>) => {
    if (recording) {
      recording.push(() => {
        fn(...args);
      });
      return Promise.resolve();
    }
    return fn(...args);
  };
  return wrapped as unknown as F;
}

function runner<F extends AnyFn & { skip?: AnyFn; todo?: AnyFn; only?: AnyFn }>(fn: F): F {
  const wrapped = deferrable(fn) as F & Record<string, unknown>;
  for (const key of ['skip', 'todo', 'only'] as const) {
    const variant = fn[key];
    if (typeof variant === 'function') wrapped[key] = deferrable(variant);
  }
  return wrapped;
}

export const test = runner(nodeTest.test);
export const it = runner(nodeTest.it);
export const describe = runner(nodeTest.describe);
export const suite = runner(nodeTest.suite);
export const before = deferrable(nodeTest.before);
export const after = deferrable(nodeTest.after);
export const beforeEach = deferrable(nodeTest.beforeEach);
export const afterEach = deferrable(nodeTest.afterEach);
export const skip = deferrable(nodeTest.skip);
export const todo = deferrable(nodeTest.todo);
export const only = deferrable(nodeTest.only);
export const mock = nodeTest.mock;
export const run = nodeTest.run;

Object.assign(test, {
  test,
  it,
  describe,
  suite,
  before,
  after,
  beforeEach,
  afterEach,
  skip,
  todo,
  only,
  mock,
  run,
});
export default test;
