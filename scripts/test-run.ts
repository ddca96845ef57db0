/**
 * The test runner behind `npm test`: several files per process, in balanced shards.
 *
 *   node --import tsx scripts/test-run.ts [file-or-folder …]
 *
 * Without arguments it runs every *.test.ts under src/, shared/, test/, scripts/ and web/src/ except
 * test/browser/. The files are split into TEST_SHARDS shards (default: the number of cores), longest
 * first onto the least-loaded shard, by the seconds each file took last time (wall clock inside its
 * shard, so that a file's child processes count: .tmp/test-times.json, else the committed
 * test/support/test-times.json, else an estimate). Each shard is one `node --test`
 * child that imports its files and runs each as its own `describe(<path>)` (test/support/shard.ts), so
 * the tsx loader, the app graph, the PGlite WASM and the compiled validators are paid once per shard
 * instead of once per file. Every file still gets its own fresh database. A new *.test.ts file is
 * picked up by the same search; nothing needs registering.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEARCH = ['src', 'shared', 'test', 'scripts', 'web/src'];
const TIMES = path.join(ROOT, '.tmp', 'test-times.json');
const SEED_TIMES = path.join(ROOT, 'test', 'support', 'test-times.json');

function testFiles(under: string): string[] {
  const abs = path.resolve(ROOT, under);
  if (!fs.existsSync(abs)) throw new Error(`no such file or folder: ${under}`);
  if (fs.statSync(abs).isFile()) return [path.relative(ROOT, abs)];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.relative(ROOT, path.join(abs, f)))
    .filter((f) => !f.startsWith(`test${path.sep}browser${path.sep}`));
}

function readTimes(file: string): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** Longest first onto the least-loaded shard. */
export function balance(files: string[], cost: (f: string) => number, shards: number): string[][] {
  const bins = Array.from({ length: shards }, () => ({ load: 0, files: [] as string[] }));
  for (const f of [...files].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
    const bin = bins.reduce((min, b) => (b.load < min.load ? b : min));
    bin.files.push(f);
    bin.load += cost(f);
  }
  return bins.filter((b) => b.files.length > 0).map((b) => b.files);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const files = [...new Set((args.length ? args : SEARCH).flatMap(testFiles))].sort();
  if (files.length === 0) {
    console.error('no test files found');
    return 1;
  }
  const known = { ...readTimes(SEED_TIMES), ...readTimes(TIMES) };
  const heavy = [`test${path.sep}api${path.sep}`, `test${path.sep}access${path.sep}`];
  const cost = (f: string) => known[f] ?? (heavy.some((dir) => f.startsWith(dir)) ? 20 : 1);
  const shardCount = Math.max(1, Number(process.env.TEST_SHARDS ?? os.availableParallelism()));
  const shards = balance(files, cost, Math.min(shardCount, files.length));

  // One folder per run, so that two runs in the same tree do not overwrite each other's shards.
  const SHARD_DIR = path.join(ROOT, '.tmp', 'test-shards', String(process.pid));
  fs.rmSync(SHARD_DIR, { recursive: true, force: true });
  fs.mkdirSync(SHARD_DIR, { recursive: true });
  const shardModule = path.join(ROOT, 'test', 'support', 'shard.ts');
  const entries = shards.map((list, i) => {
    const entry = path.join(SHARD_DIR, `shard-${i + 1}-of-${shards.length}.mjs`);
    const timesOut = path.join(SHARD_DIR, `times-${i + 1}.json`);
    fs.writeFileSync(
      entry,
      `import { runShard } from ${JSON.stringify(shardModule)};\n` +
        `await runShard(${JSON.stringify(ROOT)}, ${JSON.stringify(list, null, 1)}, ${JSON.stringify(timesOut)});\n`,
    );
    const estimate = list.reduce((s, f) => s + cost(f), 0);
    console.error(`shard ${i + 1}: ${list.length} files, ~${estimate.toFixed(0)} s`);
    return entry;
  });

  const child = spawn(
    process.execPath,
    [
      ...(process.env.TEST_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
      '--import',
      pathToFileURL(path.join(ROOT, 'test', 'support', 'quiet-async-hooks.mjs')).href,
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${shards.length}`,
      ...entries,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const code = await new Promise<number>((resolve) => {
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });

  // Keep what this run measured for the next run's balancing.
  const measured: Record<string, number> = {};
  for (let i = 1; i <= shards.length; i++) {
    Object.assign(measured, readTimes(path.join(SHARD_DIR, `times-${i}.json`)));
  }
  const merged = { ...readTimes(TIMES), ...measured };
  const rounded = Object.fromEntries(
    Object.entries(merged)
      .filter(([f]) => fs.existsSync(path.join(ROOT, f)))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([f, s]) => [f, Math.round(s * 10) / 10]),
  );
  fs.writeFileSync(TIMES, `${JSON.stringify(rounded, null, 2)}\n`);
  fs.rmSync(SHARD_DIR, { recursive: true, force: true });
  return code;
}

process.exitCode = await main();
