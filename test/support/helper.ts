/**
 * Test harness: each test file gets its own fresh database and app, called with `app.inject()`.
 *  - default: an in-memory PGlite loaded from a pre-migrated, pre-seeded template (built once and
 *    cached under .tmp/, keyed by the migrations and seed sources); within a process a used one is
 *    put back to the template's rows for the next file (test/support/pglite-reuse.ts);
 *  - TEST_DATABASE_URL=postgres://…: a new PostgreSQL database per file, dropped at the end.
 * The demo data (four jurisdictions, demo users) is in every fresh database; tests create what
 * else they need through the API and never share state across files.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { type App, buildApp } from '../../src/app.ts';
import { ensureInstalled } from '../../src/bootstrap.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { type Clock, manualClock } from '../../src/platform/clock.ts';
import type { CommandDeps } from '../../src/platform/command.ts';
import { generateKeyFileContent, Keyring } from '../../src/platform/crypto/keyring.ts';
import { sm3Hex } from '../../src/platform/crypto/sm3.ts';
import { type Database, MIGRATIONS_DIR, openMemory, openPostgres } from '../../src/platform/db/client.ts';
import { templateInstance } from './pglite-reuse.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, '.tmp');
export const TEST_START = '2026-11-23T02:00:00.000Z'; // Monday 10:00 in Beijing

/**
 * Every file that decides what a fresh installation holds: bootstrap, seeds (the holiday seed, written
 * by src/calendar/repository.ts, reads the package's data with shared/dates/chinese-days.ts), every
 * demo.ts (nested too) and every file under a `demo/` folder (src/demo/, src/<module>/demo/, recursively).
 */
export function templateSeedFiles(): string[] {
  const demos = fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => `src/${f.split(path.sep).join('/')}`)
    .filter((f) => path.posix.basename(f) === 'demo.ts' || f.split('/').slice(1, -1).includes('demo'))
    .filter((f) => !f.endsWith('.test.ts') && fs.statSync(path.join(ROOT, f)).isFile())
    .sort();
  const listed = [
    'src/bootstrap.ts',
    'src/calendar/seed.ts',
    'src/calendar/repository.ts',
    'shared/dates/chinese-days.ts',
    'src/demo/accounts.ts',
  ];
  return [...listed, ...demos.filter((f) => !listed.includes(f))];
}

function templateKey(): string {
  const parts: string[] = [];
  for (const f of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    if (f.endsWith('.sql')) parts.push(fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8'));
  }
  // Everything that decides what a fresh installation holds: bootstrap, seeds and every demo.ts.
  for (const f of templateSeedFiles()) parts.push(fs.readFileSync(path.join(ROOT, f), 'utf8'));
  return sm3Hex(parts.join('\n')).slice(0, 16);
}

async function seed(database: Database, keyring: Keyring, clock: Clock): Promise<void> {
  await database.migrate();
  await ensureInstalled({ db: database.db, clock, auditKey: keyring.auditKey }, { demo: true });
}

let templateCache: { key: string; keyText: string; tar: Blob } | undefined;

/** An in-memory PGlite started from the cached template (built on first use). */
async function templateDatabase(): Promise<{ database: Database; keyring: Keyring }> {
  const key = templateKey();
  const tarball = path.join(CACHE, `pglite-template-${key}.tar.gz`);
  const keysFile = path.join(CACHE, `pglite-template-${key}.keys.json`);
  if (!fs.existsSync(tarball) || !fs.existsSync(keysFile)) {
    const keyText = generateKeyFileContent();
    const keyring = Keyring.parse(keyText);
    const database = await openMemory();
    await seed(database, keyring, manualClock(TEST_START));
    const blob = await database.dump!();
    await database.close();
    fs.mkdirSync(CACHE, { recursive: true });
    const suffix = randomBytes(4).toString('hex');
    fs.writeFileSync(`${keysFile}.${suffix}`, keyText, { mode: 0o600 });
    fs.writeFileSync(`${tarball}.${suffix}`, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(`${keysFile}.${suffix}`, keysFile);
    fs.renameSync(`${tarball}.${suffix}`, tarball);
  }
  // Read and unpacked once per process (several test files share a process; see scripts/test-run.ts).
  if (templateCache?.key !== key) {
    templateCache = {
      key,
      keyText: fs.readFileSync(keysFile, 'utf8'),
      tar: new Blob([gunzipSync(fs.readFileSync(tarball))]),
    };
  }
  const keyring = Keyring.parse(templateCache.keyText);
  const database = await templateInstance(key, templateCache.tar);
  return { database, keyring };
}

/** A fresh PostgreSQL database for this test file; dropped by `close()`. */
async function postgresDatabase(
  serverUrl: string,
): Promise<{ database: Database; keyring: Keyring; drop: () => Promise<void> }> {
  const name = `tongchou_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  const keyring = Keyring.parse(generateKeyFileContent());
  await seed(database, keyring, manualClock(TEST_START));
  return {
    database,
    keyring,
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestContext {
  app: App;
  database: Database;
  keyring: Keyring;
  clock: ReturnType<typeof manualClock>;
  config: Config;
  deps: CommandDeps;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ TONGCHOU_DEMO: 'true', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000' }, ROOT),
    ...overrides,
  };
}

export async function setup(overrides: Partial<Config> = {}): Promise<TestContext> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const opened = serverUrl
    ? await postgresDatabase(serverUrl)
    : { ...(await templateDatabase()), drop: async () => {} };
  const clock = manualClock(TEST_START);
  // Each app keeps its own audit checkpoint (src/audit/anchor.ts) in its own archive folder.
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-audit-archive-'));
  const config = testConfig({ auditArchiveDir: archiveDir, ...overrides });
  const app = await buildApp({
    config,
    database: opened.database,
    keyring: opened.keyring,
    clock,
    logger: false,
  });
  await app.ready();
  return {
    app,
    database: opened.database,
    keyring: opened.keyring,
    clock,
    config,
    deps: { db: opened.database.db, clock, auditKey: opened.keyring.auditKey },
    async close() {
      await app.close();
      await opened.database.close();
      await opened.drop();
      fs.rmSync(archiveDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in client: cookie and CSRF token applied to every request. */
export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  userId: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export function sessionCookie(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = list.find((c) => c.startsWith('tc_session='));
  if (!found) throw new Error('no session cookie in response');
  return found.split(';')[0];
}

export async function login(ctx: TestContext, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { csrfToken: string; user: { id: string } };
  const cookie = sessionCookie(res.headers['set-cookie']);
  return {
    username,
    cookie,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    request(method, url, payload, headers = {}) {
      return ctx.app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': body.csrfToken }), ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    },
  };
}
