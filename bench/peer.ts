/**
 * The Redmine peer of `npm run bench` (../shared/peer): installed with apt when /tmp/peer is
 * missing, started, seeded with 2,000 issues in project 'govit', then measured with the SAME load
 * client and the same CPU accounting as Tongchou: Puma (master and workers) plus the PostgreSQL
 * backends connected to Redmine's database, from /proc. Loopback only (127.0.0.1:3100, db :55433).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { childrenOf, type Op, type Session } from './load.ts';

const PEER = '/tmp/peer';
const SHARED_PEER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/peer');
export const PEER_URL = 'http://127.0.0.1:3100';
const PEER_PG = 'postgres://postgres@127.0.0.1:55433/redmine';
const ISSUES = 2000;
const log = (m: string) => console.error(`peer: ${m}`);

/** Runs a peer script with a time bound; returns null on success, else why it failed. */
function script(file: string, args: string[], timeoutS: number): string | null {
  const r = spawnSync('bash', [file, ...args], { encoding: 'utf8', timeout: timeoutS * 1000 });
  if (r.status === 0) return null;
  const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ');
  return `${path.basename(file)} ${r.error ? r.error.message : `exited ${r.status}`}: ${tail}`;
}

export interface Peer {
  url: string;
  session: Session;
  /** Puma master and its workers. */
  appPids(): number[];
  /** Backends connected to Redmine's database. */
  dbPids(): Promise<number[]>;
  ops: { list: Op; read: Op; create: Op; update: Op };
  stop(): Promise<void>;
}

function pumaPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(`${PEER}/run/puma.pid`, 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Whether to run the peer: BENCH_PEER=1 forces it (installing if needed), 0 turns it off; default on when /tmp/peer exists. */
export function peerWanted(): boolean {
  const v = process.env.BENCH_PEER;
  if (v === '1') return true;
  if (v === '0') return false;
  return fs.existsSync(PEER);
}

/** Installs (if needed), starts and seeds Redmine; returns the peer or the reason it is skipped. */
export async function startPeer(): Promise<Peer | string> {
  if (!fs.existsSync(`${PEER}/start-redmine.sh`)) {
    if (!fs.existsSync(`${SHARED_PEER}/install.sh`))
      return `skipped because ${SHARED_PEER}/install.sh is missing`;
    log('installing (apt)…');
    const failed = script(`${SHARED_PEER}/install.sh`, [], 900);
    if (failed) return `skipped because the install failed (apt unavailable?): ${failed}`;
  }
  const wasRunning = pumaPid() !== null;
  log('starting…');
  const failed = script(`${PEER}/start-redmine.sh`, [], 600);
  if (failed) return `skipped because Redmine did not start: ${failed}`;
  const key = fs.readFileSync(`${PEER}/run/api_key`, 'utf8').trim();
  const master = pumaPid();
  if (!master) return 'skipped because Puma has no live pid file after start-redmine.sh';
  const db = new pg.Client({ connectionString: PEER_PG });
  await db.connect();
  const stopAll = async () => {
    await db.end().catch(() => {});
    if (!wasRunning) script(`${PEER}/stop-redmine.sh`, [], 120);
  };
  try {
    const count = async () =>
      Number(
        (
          await db.query<{ n: string }>(
            "select count(*) n from issues i join projects p on p.id = i.project_id where p.identifier = 'govit'",
          )
        ).rows[0]?.n ?? 0,
      );
    let have = await count().catch(() => 0);
    if (have < ISSUES) {
      log(`seeding (${have} issues in govit)…`);
      const seedFailed = script(`${PEER}/seed-redmine.sh`, [], 900);
      if (seedFailed) throw new Error(`seeding failed: ${seedFailed}`);
      have = await count();
    }
    const session: Session = {
      headers: { 'x-redmine-api-key': key },
      writeHeaders: {},
    };
    const ids = (
      await db.query<{ id: number }>(
        "select i.id from issues i join projects p on p.id = i.project_id where p.identifier = 'govit' order by i.id",
      )
    ).rows.map((r) => r.id);
    // The pool of the decision's equivalent (a status change with a journal note) lives in
    // 'bench-sink', like the creates, so that the list's data set stays fixed.
    const sink = async () =>
      (
        await db.query<{ id: number }>(
          "select i.id from issues i join projects p on p.id = i.project_id where p.identifier = 'bench-sink' order by i.id limit 100",
        )
      ).rows.map((r) => r.id);
    let pool = await sink();
    for (let i = pool.length; i < 100; i++) {
      const res = await fetch(`${PEER_URL}/issues.json`, {
        method: 'POST',
        headers: { 'x-redmine-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({
          issue: { project_id: 'bench-sink', tracker_id: 2, priority_id: 2, subject: `decision pool ${i}` },
        }),
      });
      if (res.status !== 201) throw new Error(`pool issue: ${res.status}`);
    }
    pool = await sink();
    await db.query('update issues set status_id = 1 where id = any($1)', [pool]);
    log(`${have} issues in govit, ${pool.length} in the decision pool`);

    let nextRead = 0;
    let created = 0;
    const status = new Map<number, number>(pool.map((id) => [id, 1]));
    const cursor = new Map<number, number>();
    let clients = 1;
    const update: Op = {
      name: 'status change with note (PUT /issues/:id.json)',
      next: (client) => {
        const k = cursor.get(client) ?? 0;
        const perClient = Math.max(1, Math.floor(pool.length / clients));
        const id = pool[(client + clients * (k % perClient)) % pool.length];
        const to = status.get(id) === 1 ? 2 : 1;
        return {
          method: 'PUT',
          path: `/issues/${id}.json`,
          body: JSON.stringify({ issue: { status_id: to, notes: `基准测试：状态 ${to}` } }),
          tag: `${id}:${to}`,
        };
      },
      after: (client, req, code) => {
        const [id, to] = (req.tag ?? '').split(':').map(Number);
        if (code >= 200 && code < 300) status.set(id, to);
        cursor.set(client, (cursor.get(client) ?? 0) + 1);
      },
      start: (n) => {
        clients = n;
        cursor.clear();
      },
    };
    return {
      url: PEER_URL,
      session,
      appPids: () => [master, ...childrenOf(master)],
      dbPids: async () =>
        (
          await db.query<{ pid: number }>(
            "select pid from pg_stat_activity where datname = 'redmine' and pid <> pg_backend_pid()",
          )
        ).rows.map((r) => r.pid),
      ops: {
        list: {
          name: 'list',
          next: () => ({ method: 'GET', path: '/issues.json?project_id=govit&status_id=open&limit=25' }),
        },
        read: {
          name: 'read',
          next: () => ({ method: 'GET', path: `/issues/${ids[nextRead++ % ids.length]}.json` }),
        },
        create: {
          name: 'create',
          next: () => ({
            method: 'POST',
            path: '/issues.json',
            body: JSON.stringify({
              issue: {
                project_id: 'bench-sink',
                tracker_id: 2,
                priority_id: 2,
                subject: `bench create ${++created}`,
                description: 'created by npm run bench',
              },
            }),
          }),
        },
        update,
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    return `skipped because ${(err as Error).message}`;
  }
}
