/**
 * `npm run bench`: the platform on PostgreSQL under load beside the Redmine peer, on this machine
 * only (127.0.0.1). Everything stops by itself: every loop is bounded in time and in requests.
 *
 *  1. creates a throwaway database on BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres;
 *     any host other than a loopback address is refused), starts `src/server.ts` on it in demo mode,
 *     creates one project through the API as dt.staff and copies it in SQL to BENCH_PROJECTS (2,000)
 *     projects of that department; prepares BENCH_DECISION_POOL (100) submitted projects of
 *     dt.staff2's department through the API (create, upload the application materials, submit);
 *  2. BENCH_RUNS (3) rounds; in each, for each operation and each client count (BENCH_CLIENTS,
 *     10,50): BENCH_WARMUP s (5) of warm-up, then BENCH_SECONDS (20) measured with the bounded
 *     keep-alive client of bench/load.ts: req/s, p50/p99, errors, server CPU per request (app
 *     process + the PostgreSQL backends of the benchmark database, from /proc), app RSS. Reported
 *     as the median of the rounds with the spread (min–max req/s). The operations: project list,
 *     project detail, the ceiling (GET /api/organisations/:id: the session check plus one
 *     primary-key SELECT through the same pool), create (dt.staff2, so that the list stays fixed),
 *     one workflow decision (dt.reviewer decides 前置审查 and withdraws it, alternating, one project
 *     of the pool per client at a time), /api/tasks?limit=25;
 *  3. the Redmine peer (bench/peer.ts; BENCH_PEER=1 forces it, 0 turns it off, default on when
 *     /tmp/peer exists), started before the first round and measured in every round right after
 *     ours with the same client and CPU accounting: list, point read, create, status change with a
 *     note; ratios ours ÷ Redmine;
 *  4. embedded start time (PGlite) on a fresh and on an existing data folder;
 *  5. gzip size of the initial JS and of each other chunk of web/dist (when built).
 * BENCH_OPS (comma-separated keys: list,detail,ceiling,create,decision,tasks) picks operations;
 * BENCH_NODE_ARGS adds arguments to the server's node (e.g. --cpu-prof --cpu-prof-dir=.tmp/prof);
 * BENCH_LOG_SQL=1 logs every statement of the benchmark database (PostgreSQL's log), BENCH_KEEP_DB=1
 * keeps the database for EXPLAIN ANALYZE; BENCH_START=0 skips the embedded start times.
 * Where the PostgreSQL server runs with autovacuum = off (this machine's CI setting,
 * /etc/postgresql/15/main/conf.d/90-ci.conf), each measurement of ours starts after a
 * `vacuum (analyze)` of the benchmark database, outside the measured window: what autovacuum does in
 * production between bursts. Without it the statistics stay those of the 2,000 seeded projects and
 * the list's total count went to a sequential scan of every project created by earlier operations.
 * The results go to .tmp/bench/<timestamp>.json and are printed as Markdown (docs/benchmarks.md).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { generateKeyFileContent } from '../src/platform/crypto/keyring.ts';
import { cpuOf, load, type Op, type Result, rssMiB, type Session } from './load.ts';
import { type Peer, peerWanted, startPeer } from './peer.ts';
import { printReport } from './report.ts';
import { api, decisionOp, decisionPool, expectOk, login, PROJECT_BODY, seedProjects } from './setup.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_URL = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '10,50').split(',').map(Number);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const POOL = Number(process.env.BENCH_DECISION_POOL ?? 100);
const OPS = process.env.BENCH_OPS?.split(',');
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const SKIP_START = process.env.BENCH_START === '0';
/** For the profile of docs/benchmarks.md: log every statement with its parameters, keep the database. */
const LOG_SQL = process.env.BENCH_LOG_SQL === '1';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';

