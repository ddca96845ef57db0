// Module resolution hook (registered by test/support/shard.ts): test files that import `node:test`
// get test/support/node-test-shim.ts instead. The shim itself and this folder keep the real module.
const SHIM = new URL('./node-test-shim.ts', import.meta.url).href;
const SUPPORT = new URL('./', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (
    (specifier === 'node:test' || specifier === 'test') &&
    context.parentURL &&
    !context.parentURL.startsWith(SUPPORT)
  ) {
    return { url: SHIM, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
