/**
 * The sweep's outbound side and its concurrency (issue 12): channel configuration is validated at
 * start-up; with a fake SMTP server and a fake webhook bot on 127.0.0.1 a reminder reaches both
 * once; two app instances on one PostgreSQL sweeping at the same time send every reminder once
 * (PostgreSQL only: PGlite has one connection and hides the race).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../../../src/app.ts';
import { loadCalendar } from '../../../src/calendar/repository.ts';
import { type Config, ConfigError, loadConfig } from '../../../src/config.ts';
import { deliverPending } from '../../../src/notifications/index.ts';
import { openObligation, runSweep } from '../../../src/obligations/index.ts';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../../../src/platform/command.ts';
import { openPostgres, queryRows } from '../../../src/platform/db/client.ts';
import { runJobsOnce } from '../../../src/platform/jobs.ts';
import { projects } from '../../../src/projects/tables.ts';
import { draftProject } from '../../factories/projects.ts';
import { login, setup, type TestContext } from '../../support/helper.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

describe('notification channel configuration', () => {
  const base = { TONGCHOU_DEMO: 'true' };
  test('SMTP and webhook are optional and validated at start-up', () => {
    const none = loadConfig(base, '/tmp');
    assert.equal(none.smtp, undefined);
    assert.equal(none.webhook, undefined);
    const ok = loadConfig(
      {
        ...base,
        SMTP_URL: 'smtps://bot%40gov.cn:p%40ss@mail.gov.cn',
        SMTP_FROM: 'bot@gov.cn',
        NOTIFY_EMAIL_TO: 'a@gov.cn, b@gov.cn',
        NOTIFY_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=x',
      },
      '/tmp',
    );
    assert.deepEqual(ok.smtp, {
      host: 'mail.gov.cn',
      port: 465,
      secure: true,
      user: 'bot@gov.cn',
      pass: 'p@ss',
      from: 'bot@gov.cn',
      to: ['a@gov.cn', 'b@gov.cn'],
    });
    assert.equal(ok.webhook?.kind, 'dingtalk');
    const bad: [Record<string, string>, string][] = [
      [{ SMTP_URL: 'http://mail.gov.cn' }, 'SMTP_URL'],
      [{ SMTP_URL: 'smtp://u:p@mail.gov.cn', SMTP_FROM: 'a@b.cn', NOTIFY_EMAIL_TO: 'a@b.cn' }, 'SMTP_URL'],
      [{ SMTP_URL: 'smtp://127.0.0.1:2525', NOTIFY_EMAIL_TO: 'a@b.cn' }, 'SMTP_FROM'],
      [{ SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_FROM: 'a@b.cn', NOTIFY_EMAIL_TO: 'x' }, 'NOTIFY_EMAIL_TO'],
      [{ NOTIFY_WEBHOOK_URL: 'http://hooks.example.cn/x' }, 'NOTIFY_WEBHOOK_URL'],
      [
        { NOTIFY_WEBHOOK_URL: 'https://hooks.example.cn/x', NOTIFY_WEBHOOK_KIND: 'slack' },
        'NOTIFY_WEBHOOK_KIND',
      ],
      [{ SWEEP_INTERVAL_SECONDS: '-1' }, 'SWEEP_INTERVAL_SECONDS'],
      [{ REMINDER_WORKING_DAYS: '0' }, 'REMINDER_WORKING_DAYS'],
    ];
    for (const [env, variable] of bad) {
      assert.throws(
        () => loadConfig({ ...base, ...env }, '/tmp'),
        (err: unknown) => err instanceof ConfigError && err.variable === variable,
        JSON.stringify(env),
      );
    }
  });
});

/** A fake SMTP server: records each message's DATA. */
function fakeSmtp(): Promise<{ port: number; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let inData = false;
    let data = '';
    let buffer = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        data = buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        inData = false;
        messages.push(data);
        socket.write('250 queued\r\n');
      }
      let i = buffer.indexOf('\r\n');
      while (i >= 0 && !inData) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (/^EHLO/i.test(line)) socket.write('250-fake\r\n250 AUTH PLAIN\r\n');
        else if (/^(MAIL|RCPT)/i.test(line)) socket.write('250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) {
          socket.end('221 bye\r\n');
        } else socket.write('502 unknown\r\n');
        i = buffer.indexOf('\r\n');
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, messages, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** A fake group bot: records each JSON body, answers like DingTalk. */
function fakeWebhook(): Promise<{ url: string; bodies: unknown[]; close(): Promise<void> }> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      bodies.push(JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/robot/send`,
        bodies,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

async function openDueToday(ctx: TestContext, deps: CommandDeps, projectId: string, refs: string[]) {
  const calendar = await loadCalendar(ctx.database.db);
  const [project] = await ctx.database.db.select().from(projects).where(eq(projects.id, projectId));
  await runCommand(deps, SYSTEM_CONTEXT, { action: 'obligation.remind' }, async (tx) => {
    for (const ref of refs) {
      await openObligation(
        tx,
        { calendar, now: deps.clock.now() },
        {
          jurisdictionId: project.jurisdictionId,
          holderOrganisationId: project.ownerOrganisationId,
          projectId,
          kind: 'test.sweep',
          ref,
          title: '测试义务',
          articles: ['DT-19'],
          // TEST_START is Monday 2026-11-23: five working days earlier is Monday 2026-11-16.
          anchorDate: '2026-11-16',
          amount: 5,
          unit: 'working_days',
        },
      );
    }
  });
}

describe('outbound channels', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  let hook: Awaited<ReturnType<typeof fakeWebhook>>;
  before(async () => {
    ctx = await setup();
    smtp = await fakeSmtp();
    hook = await fakeWebhook();
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
    await hook.close();
  });

  test('a reminder due today reaches the fake SMTP server and the fake bot once', async () => {
    const staff = await login(ctx, 'dt.staff');
    const { id } = await draftProject(staff, { name: '渠道测试项目' });
    await openDueToday(ctx, ctx.deps, id, ['C-1']);
    const config: Config = {
      ...ctx.config,
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: 'tongchou@gov.cn',
        to: ['duban@gov.cn'],
      },
      webhook: { url: hook.url, kind: 'dingtalk' },
    };
    const first = await runJobsOnce(ctx.deps, config, runSweep, deliverPending);
    assert.equal(first.sweep.reminders, 1);
    assert.deepEqual(first.delivery, { sent: 2, failed: 0 });
    const second = await runJobsOnce(ctx.deps, config, runSweep, deliverPending);
    assert.equal(second.sweep.reminders, 0);
    assert.deepEqual(second.delivery, { sent: 0, failed: 0 });
    assert.equal(smtp.messages.length, 1);
    assert.match(smtp.messages[0], /Subject: =\?UTF-8\?B\?/);
    const body = smtp.messages[0].split('\r\n\r\n')[1].replace(/\r\n/g, '');
    assert.match(Buffer.from(body, 'base64').toString('utf8'), /大同市教育局：【今日到期】测试义务/);
    assert.equal(hook.bodies.length, 1);
    const msg = hook.bodies[0] as { msgtype: string; text: { content: string } };
    assert.equal(msg.msgtype, 'text');
    assert.match(msg.text.content, /今日到期/);
  });

  test('a channel that fails stays queued and is retried on the next pass', async () => {
    const staff = await login(ctx, 'dt.staff');
    const { id } = await draftProject(staff, { name: '渠道失败项目' });
    await openDueToday(ctx, ctx.deps, id, ['C-2']);
    const down: Config = { ...ctx.config, webhook: { url: 'http://127.0.0.1:9/robot', kind: 'dingtalk' } };
    const failed = await runJobsOnce(ctx.deps, down, runSweep, deliverPending);
    assert.equal(failed.sweep.reminders, 1);
    assert.equal(failed.delivery.failed, 1);
    const up: Config = { ...ctx.config, webhook: { url: hook.url, kind: 'dingtalk' } };
    const retried = await runJobsOnce(ctx.deps, up, runSweep, deliverPending);
    assert.equal(retried.delivery.sent, 1);
    assert.equal(hook.bodies.length, 2);
  });
});

describe('two app instances on one PostgreSQL', {
  skip: serverUrl ? false : 'PostgreSQL only: set TEST_DATABASE_URL',
}, () => {
  test('sweeping concurrently, each reminder and each delivery is sent once', async () => {
    const ctx = await setup();
    const hook = await fakeWebhook();
    const [{ name }] = await queryRows<{ name: string }>(
      ctx.database.db,
      sql`select current_database() as name`,
    );
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const second = await openPostgres(url.toString(), 5);
    const app2 = await buildApp({
      config: ctx.config,
      database: second,
      keyring: ctx.keyring,
      clock: ctx.clock,
      logger: false,
    });
    await app2.ready();
    try {
      const staff = await login(ctx, 'dt.staff');
      const { id } = await draftProject(staff, { name: '并发提醒项目' });
      const refs = Array.from({ length: 12 }, (_, i) => `P-${i}`);
      await openDueToday(ctx, ctx.deps, id, refs);
      const config: Config = { ...ctx.config, webhook: { url: hook.url, kind: 'dingtalk' } };
      const deps2: CommandDeps = { db: second.db, clock: ctx.clock, auditKey: ctx.keyring.auditKey };
      const results = await Promise.all([
        runJobsOnce(ctx.deps, config, runSweep, deliverPending),
        runJobsOnce(deps2, config, runSweep, deliverPending),
        runJobsOnce(ctx.deps, config, runSweep, deliverPending),
        runJobsOnce(deps2, config, runSweep, deliverPending),
      ]);
      const reminders = results.reduce((n, r) => n + r.sweep.reminders, 0);
      const sent = results.reduce((n, r) => n + r.delivery.sent, 0);
      assert.equal(reminders, refs.length);
      // Deliveries left by a pass that ended first are sent by the next one.
      const rest = await runJobsOnce(deps2, config, runSweep, deliverPending);
      assert.equal(rest.sweep.reminders, 0);
      assert.equal(sent + rest.delivery.sent, refs.length);
      assert.equal(hook.bodies.length, refs.length);
      const [{ n, distinct }] = await queryRows<{ n: number; distinct: number }>(
        ctx.database.db,
        sql`select count(*)::int as n, count(distinct (user_id, dedupe_key))::int as distinct
            from notifications where kind = 'obligation_due'`,
      );
      assert.equal(n, distinct);
      assert.equal(n, refs.length * (await staffCount(ctx)));
      const verify = await (await login(ctx, 'demo.auditadmin')).request('GET', '/api/audit/verify');
      assert.equal(verify.json().ok, true, verify.body);
    } finally {
      await app2.close();
      await second.close();
      await hook.close();
      await ctx.close();
    }
  });
});

/** Users of 大同市教育局 who receive a holder reminder (dept_staff, dept_leader). */
async function staffCount(ctx: TestContext): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    ctx.database.db,
    sql`select count(distinct ra.user_id)::int as n from role_assignments ra
        join organisations o on o.id = ra.organisation_id
        join users u on u.id = ra.user_id
        where o.name = '大同市教育局' and not u.disabled
          and ra.role in ('dept_staff', 'dept_leader', 'authority_reviewer', 'authority_leader')`,
  );
  return n;
}
