/**
 * Issue 17: each user chooses the outbound channels of their notices. The in-app centre is always
 * on; e-mail goes to the user's own (validated) address only when SMTP is configured and the user
 * left e-mail on; each delivery names whom it was for; nobody reads or writes another user's
 * preferences. And 备案 notices are not DT-only: a filing step of any rulebook (here XZ's 市政务信息
 * 管理局审查) tells the submitter.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { deliverPending } from '../../../src/notifications/index.ts';
import { queryRows } from '../../../src/platform/db/client.ts';
import { senders } from '../../../src/platform/outbound/channels.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  ProjectFixtures,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let fx: ProjectFixtures;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  fx = new ProjectFixtures(ctx, sessions);
});
after(async () => {
  await ctx.close();
});

/** A fake SMTP server: records the RCPT TO addresses and the DATA of each message. */
function fakeSmtp(): Promise<{
  port: number;
  messages: { to: string[]; data: string }[];
  close(): Promise<void>;
}> {
  const messages: { to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let inData = false;
    let buffer = '';
    let to: string[] = [];
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        messages.push({ to, data: buffer.slice(0, end) });
        buffer = buffer.slice(end + 5);
        inData = false;
        to = [];
        socket.write('250 queued\r\n');
      }
      let i = buffer.indexOf('\r\n');
      while (i >= 0 && !inData) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (/^EHLO/i.test(line)) socket.write('250-fake\r\n250 AUTH PLAIN\r\n');
        else if (/^RCPT TO:<(.+)>/i.test(line)) {
          to.push(/^RCPT TO:<(.+)>/i.exec(line)![1]);
          socket.write('250 ok\r\n');
        } else if (/^MAIL/i.test(line)) socket.write('250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('502 unknown\r\n');
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

const prefsBody = (over: Record<string, unknown> = {}) => ({
  version: 1,
  email: null,
  emailEnabled: true,
  webhookEnabled: false,
  mutedKinds: [],
  ...over,
});

describe('通知设置: my own preferences', () => {
  test('defaults, validation at the field, version check, and only one’s own preferences', async () => {
    const { username } = await extraUser(ctx, sessions, 'dept_staff', '大同市教育局');
    const me = await sessions.as(username, EXTRA_PASSWORD);
    const initial = await me.request('GET', '/api/notifications/preferences');
    expectStatus(initial, 200, 'defaults');
    const d = initial.json();
    assert.equal(d.inApp, true);
    assert.equal(d.email, null);
    assert.equal(d.emailEnabled, true);
    assert.equal(d.webhookEnabled, false);
    assert.equal(d.version, 1);
    assert.deepEqual(d.available, { smtp: false, webhook: false });
    assert.ok(d.kinds.some((k: { code: string }) => k.code === 'task_arrived'));

    for (const [body, field, code] of [
      [prefsBody({ email: 'not-an-address' }), 'email', 'NOTIFY_EMAIL_INVALID'],
      [prefsBody({ email: 'a b@gov.cn' }), 'email', 'NOTIFY_EMAIL_INVALID'],
      [prefsBody({ webhookEnabled: true }), 'webhookEnabled', 'NOTIFY_CHANNEL_NOT_CONFIGURED'],
      [prefsBody({ mutedKinds: ['no_such_kind'] }), 'mutedKinds', 'NOTIFY_KIND_INVALID'],
      [prefsBody({ mutedKinds: ['urged', 'urged'] }), 'mutedKinds', 'NOTIFY_KIND_INVALID'],
    ] as const) {
      const res = await me.request('PUT', '/api/notifications/preferences', body);
      expectStatus(res, 400, JSON.stringify(body));
      assert.equal(res.json().code, code);
      assert.equal(res.json().field, field);
    }

    const saved = await me.request(
      'PUT',
      '/api/notifications/preferences',
      prefsBody({ email: 'zhang.san@dt.gov.cn', mutedKinds: ['urged'] }),
    );
    expectStatus(saved, 200, 'save');
    assert.equal(saved.json().version, 2);
    assert.equal(saved.json().email, 'zhang.san@dt.gov.cn');
    assert.deepEqual(saved.json().mutedKinds, ['urged']);

    const stale = await me.request('PUT', '/api/notifications/preferences', prefsBody({ email: null }));
    expectStatus(stale, 409, 'stale version');
    assert.equal(stale.json().field, 'version');

    // Nobody else sees or changes it: there is no route by user, and another user reads their own.
    const other = await sessions.as('dt.staff');
    const theirs = (await other.request('GET', '/api/notifications/preferences')).json();
    assert.equal(theirs.email, null, 'another user reads only their own preferences');
    const smuggled = await other.request('PUT', '/api/notifications/preferences', {
      ...prefsBody({ version: 2 }),
      userId: (await me.request('GET', '/api/auth/me')).json().user.id,
    });
    expectStatus(smuggled, 400, 'no userId in the body');
    const byId = await other.request('GET', `/api/notifications/preferences?userId=${username}`);
    expectStatus(byId, 400, 'no userId in the query');
    assert.equal(
      (await me.request('GET', '/api/notifications/preferences')).json().email,
      'zhang.san@dt.gov.cn',
    );
    const admin = await sessions.as('demo.sysadmin');
    expectStatus(await admin.request('GET', '/api/notifications/preferences'), 403, 'sysadmin');

    // The change is audited (without the address itself).
    const [row] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_events where action = 'notification.preferences_update'`,
    );
    assert.ok(row.n >= 1);
  });
});

describe('the fan-out honours each user’s choice', () => {
  test('a reviewer who switched e-mail off gets no e-mail delivery; one who left it on does', async () => {
    const on = await extraUser(ctx, sessions, 'authority_reviewer', '大同市数字政府服务中心');
    const off = await extraUser(ctx, sessions, 'authority_reviewer', '大同市数字政府服务中心');
    const onSession = await sessions.as(on.username, EXTRA_PASSWORD);
    const offSession = await sessions.as(off.username, EXTRA_PASSWORD);
    expectStatus(
      await onSession.request('PUT', '/api/notifications/preferences', prefsBody({ email: 'on@dt.gov.cn' })),
      200,
      'left on',
    );
    expectStatus(
      await offSession.request(
        'PUT',
        '/api/notifications/preferences',
        prefsBody({ email: 'off@dt.gov.cn', emailEnabled: false }),
      ),
      200,
      'switched off',
    );

    const id = await fx.submitted();
    for (const s of [onSession, offSession]) {
      const notices = (await s.request('GET', '/api/notifications')).json().items;
      assert.ok(
        notices.some(
          (n: { kind: string; projectId: string }) => n.kind === 'task_arrived' && n.projectId === id,
        ),
        'both see the task in the in-app centre',
      );
    }

    // Not configured: nothing goes out, nothing is queued for the users.
    assert.deepEqual(await deliverPending(ctx.deps, senders(ctx.config)), { sent: 0, failed: 0 });

    const smtp = await fakeSmtp();
    try {
      const config = {
        ...ctx.config,
        smtp: {
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          from: 'tongchou@gov.cn',
          to: ['duban@gov.cn'],
        },
      };
      const first = await deliverPending(ctx.deps, senders(config));
      assert.equal(first.failed, 0);
      assert.ok(first.sent >= 1);
      const toOn = smtp.messages.filter((m) => m.to.includes('on@dt.gov.cn'));
      assert.equal(toOn.length, 1, 'the one who left e-mail on gets it');
      assert.deepEqual(toOn[0].to, ['on@dt.gov.cn'], 'to the user’s own address only');
      assert.match(toOn[0].data, /To: on@dt\.gov\.cn/);
      assert.equal(
        smtp.messages.filter((m) => m.to.includes('off@dt.gov.cn')).length,
        0,
        'the one who switched it off gets none',
      );
      const rows = await queryRows<{
        recipient_user_id: string | null;
        recipient_address: string | null;
        state: string;
      }>(
        ctx.database.db,
        sql`select recipient_user_id, recipient_address, state from notification_deliveries where channel = 'smtp'`,
      );
      assert.ok(
        rows.some((r) => r.recipient_user_id === on.userId && r.recipient_address === 'on@dt.gov.cn'),
      );
      assert.ok(
        !rows.some((r) => r.recipient_user_id === off.userId),
        'no delivery row for the one who opted out',
      );
      // A second pass sends nothing again.
      assert.deepEqual(await deliverPending(ctx.deps, senders(config)), { sent: 0, failed: 0 });
    } finally {
      await smtp.close();
    }
  });
});

describe('备案 notices in every jurisdiction', () => {
  test('XZ: the 市政务信息管理局 review (a filing step of the XZ rulebook) tells the 数据中心 submitter', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'xz.reviewer',
      ['xz.party', 'xz.cityreviewer'],
      '忻州市公路事业发展中心',
      '桥梁检测通知系统',
    );
    const { username } = await extraUser(ctx, sessions, 'dept_staff', '忻州市交通运输数据中心');
    const dataCenter = await sessions.as(username, EXTRA_PASSWORD);
    const staff = await sessions.as('xz.staff');
    const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
    const { id } = await draftProject(staff, {
      name: '桥梁检测通知项目',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    await uploadMissing(staff, id);
    expectStatus(await dataCenter.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const reviewer = await sessions.as('xz.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'xz.review.data_center', { opinion: '审核通过' }), 200, 'dc');
    expectStatus(
      await decide(await sessions.as('xz.party'), id, 'xz.review.party_consent', {
        outcome: 'consent_given',
        opinion: '局党组会议同意',
      }),
      200,
      'party',
    );
    expectStatus(
      await decide(await sessions.as('xz.cityreviewer'), id, 'xz.review.city_review', {
        opinion: '审查通过',
      }),
      200,
      'city review',
    );
    const mine = (await dataCenter.request('GET', '/api/notifications?limit=200'))
      .json()
      .items.filter((n: { projectId: string }) => n.projectId === id);
    const filed = mine.filter((n: { kind: string }) => n.kind === 'filed');
    assert.equal(filed.length, 1, JSON.stringify(mine));
    assert.equal(filed[0].stepId, 'xz.review.city_review');
    assert.match(filed[0].message, /审查通过/);
    const outsider = (await (await sessions.as('dt.staff')).request('GET', '/api/notifications?limit=200'))
      .json()
      .items.filter((n: { projectId: string }) => n.projectId === id);
    assert.deepEqual(outsider, [], 'another jurisdiction hears nothing');
  });
});
