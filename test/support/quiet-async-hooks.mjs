/**
 * Loaded with `--import` into every test-shard process (scripts/test-run.ts), before `node:test`.
 *
 * node:test's harness enables an async hook for the whole run that maps every async resource to
 * the test it came from (so that `test()`/`before()` inside a describe find their parent, and an
 * uncaught error names its test), with a `destroy` callback to forget them. A destroy hook makes V8
 * track every promise until it is garbage collected: promise-heavy code (PGlite's protocol, drizzle,
 * fastify's inject) ran several times slower inside a test than outside it (300,000 awaits: 20 ms
 * outside, ~400 ms inside). The harness gets a hook that records only the tests and suites
 * themselves (async resources of type 'Test', a few thousand per run) and has no destroy callback
 * (~65 ms). Nesting is unchanged; an error thrown later in a test's asynchronous work still fails
 * the run (the harness reports it as a top-level diagnostic and sets the exit code), it is only no
 * longer pinned to that test (docs/decisions/0003).
 */
import asyncHooks from 'node:async_hooks';

const createHook = asyncHooks.createHook;
asyncHooks.createHook = function createHookForTheHarness(callbacks) {
  const caller = new Error().stack ?? '';
  if (caller.includes('internal/test_runner/harness') && typeof callbacks.init === 'function') {
    const init = callbacks.init;
    return createHook.call(this, {
      init(asyncId, type, triggerAsyncId, resource) {
        if (type === 'Test') init(asyncId, type, triggerAsyncId, resource);
      },
    });
  }
  return createHook.call(this, callbacks);
};
