/**
 * Browser test of the public questionnaire (issue 14; DT-30, SC-24, XZ-26): the DT authority
 * publishes a questionnaire for a system; on a 390×844 phone screen, without an account, the
 * public page is answered (screenshot test-results/questionnaire-phone.png); the same device is
 * told it answered today; a burst of answers from one client is refused (429, Chinese message);
 * the authority's results page shows the answer with its charts.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { browserHarness, RESULTS } from './harness.ts';
import { type HttpSession, httpLogin } from './http-session.ts';

const ui = browserHarness();
/** The questionnaire the first test publishes and answers. */
let questionnaireId = '';

const chinaDay = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(s: HttpSession, method: string, url: string, body: unknown, status: number): Promise<T> {
  const res = await s.request(method, url, body);
  assert.equal(res.status, status, `${method} ${url}: ${JSON.stringify(res.json())}`);
  return res.json() as T;
}

test('DT-30 the public questionnaire is answered on a phone without an account, and a burst from one client is refused', async () => {
  const staff = await httpLogin(ui.url, 'dt.staff');
  const reviewer = await httpLogin(ui.url, 'dt.reviewer');
  const system = await ok<{ system: { id: string } }>(
    staff,
    'POST',
    '/api/catalog/systems',
    {
      name: '大同市教育服务平台',
      purpose: '面向群众办理教育业务',
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
    },
    201,
  );
  const { id } = await ok<{ id: string }>(
    reviewer,
    'POST',
    '/api/questionnaires',
    {
      systemId: system.system.id,
      year: 2026,
      title: '大同市教育服务平台满意度调查',
      intro: '本问卷匿名填写，不收集个人信息，约需 1 分钟。',
      questions: [
        { kind: 'single', prompt: '您使用本平台的频率', required: true, options: ['每天', '每周', '偶尔'] },
        {
          kind: 'multiple',
          prompt: '您主要办理哪些业务',
          required: false,
          options: ['学籍查询', '入学报名', '证明开具'],
        },
        { kind: 'rating', prompt: '您对本平台的总体满意度', required: true },
        { kind: 'text', prompt: '您的意见和建议', required: false },
      ],
    },
    201,
  );
  const { slug } = await ok<{ slug: string }>(
    reviewer,
    'POST',
    `/api/questionnaires/${id}/publish`,
    { startsOn: chinaDay(), endsOn: chinaDay(7), version: 1 },
    200,
  );
  questionnaireId = id;

  await ui.context.clearCookies();
  const page = await ui.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${ui.url}/q/${slug}`);
  await page.getByText('大同市教育服务平台满意度调查').waitFor({ timeout: 30_000 });
  assert.equal(new URL(page.url()).pathname, `/q/${slug}`, 'not sent to the login page');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width}px wide on a 390px screen`);

  // A required question left empty is marked at the field.
  await page.getByRole('button', { name: /提交问卷/ }).click();
  await page.getByText('请回答此题').first().waitFor();

  await page.getByText('每周').click();
  await page.getByText('学籍查询').click();
  await page.getByText('入学报名').click();
  await page.locator('.ant-rate-star').nth(3).click();
  await page.getByPlaceholder(/请填写/).fill('希望增加夜间办理时段');
  await page.screenshot({ path: path.join(RESULTS, 'questionnaire-phone.png'), fullPage: true });
  await page.getByRole('button', { name: /提交问卷/ }).click();
  await page.getByText('提交成功，感谢您的参与！').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(RESULTS, 'questionnaire-phone-done.png'), fullPage: true });

  // The same device the same day: told it answered today.
  await page.reload();
  await page.getByText('每周').click();
  await page.locator('.ant-rate-star').nth(4).click();
  await page.getByRole('button', { name: /提交问卷/ }).click();
  await page.getByText('本设备今天已提交过这份问卷').waitFor({ timeout: 15_000 });

  // A burst from this client (fresh device ids each time) is refused with 429.
  const questions = await page.evaluate(
    async (s) =>
      (await (await fetch(`/api/public/questionnaires/${s}`)).json()).questions as { id: string }[],
    slug,
  );
  const burst = await page.evaluate(
    async ({ s, single, rating }) => {
      const out: { status: number; message: string }[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`/api/public/questionnaires/${s}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            deviceId: crypto.randomUUID().replace(/-/g, ''),
            answers: [
              { questionId: single, choice: 0 },
              { questionId: rating, rating: 5 },
            ],
          }),
        });
        out.push({ status: res.status, message: (await res.json()).message ?? '' });
      }
      return out;
    },
    { s: slug, single: questions[0].id, rating: questions[2].id },
  );
  const refused = burst.filter((r) => r.status === 429);
  assert.ok(refused.length > 0, `statuses: ${burst.map((r) => r.status).join(',')}`);
  assert.match(refused[0].message, /请求过于频繁/);
  assert.ok(burst.filter((r) => r.status === 201).length <= 8, 'the default limit is 10 a minute');

  const results = await ok<{ responses: number; satisfaction: number }>(
    reviewer,
    'GET',
    `/api/questionnaires/${id}/results`,
    undefined,
    200,
  );
  assert.equal(results.responses, 1 + burst.filter((r) => r.status === 201).length);
});

test('DT-30 the authority sees the link, the QR code, the satisfaction score and the charts of the answers', async () => {
  assert.ok(questionnaireId, 'the first test published a questionnaire');
  const page = await ui.signIn('dt.reviewer', { width: 1366, height: 900 });
  await page.goto(`${ui.url}/questionnaires`);
  await page.getByText('大同市教育服务平台满意度调查').click({ timeout: 30_000 });
  await page.getByText('满意度得分（0–100）').waitFor({ timeout: 30_000 });
  await page.getByText('公开链接').waitFor();
  const qr = page.getByAltText('问卷二维码');
  await qr.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector('img[alt="问卷二维码"]') as HTMLImageElement | null;
    return img?.complete && img.naturalWidth > 0;
  });
  assert.ok(
    (await page.locator('canvas').count()) >= 4,
    'one chart per choice and rating question and per day',
  );
  await page.getByText('希望增加夜间办理时段').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'questionnaire-results.png'), fullPage: true });
});

test('DT-30 the authority designs a questionnaire in the designer and publishes it; the QR code appears', async () => {
  const page = await ui.signIn('dt.authlead', { width: 1366, height: 900 });
  await page.goto(`${ui.url}/questionnaires`);
  await page.getByRole('button', { name: '新建问卷' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByText('设计满意度问卷').waitFor({ timeout: 30_000 });
  await drawer.locator('#systemId').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '大同市教育服务平台' }).first().click();
  await drawer.locator('#title').fill('年度满意度调查（界面设计）');
  await drawer.getByRole('button', { name: '添加问题' }).click();
  await drawer.locator('#questions_4_prompt').fill('系统响应速度');
  await page.screenshot({ path: path.join(RESULTS, 'questionnaire-designer.png'), fullPage: true });
  await drawer.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('问卷设计（草稿）').waitFor({ timeout: 30_000 });
  await page.getByPlaceholder('开始日期').click();
  await page.getByPlaceholder('开始日期').fill(chinaDay());
  await page.getByPlaceholder('结束日期').fill(chinaDay(10));
  await page.getByPlaceholder('结束日期').press('Enter');
  await page.getByRole('button', { name: '发布问卷' }).click();
  await page.getByText('公开链接').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => {
    const img = document.querySelector('img[alt="问卷二维码"]') as HTMLImageElement | null;
    return img?.complete && img.naturalWidth > 0;
  });
  const link = await page.locator('.ant-descriptions-item-content').first().textContent();
  assert.match(link ?? '', /\/q\/[a-z0-9]{10}/);
});