const loopback = (host: string) => host === 'localhost' || host.startsWith('127.') || host === '[::1]';
if (!loopback(new URL(PG_URL).hostname)) throw new Error(`BENCH_PG must be on this machine: ${PG_URL}`);
for (const n of [SECONDS, WARMUP, RUNS, POOL, ...CLIENTS])
  if (!Number.isFinite(n) || n < 0 || n > 100_000) throw new Error(`bad BENCH_* number: ${n}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startServer(
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<Server & { startMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_ARGS, '--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in ${timeoutMs} ms: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const startMs = Math.round(performance.now() - started);
  return {
    url,
    pid: child.pid!,
    startMs,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function backendPids(admin: pg.Client, database: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
    database,
  ]);
  return rows.map((r) => r.pid);
}

/** Where the load goes and whose CPU it costs. */
interface Target {
  url: string;
  session: Session;
  appPids(): number[];
  dbPids(): Promise<number[]>;
  /** Before the warm-up: the database maintenance production would have run by now (not measured). */
  maintain?(): Promise<void>;
}

async function measure(target: Target, op: Op, clients: number, run: number): Promise<Result> {
  await target.maintain?.();
  await load(target.url, target.session, op, clients, WARMUP);
  await op.settle?.();
  const load1 = os.loadavg()[0];
  const appPids = target.appPids();
  const dbPids = await target.dbPids();
  const app0 = new Map(appPids.map((p) => [p, cpuOf(p)]));
  const db0 = new Map(dbPids.map((p) => [p, cpuOf(p)]));
  const started = performance.now();
  const r = await load(target.url, target.session, op, clients, SECONDS);
  const seconds = (performance.now() - started) / 1000;
  let appCpu = 0;
  for (const p of target.appPids()) appCpu += cpuOf(p) - (app0.get(p) ?? 0);
  let dbCpu = 0;
  for (const p of await target.dbPids()) dbCpu += cpuOf(p) - (db0.get(p) ?? 0);
  await op.settle?.();
  const perRequest = r.requests > 0 ? ((appCpu + dbCpu) * 1000) / r.requests : 0;
  const result: Result = {
    op: op.name,
    clients,
    run,
    seconds: Math.round(seconds * 10) / 10,
    requests: r.requests,
    errors: r.errors,
    rps: Math.round((r.requests / seconds) * 10) / 10,
    p50: Math.round(r.p50 * 10) / 10,
    p99: Math.round(r.p99 * 10) / 10,
    appCpuMs: Math.round(appCpu * 1000),
    dbCpuMs: Math.round(dbCpu * 1000),
    cpuMsPerRequest: Math.round(perRequest * 100) / 100,
    rssMiB: target.appPids().reduce((sum, p) => sum + rssMiB(p), 0),
    load1: Math.round(load1 * 10) / 10,
  };
  console.error(JSON.stringify({ ...result, statuses: r.statuses }));
  return result;
}

async function startTimes(): Promise<{ freshMs: number; existingMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-bench-start-'));
  const env = {
    DATABASE_URL: '',
    DATA_DIR: path.join(dir, 'data'),
    TONGCHOU_KEY_FILE: path.join(dir, 'keys', 'keys.json'),
    TONGCHOU_DEMO: 'true',
  };
  try {
    const fresh = await startServer(env);
    await fresh.stop();
    const existing = await startServer(env);
    await existing.stop();
    return { freshMs: fresh.startMs, existingMs: existing.startMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function bundleSizes(): {
  initialKiB: number;
  initial: string[];
  chunks: { file: string; gzipKiB: number }[];
} | null {
  const dist = path.join(ROOT, 'web', 'dist');
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index, 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]));
  const kib = (file: string) =>
    Math.round((gzipSync(fs.readFileSync(path.join(dist, file))).length / 1024) * 10) / 10;
  const assets = fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return {
    initialKiB: Math.round([...initial].reduce((s, f) => s + kib(f), 0) * 10) / 10,
    initial: [...initial],
    chunks: assets.filter((f) => !initial.has(f)).map((file) => ({ file, gzipKiB: kib(file) })),
  };
}

/** Our operation → the peer's equivalent (bench/peer.ts). */
const PEER_KEYS: Record<string, string> = {
  list: 'list',
  detail: 'read',
  create: 'create',
  decision: 'update',
};

async function main() {
  const loadBefore = os.loadavg();
  const database = `tongchou_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  if (LOG_SQL) await admin.query(`alter database ${database} set log_min_duration_statement = 0`);
  const dbUrl = new URL(PG_URL);
  dbUrl.pathname = `/${database}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-bench-'));
  let server: (Server & { startMs: number }) | undefined;
  const results: Result[] = [];
  const peerResults: Result[] = [];
  const keys: Record<string, string> = {};
  let peer: Peer | undefined;
  let maintenance: pg.Client | undefined;
  const peerOps: Record<string, string> = {};
  let peerNote =
    'skipped because BENCH_PEER=0 or /tmp/peer is missing (bash ../shared/peer/install.sh, or BENCH_PEER=1)';
  try {
    const keyFile = path.join(dir, 'keys', 'keys.json');
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, generateKeyFileContent(), { mode: 0o600 });
    server = await startServer({
      DATABASE_URL: dbUrl.toString(),
      DATA_DIR: path.join(dir, 'data'),
      TONGCHOU_KEY_FILE: keyFile,
      TONGCHOU_DEMO: 'true',
      LOGIN_RATE_LIMIT: '100000',
    });
    const url = server.url;
    const staff = await login(url, 'dt.staff');
    const staff2 = await login(url, 'dt.staff2');
    const reviewer = await login(url, 'dt.reviewer');
    const created = await expectOk(api(url, staff, 'POST', '/api/projects', PROJECT_BODY), 'create');
    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    await seedProjects(db, created.id as string, PROJECTS);
    const ids = (await db.query<{ id: string }>('select id from projects')).rows.map((r) => r.id);
    await db.end();
    const wanted = (key: string) => !OPS || OPS.includes(key);
    const pool = wanted('decision') ? await decisionPool(url, staff2, POOL) : [];
    const me = await expectOk(api(url, staff, 'GET', '/api/auth/me'), 'me');
    const orgId = (me.roles as { organisationId: string }[] | undefined)?.[0]?.organisationId;
    const orgs = (await expectOk(api(url, staff, 'GET', '/api/organisations'), 'orgs')).items as {
      id: string;
    }[];
    const ceilingId = orgId ?? orgs[0].id;
    console.error(`seeded ${PROJECTS} projects in ${database}; decision pool ${pool.length}`);

    const server_ = server;
    const autovacuum = (await admin.query<{ autovacuum: string }>('show autovacuum')).rows[0]?.autovacuum;
    maintenance = autovacuum === 'off' ? new pg.Client({ connectionString: dbUrl.toString() }) : undefined;
    if (maintenance) {
      await maintenance.connect();
      console.error('autovacuum is off on this server: vacuum (analyze) before each measurement of ours');
    }
    const target = (session: Session): Target => ({
      url,
      session,
      appPids: () => [server_.pid],
      dbPids: () => backendPids(admin, database),
      ...(maintenance ? { maintain: async () => void (await maintenance?.query('vacuum (analyze)')) } : {}),
    });
    let next = 0;
    let made = 0;
    const ops: { key: string; op: Op; as: Session }[] = [
      {
        key: 'list',
        as: staff,
        op: {
          name: 'project list (25 rows, department, state filter, total)',
          next: () => ({ method: 'GET', path: '/api/projects?state=draft&mine=true&limit=25' }),
        },
      },
      {
        key: 'detail',
        as: staff,
        op: {
          name: 'project detail',
          next: () => ({ method: 'GET', path: `/api/projects/${ids[next++ % ids.length]}` }),
        },
      },
      {
        key: 'ceiling',
        as: staff,
        op: {
          name: 'ceiling: session check + one primary-key SELECT (GET /api/organisations/:id)',
          next: () => ({ method: 'GET', path: `/api/organisations/${ceilingId}` }),
        },
      },
      {
        key: 'create',
        as: staff2,
        op: {
          name: 'create project',
          next: () => ({
            method: 'POST',
            path: '/api/projects',
            body: JSON.stringify({ ...PROJECT_BODY, name: `基准测试新建项目${++made}` }),
          }),
        },
      },
      { key: 'decision', as: reviewer, op: decisionOp(pool, url, reviewer) },
      {
        key: 'tasks',
        as: staff,
        op: {
          name: '/api/tasks (25 of 2,000 open drafts)',
          next: () => ({ method: 'GET', path: '/api/tasks?limit=25' }),
        },
      },
    ].filter((o) => wanted(o.key)) as { key: string; op: Op; as: Session }[];
    for (const o of ops) keys[o.key] = o.op.name;
    // Redmine is started (and seeded) before the first round and measured in every round right
    // after ours, so that both medians come from the same stretch of the machine's load.
    if (peerWanted()) {
      const started = await startPeer();
      if (typeof started === 'string') peerNote = started;
      else peer = started;
    }
    const wantedPeer = Object.entries(PEER_KEYS).filter(([k]) => k in keys);
    for (const [k, op] of Object.entries(peer?.ops ?? {})) peerOps[k] = op.name;
    for (let run = 1; run <= RUNS; run++) {
      for (const o of ops)
        for (const clients of CLIENTS) results.push(await measure(target(o.as), o.op, clients, run));
      if (!peer) continue;
      const p = peer;
      const t: Target = { url: p.url, session: p.session, appPids: p.appPids, dbPids: p.dbPids };
      for (const [, pk] of wantedPeer)
        for (const clients of CLIENTS)
          peerResults.push(await measure(t, p.ops[pk as keyof Peer['ops']], clients, run));
    }
    if (peer)
      peerNote = `Redmine 5.0 (Debian) on PostgreSQL 15 behind Puma (2 workers × 5 threads), 2,000 issues in 'govit', measured in every round right after Tongchou`;
  } finally {
    await maintenance?.end().catch(() => {});
    await peer?.stop();
    await server?.stop();
    if (KEEP_DB) console.error(`kept database ${database} (BENCH_KEEP_DB=1): drop it when done`);
    else await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const start = SKIP_START ? null : await startTimes();
  const bundles = bundleSizes();
  const loadAfter = os.loadavg();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const out = {
    at: new Date().toISOString(),
    machine,
    loadBefore,
    loadAfter,
    seconds: SECONDS,
    warmup: WARMUP,
    runs: RUNS,
    projects: PROJECTS,
    results,
    peerResults,
    start,
    bundles,
    peer: peerNote,
  };
  fs.mkdirSync(path.join(ROOT, '.tmp', 'bench'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, '.tmp', 'bench', `${out.at.replace(/[:.]/g, '-')}.json`),
    JSON.stringify(out, null, 1),
  );

  printReport({
    machine,
    loadBefore,
    loadAfter,
    seconds: SECONDS,
    warmup: WARMUP,
    runs: RUNS,
    projects: PROJECTS,
    clients: CLIENTS,
    keys,
    peerKeys: PEER_KEYS,
    peerOps,
    results,
    peerResults,
    start,
    bundles,
    peerNote,
  });
}

await main();
