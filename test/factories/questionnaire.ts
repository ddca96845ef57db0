/**
 * Test helpers of the public questionnaire (issue 14): a system of 大同市教育局 in the DT catalog,
 * a four-question design (single, multiple, rating, text) and a published questionnaire.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Session, TestContext } from '../support/helper.ts';

let seq = 0;

/** A system in operation, registered by `session` (a department or the authority). */
export async function operatingSystem(session: Session): Promise<string> {
  seq += 1;
  const res = await session.request('POST', '/api/catalog/systems', {
    name: `满意度测试系统${seq}${randomBytes(2).toString('hex')}`,
    purpose: '面向群众办理业务',
    status: 'in_operation',
    deployment: 'city_cloud',
    networks: ['extranet'],
    mlpsLevel: 2,
    projectRefs: [],
    resourceCodes: [],
    sharedOnPlatform: true,
    sharedResourceCount: 1,
    cloudMigration: 'migrated',
    cloudMigrationDate: '2024-06-30',
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().system.id as string;
}

export const DESIGN = {
  title: '政务服务系统满意度调查',
  intro: '本问卷匿名填写，不收集个人信息。',
  questions: [
    { kind: 'single', prompt: '您使用本系统的频率', required: true, options: ['每天', '每周', '偶尔'] },
    { kind: 'multiple', prompt: '您主要办理哪些业务', required: false, options: ['查询', '申报', '缴费'] },
    { kind: 'rating', prompt: '总体满意度', required: true },
    { kind: 'text', prompt: '意见和建议', required: false },
  ],
};

/** The China date `days` after the clock's today. */
export const chinaDay = (ctx: TestContext, days = 0) =>
  new Date(ctx.clock.now().getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function designed(
  reviewer: Session,
  systemId: string,
  design: object = DESIGN,
  year = 2026,
): Promise<string> {
  const res = await reviewer.request('POST', '/api/questionnaires', { systemId, year, ...design });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

export async function published(
  ctx: TestContext,
  reviewer: Session,
  systemId: string,
  from = 0,
  to = 7,
): Promise<{ id: string; slug: string; questionIds: string[] }> {
  const id = await designed(reviewer, systemId);
  const res = await reviewer.request('POST', `/api/questionnaires/${id}/publish`, {
    startsOn: chinaDay(ctx, from),
    endsOn: chinaDay(ctx, to),
    version: 1,
  });
  assert.equal(res.statusCode, 200, res.body);
  const detail = (await reviewer.request('GET', `/api/questionnaires/${id}`)).json();
  return { id, slug: res.json().slug, questionIds: detail.questions.map((q: { id: string }) => q.id) };
}

/** A fresh random device id, as the public page keeps in localStorage. */
export const deviceId = () => randomBytes(16).toString('hex');

export function answer(ctx: TestContext, slug: string, body: object, headers: Record<string, string> = {}) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/questionnaires/${slug}/responses`,
    payload: body,
    headers,
  });
}
