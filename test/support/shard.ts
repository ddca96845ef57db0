/**
 * One shard of the test suite in one process (started by scripts/test-run.ts through `node --test`):
 * imports each file with its top-level registrations recorded, then runs each file as its own
 * `describe(<path>)` in turn, and writes the seconds each file took (wall clock: a file's child
 * processes and waits count as much as its own CPU) for the next run's balancing.
 */
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

register('./shim-hooks.mjs', import.meta.url);
const { recordInto } = await import('./node-test-shim.ts');

const secondsSince = (since: number) => (performance.now() - since) / 1000;

export async function runShard(root: string, files: string[], timesOut: string): Promise<void> {
  const times: Record<string, number> = {};
  const loaded: Array<{ file: string; registrations: Array<() => void>; error?: unknown }> = [];
  for (const file of files) {
    const registrations: Array<() => void> = [];
    const start = performance.now();
    recordInto(registrations);
    try {
      await import(pathToFileURL(path.resolve(root, file)).href);
      loaded.push({ file, registrations });
    } catch (error) {
      loaded.push({ file, registrations: [], error });
    } finally {
      recordInto(null);
    }
    times[file] = secondsSince(start);
  }
  for (const { file, registrations, error } of loaded) {
    describe(file, () => {
      let start: number;
      before(() => {
        start = performance.now();
      });
      if (error) {
        test('loads', () => {
          throw error;
        });
      }
      for (const register of registrations) register();
      after(() => {
        times[file] += secondsSince(start);
      });
    });
  }
  process.on('exit', () => {
    fs.mkdirSync(path.dirname(timesOut), { recursive: true });
    fs.writeFileSync(timesOut, `${JSON.stringify(times, null, 1)}\n`);
  });
}
