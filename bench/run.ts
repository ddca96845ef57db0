/**
 * `npm run bench`: the platform on PostgreSQL under load, on this machine only (127.0.0.1).
 *
 *  1. creates a throwaway database on BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres;
 *     any host other than a loopback address is refused), starts `src/server.ts` on it in demo mode,
 *     creates one project through the API and copies it in SQL to BENCH_PROJECTS (2,000) projects of
 *     one department (dt.staff's), with their budget years;
 *  2. for each operation and each client count (BENCH_CLIENTS, default 10,50): BENCH_WARMUP seconds
 *     (5) of warm-up, then BENCH_SECONDS (20) measured with a bounded keep-alive client of its own:
 *     req/s, p50/p99 latency, errors, server CPU per request (app process + the PostgreSQL backends
 *     of the benchmark database, from /proc), app RSS;
 *  3. embedded start time (PGlite) on a fresh and on an existing data folder;
 *  4. gzip size of the initial JS and of each other chunk of web/dist (when built);
 *  5. the Redmine peer (../shared/peer) only with BENCH_PEER=1, else a clear "skipped" line.
 * Everything stops by itself: every loop is bounded in time and in requests. The results go to
 * .tmp/bench/<timestamp>.json and are printed as a Markdown table (docs/benchmarks.md).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { generateKeyFileContent } from '../src/crypto/keyring.ts';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { cpuOf, load, type Op, type Result, rssMiB, type Session } from './load.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_URL = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '10,50').split(',').map(Number);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 2000);

const loopback = (host: string) => host === 'localhost' || host.startsWith('127.') || host === '[::1]';
if (!loopback(new URL(PG_URL).hostname)) throw new Error(`BENCH_PG must be on this machine: ${PG_URL}`);

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
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

async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

async function backendPids(admin: pg.Client, database: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
    database,
  ]);
  return rows.map((r) => r.pid);
}

async function measure(
  server: Server,
  session: Session,
  admin: pg.Client,
  database: string,
  op: Op,
  clients: number,
): Promise<Result> {
  await load(server.url, session, op, clients, WARMUP);
  const pids = await backendPids(admin, database);
  const app0 = cpuOf(server.pid);
  const db0 = new Map(pids.map((p) => [p, cpuOf(p)]));
  const started = performance.now();
  const r = await load(server.url, session, op, clients, SECONDS);
  const seconds = (performance.now() - started) / 1000;
  const appCpu = cpuOf(server.pid) - app0;
  let dbCpu = 0;
  for (const p of await backendPids(admin, database)) dbCpu += cpuOf(p) - (db0.get(p) ?? 0);
  const perRequest = r.requests > 0 ? ((appCpu + dbCpu) * 1000) / r.requests : 0;
  return {
    op: op.name,
    clients,
    seconds: Math.round(seconds * 10) / 10,
    requests: r.requests,
    errors: r.errors,
    rps: Math.round((r.requests / seconds) * 10) / 10,
    p50: Math.round(r.p50 * 10) / 10,
    p99: Math.round(r.p99 * 10) / 10,
    appCpuMs: Math.round(appCpu * 1000),
    dbCpuMs: Math.round(dbCpu * 1000),
    cpuMsPerRequest: Math.round(perRequest * 100) / 100,
    rssMiB: rssMiB(server.pid),
  };
}

const PROJECT_BODY = {
  name: '基准测试项目',
  type: 'upgrade',
  category: 'application_system',
  fundingMode: 'government_investment',
  summary: '升级统一身份认证与数据共享接口。',
  totalBudget: '1200000',
  budgetByYear: [
    { year: 2026, amount: '700000' },
    { year: 2027, amount: '500000' },
  ],
  projectOwner: { name: '王敏', title: '信息科科长', phone: '13812345678' },
  performanceTargets: [{ indicator: '一网通办事项覆盖率', target: '≥95%' }],
  declarations: { interoperable: true, onExtranet: true, onCloud: true, inDistrictBudget: true },
};

/** Copies project `sourceId` (and its budget years) until the department has `total` projects. */
async function seedProjects(db: pg.Client, sourceId: string, total: number): Promise<void> {
  const { rows } = await db.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_name = 'projects' and table_schema = 'public'
     and column_name not in ('id', 'code', 'name', 'updated_at', 'created_at')`,
  );
  const cols = rows.map((r) => `"${r.column_name}"`).join(', ');
  await db.query(
    `insert into projects (id, code, name, created_at, updated_at, ${cols})
     select gen_random_uuid(), p.code || '-' || g, p.name || g, p.created_at, p.updated_at - g * interval '1 minute', ${cols
       .split(', ')
       .map((c) => `p.${c}`)
       .join(', ')}
     from projects p, generate_series(1, $2::int) g where p.id = $1`,
    [sourceId, total - 1],
  );
  await db.query(
    `insert into project_budget_years (project_id, year, amount_fen)
     select n.id, y.year, y.amount_fen from projects n
     join projects s on s.id = $1 and n.code like s.code || '-%'
     join project_budget_years y on y.project_id = s.id`,
    [sourceId],
  );
  await db.query('analyze');
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

function bundleSizes(): { initialKiB: number; chunks: { file: string; gzipKiB: number }[] } | null {
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
    chunks: assets.filter((f) => !initial.has(f)).map((file) => ({ file, gzipKiB: kib(file) })),
  };
}

async function main() {
  const database = `tongchou_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const dbUrl = new URL(PG_URL);
  dbUrl.pathname = `/${database}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-bench-'));
  let server: (Server & { startMs: number }) | undefined;
  const results: Result[] = [];
  try {
    const keyFile = path.join(dir, 'keys', 'keys.json');
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, generateKeyFileContent(), { mode: 0o600 });
    server = await startServer({
      DATABASE_URL: dbUrl.toString(),
      DATA_DIR: path.join(dir, 'data'),
      TONGCHOU_KEY_FILE: path.join(dir, 'keys', 'keys.json'),
      TONGCHOU_DEMO: 'true',
      LOGIN_RATE_LIMIT: '100000',
    });
    const staff = await login(server.url, 'dt.staff');
    const created = await fetch(`${server.url}/api/projects`, {
      method: 'POST',
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(PROJECT_BODY),
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
    const sourceId = ((await created.json()) as { id: string }).id;
    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    await seedProjects(db, sourceId, PROJECTS);
    const ids = (await db.query<{ id: string }>('select id from projects')).rows.map((r) => r.id);
    await db.end();
    console.error(`seeded ${ids.length} projects in ${database}`);

    let next = 0;
    const ops: Op[] = [
      {
        name: 'project list (25 rows, department, state filter, total)',
        method: 'GET',
        path: () => '/api/projects?state=draft&mine=true&limit=25',
      },
      { name: 'project detail', method: 'GET', path: () => `/api/projects/${ids[next++ % ids.length]}` },
      {
        name: 'create project',
        method: 'POST',
        path: () => '/api/projects',
        body: () => JSON.stringify(PROJECT_BODY),
      },
      { name: '/api/tasks', method: 'GET', path: () => '/api/tasks' },
    ];
    for (const op of ops) {
      for (const clients of CLIENTS) {
        const r = await measure(server, staff, admin, database, op, clients);
        results.push(r);
        console.error(JSON.stringify(r));
      }
    }
  } finally {
    await server?.stop();
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const start = await startTimes();
  const bundles = bundleSizes();
  const peer =
    process.env.BENCH_PEER === '1'
      ? 'run /tmp/peer/bench.sh (see ../shared/peer/README.md) right after this run'
      : 'skipped: set BENCH_PEER=1 with the peer installed (bash ../shared/peer/install.sh) to run Redmine';

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`;
  const out = {
    at: new Date().toISOString(),
    machine,
    seconds: SECONDS,
    warmup: WARMUP,
    projects: PROJECTS,
    results,
    start,
    bundles,
    peer,
  };
  fs.mkdirSync(path.join(ROOT, '.tmp', 'bench'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, '.tmp', 'bench', `${out.at.replace(/[:.]/g, '-')}.json`),
    JSON.stringify(out, null, 1),
  );

  console.log(`machine: ${machine}; ${SECONDS} s measured after ${WARMUP} s warm-up; ${PROJECTS} projects`);
  console.log(
    '| operation | clients | req/s | p50 ms | p99 ms | errors | server CPU ms/req (app+db) | app RSS MiB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.op} | ${r.clients} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.cpuMsPerRequest} (${r.appCpuMs}+${r.dbCpuMs} ms total) | ${r.rssMiB} |`,
    );
  console.log(`embedded start: fresh data folder ${start.freshMs} ms, existing ${start.existingMs} ms`);
  if (bundles) {
    console.log(`initial JS: ${bundles.initialKiB} kB gzip`);
    for (const c of bundles.chunks) console.log(`  ${c.file}: ${c.gzipKiB} kB gzip`);
  } else console.log('bundle sizes: skipped (web/dist not built: npm run build:web)');
  console.log(`peer (Redmine): ${peer}`);
}

await main();
