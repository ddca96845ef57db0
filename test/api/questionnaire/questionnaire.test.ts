/**
 * The public questionnaire of an operating system (issue 14, efficacy evaluation's satisfaction;
 * DT-30, SC-24, XZ-26): the DT authority designs and publishes it, 500 anonymous answers arrive
 * through the public route, the aggregation and the satisfaction score are checked in SQL terms;
 * a device answers once a day, only between the dates; a burst from one client is refused with the
 * default limit; nobody without the authority role of the jurisdiction sees or designs it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { satisfactionScore } from '../../../src/questionnaire/index.ts';
import { questionnaireResponses } from '../../../src/questionnaire/tables.ts';
import {
  answer,
  chinaDay,
  DESIGN,
  designed,
  deviceId,
  operatingSystem,
  published,
} from '../../factories/questionnaire.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let reviewer: Session; // DT authority
let authlead: Session;
let scReviewer: Session;
let systemId: string;

before(async () => {
  ctx = await setup({ questionnaireRateLimitPerMinute: 100_000 });
  [staff, reviewer, authlead, scReviewer] = await Promise.all(
    ['dt.staff', 'dt.reviewer', 'dt.authlead', 'sc.reviewer'].map((u) => login(ctx, u)),
  );
  systemId = await operatingSystem(staff);
});
after(async () => {
  await ctx.close();
});

describe('design and publication', () => {
  test('the authority designs a draft, edits it, publishes it with a link and a QR code; a published questionnaire is not edited', async () => {
    const id = await designed(reviewer, systemId);
    const draft = (await reviewer.request('GET', `/api/questionnaires/${id}`)).json();
    assert.equal(draft.status, 'draft');
    assert.equal(draft.phase, 'draft');
    assert.equal(draft.slug, null);
    assert.deepEqual(
      draft.questions.map((q: { kind: string }) => q.kind),
      ['single', 'multiple', 'rating', 'text'],
    );

    const edit = await reviewer.request('PUT', `/api/questionnaires/${id}`, {
      ...DESIGN,
      title: '系统满意度调查（修订）',
      version: 1,
    });
    assert.equal(edit.statusCode, 200, edit.body);
    const stale = await reviewer.request('PUT', `/api/questionnaires/${id}`, { ...DESIGN, version: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'VERSION_CONFLICT');

    const noQr = await reviewer.request('GET', `/api/questionnaires/${id}/qrcode`);
    assert.equal(noQr.statusCode, 409);

    const pub = await authlead.request('POST', `/api/questionnaires/${id}/publish`, {
      startsOn: chinaDay(ctx),
      endsOn: chinaDay(ctx, 14),
      version: 2,
    });
    assert.equal(pub.statusCode, 200, pub.body);
    const slug = pub.json().slug as string;
    assert.match(slug, /^[a-z0-9]{10}$/);

    const qr = await reviewer.request('GET', `/api/questionnaires/${id}/qrcode`);
    assert.equal(qr.statusCode, 200);
    assert.equal(qr.headers['content-type'], 'image/png');
    assert.deepEqual([...qr.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.match(decodeURI(String(qr.headers['x-questionnaire-url'])), new RegExp(`/q/${slug}$`));

    const locked = await reviewer.request('PUT', `/api/questionnaires/${id}`, { ...DESIGN, version: 3 });
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.json().code, 'QUESTIONNAIRE_NOT_DRAFT');
    // The refusal names the rulebook's efficacy article (the public questionnaire, DT-30).
    assert.equal(locked.json().article, 'DT-30');

    const view = await ctx.app.inject({ method: 'GET', url: `/api/public/questionnaires/${slug}` });
    assert.equal(view.statusCode, 200, view.body);
    assert.equal(view.json().phase, 'open');
    assert.equal(view.json().questions.length, 4);
    assert.equal(view.json().title, '系统满意度调查（修订）');
  });

  test('bad designs are refused at the field: a choice question needs two options, a rating none', async () => {
    const one = await reviewer.request('POST', '/api/questionnaires', {
      systemId,
      year: 2026,
      title: '问卷',
      questions: [{ kind: 'single', prompt: '选一个', required: true, options: ['是'] }],
    });
    assert.equal(one.statusCode, 400);
    assert.equal(one.json().field, 'questions[0].options');
    const rating = await reviewer.request('POST', '/api/questionnaires', {
      systemId,
      year: 2026,
      title: '问卷',
      questions: [{ kind: 'rating', prompt: '打分', required: true, options: ['a', 'b'] }],
    });
    assert.equal(rating.statusCode, 400);
    assert.equal(rating.json().field, 'questions[0].options');
    const tooMany = await reviewer.request('POST', '/api/questionnaires', {
      systemId,
      year: 2026,
      title: '问卷',
      questions: Array.from({ length: 51 }, () => ({ kind: 'text', prompt: '说', required: false })),
    });
    assert.equal(tooMany.statusCode, 400);
  });
});

describe('answers and aggregation', () => {
  test('500 anonymous answers aggregate per question in SQL, and the satisfaction score is (mean − 1) ÷ 4 × 100', async () => {
    const q = await published(ctx, reviewer, systemId);
    const [single, multiple, rating, text] = q.questionIds;
    const expected = { single: [0, 0, 0], multiple: [0, 0, 0], rating: [0, 0, 0, 0, 0], texts: 0 };
    const bodies = Array.from({ length: 500 }, (_, i) => {
      const r = i < 400 ? (i % 5) + 1 : 5;
      const choices = i % 2 === 0 ? [0, 1] : [0];
      expected.single[i % 3]++;
      for (const c of choices) expected.multiple[c]++;
      expected.rating[r - 1]++;
      const answers: object[] = [
        { questionId: single, choice: i % 3 },
        { questionId: multiple, choices },
        { questionId: rating, rating: r },
      ];
      if (i % 10 === 0) {
        answers.push({ questionId: text, text: `建议${i}` });
        expected.texts++;
      }
      return { deviceId: deviceId(), answers };
    });
    for (let i = 0; i < bodies.length; i += 25) {
      const batch = await Promise.all(bodies.slice(i, i + 25).map((b) => answer(ctx, q.slug, b)));
      for (const res of batch) assert.equal(res.statusCode, 201, res.body);
    }

    const res = await reviewer.request('GET', `/api/questionnaires/${q.id}/results`);
    assert.equal(res.statusCode, 200, res.body);
    const results = res.json();
    assert.equal(results.responses, 500);
    const byId = new Map(results.questions.map((x: { id: string }) => [x.id, x]));
    const s = byId.get(single) as { counts: number[]; answered: number };
    const m = byId.get(multiple) as { counts: number[]; answered: number };
    const r = byId.get(rating) as { counts: number[]; average: number; answered: number };
    const t = byId.get(text) as { texts: string[]; answered: number; counts: number[] };
    assert.deepEqual(s.counts, expected.single);
    assert.equal(s.answered, 500);
    assert.deepEqual(m.counts, expected.multiple);
    assert.equal(m.answered, 500);
    assert.deepEqual(r.counts, expected.rating);
    // (80·(1+2+3+4) + 180·5) ÷ 500 = 3.4 → (3.4 − 1) ÷ 4 × 100 = 60
    assert.equal(r.average, 3.4);
    assert.equal(results.satisfaction, 60);
    assert.equal(t.answered, expected.texts);
    assert.equal(t.texts.length, 20);
    assert.equal(t.texts[0], '建议490');
    assert.deepEqual(t.counts, []);
    assert.deepEqual(results.byDay, [{ day: chinaDay(ctx), responses: 500 }]);

    assert.equal(await satisfactionScore(ctx.database.db, systemId, 2026), 60);
    assert.equal(await satisfactionScore(ctx.database.db, systemId, 2025), null);
    const list = (await reviewer.request('GET', `/api/questionnaires?systemId=${systemId}`)).json();
    assert.equal(list.items.find((x: { id: string }) => x.id === q.id).responses, 500);
  });

  test('no address and no device id is stored: the device key is an HMAC-SM3 per questionnaire and day', async () => {
    const q = await published(ctx, reviewer, systemId);
    const device = deviceId();
    const res = await answer(ctx, q.slug, {
      deviceId: device,
      answers: [
        { questionId: q.questionIds[0], choice: 1 },
        { questionId: q.questionIds[2], rating: 4 },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    const rows = await ctx.database.db
      .select()
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.questionnaireId, q.id));
    assert.equal(rows.length, 1);
    assert.deepEqual(Object.keys(rows[0]).sort(), [
      'answeredOn',
      'createdAt',
      'deviceKey',
      'id',
      'questionnaireId',
    ]);
    assert.match(rows[0].deviceKey, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(rows).includes(device));
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, q.id));
    const answered = audit.find((a) => a.action === 'questionnaire.answer');
    assert.ok(answered);
    assert.ok(
      !JSON.stringify(answered.details ?? {}).includes(rows[0].id),
      'the audit row does not name the response',
    );
  });

  test('validation errors name the question; a required question left empty is refused', async () => {
    const q = await published(ctx, reviewer, systemId);
    const [single, , rating, text] = q.questionIds;
    const missing = await answer(ctx, q.slug, {
      deviceId: deviceId(),
      answers: [{ questionId: single, choice: 0 }],
    });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().code, 'ANSWER_REQUIRED');
    assert.equal(missing.json().article, 'DT-30');
    assert.equal(missing.json().field, `answers.${rating}`);
    const outOfRange = await answer(ctx, q.slug, {
      deviceId: deviceId(),
      answers: [
        { questionId: single, choice: 5 },
        { questionId: rating, rating: 3 },
      ],
    });
    assert.equal(outOfRange.statusCode, 400);
    assert.equal(outOfRange.json().field, `answers.${single}`);
    const wrongKind = await answer(ctx, q.slug, {
      deviceId: deviceId(),
      answers: [
        { questionId: single, choice: 0 },
        { questionId: rating, rating: 3 },
        { questionId: text, rating: 2 },
      ],
    });
    assert.equal(wrongKind.statusCode, 400);
    assert.equal(wrongKind.json().field, `answers.${text}`);
    const badRating = await answer(ctx, q.slug, {
      deviceId: deviceId(),
      answers: [{ questionId: rating, rating: 6 }],
    });
    assert.equal(badRating.statusCode, 400);
    const badDevice = await answer(ctx, q.slug, { deviceId: 'x', answers: [] });
    assert.equal(badDevice.statusCode, 400);
    assert.equal(badDevice.json().field, 'deviceId');
  });
});

describe('who may see and design', () => {
  test('anonymous cannot read results or the designer; another jurisdiction cannot see or design', async () => {
    const q = await published(ctx, reviewer, systemId);
    for (const url of [
      `/api/questionnaires/${q.id}/results`,
      `/api/questionnaires/${q.id}`,
      '/api/questionnaires',
    ]) {
      const anon = await ctx.app.inject({ method: 'GET', url });
      assert.equal(anon.statusCode, 401, url);
    }
    const deptResults = await staff.request('GET', `/api/questionnaires/${q.id}/results`);
    assert.equal(deptResults.statusCode, 403);
    for (const url of [
      `/api/questionnaires/${q.id}/results`,
      `/api/questionnaires/${q.id}`,
      `/api/questionnaires/${q.id}/qrcode`,
    ]) {
      const res = await scReviewer.request('GET', url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().code, 'QUESTIONNAIRE_NOT_FOUND');
    }
    const list = (await scReviewer.request('GET', '/api/questionnaires')).json();
    assert.equal(
      list.items.some((x: { id: string }) => x.id === q.id),
      false,
    );
    const design = await scReviewer.request('POST', '/api/questionnaires', {
      systemId,
      year: 2026,
      ...DESIGN,
    });
    assert.equal(design.statusCode, 404);
    assert.equal(design.json().code, 'SYSTEM_NOT_FOUND');
    const close = await scReviewer.request('POST', `/api/questionnaires/${q.id}/close`, { version: 2 });
    assert.equal(close.statusCode, 404);
    const publish = await scReviewer.request('POST', `/api/questionnaires/${q.id}/publish`, {
      startsOn: chinaDay(ctx),
      endsOn: chinaDay(ctx, 3),
      version: 2,
    });
    assert.equal(publish.statusCode, 404);
  });
});

describe('one answer per device per day, only between the dates', () => {
  test('DT-30 the same device is refused the same day and accepted the next; before the start, after the end and when closed the answer is refused, naming the article', async () => {
    const q = await published(ctx, reviewer, systemId, 0, 1);
    const later = await published(ctx, reviewer, systemId, 3, 5);
    const body = (device: string) => ({
      deviceId: device,
      answers: [
        { questionId: q.questionIds[0], choice: 0 },
        { questionId: q.questionIds[2], rating: 5 },
      ],
    });
    const device = deviceId();
    assert.equal((await answer(ctx, q.slug, body(device))).statusCode, 201);
    const again = await answer(ctx, q.slug, body(device));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'ALREADY_ANSWERED_TODAY');
    assert.equal(again.json().article, 'DT-30');
    assert.equal(again.json().field, 'deviceId');

    const early = await answer(ctx, later.slug, {
      deviceId: device,
      answers: [{ questionId: later.questionIds[2], rating: 4 }],
    });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'QUESTIONNAIRE_NOT_OPEN');
    assert.equal(early.json().article, 'DT-30');
    const earlyView = (
      await ctx.app.inject({ method: 'GET', url: `/api/public/questionnaires/${later.slug}` })
    ).json();
    assert.equal(earlyView.phase, 'scheduled');
    assert.deepEqual(earlyView.questions, []);

    ctx.clock.advance(86_400_000);
    assert.equal((await answer(ctx, q.slug, body(device))).statusCode, 201, 'the next day');
    ctx.clock.advance(86_400_000);
    const ended = await answer(ctx, q.slug, body(deviceId()));
    assert.equal(ended.statusCode, 409);
    assert.equal(ended.json().code, 'QUESTIONNAIRE_NOT_OPEN');

    ctx.clock.advance(86_400_000); // the later one opens today
    const lead = await login(ctx, 'dt.authlead');
    const close = await lead.request('POST', `/api/questionnaires/${later.id}/close`, { version: 2 });
    assert.equal(close.statusCode, 200, close.body);
    const closed = await answer(ctx, later.slug, {
      deviceId: deviceId(),
      answers: [
        { questionId: later.questionIds[0], choice: 0 },
        { questionId: later.questionIds[2], rating: 4 },
      ],
    });
    assert.equal(closed.statusCode, 409);
    assert.equal(closed.json().code, 'QUESTIONNAIRE_NOT_OPEN');
    const draft = await answer(ctx, 'nosuchslug1', body(deviceId()));
    assert.equal(draft.statusCode, 404);
  });
});

describe('rate limit with the default setting', () => {
  test('a burst of answers from one client is refused with 429 and a Chinese message', async () => {
    const other = await setup();
    try {
      const rev = await login(other, 'dt.reviewer');
      const sys = await operatingSystem(await login(other, 'dt.staff'));
      const q = await published(other, rev, sys);
      assert.equal(other.config.questionnaireRateLimitPerMinute, 10);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await answer(other, q.slug, {
          deviceId: deviceId(),
          answers: [
            { questionId: q.questionIds[0], choice: 0 },
            { questionId: q.questionIds[2], rating: 4 },
          ],
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          assert.equal(res.json().code, 'RATE_LIMITED');
          assert.match(res.json().message, /请求过于频繁/);
        }
      }
      assert.deepEqual(statuses, [...Array(10).fill(201), 429, 429]);
    } finally {
      await other.close();
    }
  });
});
