/**
 * The second factor through the real UI (SECURITY.md 4–5): with MFA_REQUIRED a user is taken to the
 * enrolment page after the password, binds an authenticator from the QR page's secret, keeps the
 * recovery codes, and the next login asks for the second step.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { totpCode } from '../../src/identity/totp.ts';
import { type ServerProcess, startServer } from '../server-process.ts';
import { launch, RESULTS } from './chromium.ts';

let server: ServerProcess;
let browser: { context: BrowserContext; close: () => Promise<void> };

before(async () => {
  server = await startServer({ MFA_REQUIRED: 'true' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a user binds an authenticator after the password, keeps the recovery codes and signs in with two steps', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/login`);
  await page.locator('#username').fill('dt.leader');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/account\/mfa/);
  await page.getByText('请先绑定动态口令').first().waitFor();
  await page.getByRole('button', { name: '生成二维码' }).click();
  const secret = ((await page.locator('[data-testid="totp-secret"]').textContent()) ?? '').replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await page.screenshot({ path: path.join(RESULTS, 'mfa-enrolment.png'), fullPage: true });
  await page.locator('#code').fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: '验证并绑定' }).click();
  // The codes arrive with the server's answer: wait for them before reading.
  await page.locator('[data-testid="recovery-codes"] code').nth(9).waitFor({ timeout: 30_000 });
  const codes = await page.locator('[data-testid="recovery-codes"] code').allTextContents();
  assert.equal(codes.length, 10);
  await page.screenshot({ path: path.join(RESULTS, 'mfa-recovery-codes.png'), fullPage: true });
  await page.getByText('我已将恢复码保存在安全的地方').click();
  // antd spaces out two-character Chinese button labels (完 成).
  await page.getByRole('button', { name: /^完\s*成$/ }).click();
  await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });

  // Next login: the password, then a recovery code (the enrolment code's time step is spent).
  await browser.context.clearCookies();
  await page.goto(`${server.url}/login`);
  await page.locator('#username').fill('dt.leader');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByText('双因素认证').first().waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'login-second-step.png'), fullPage: true });
  await page.getByRole('button', { name: '手机不在身边？使用恢复码' }).click();
  await page.locator('#recoveryCode').fill(codes[0]);
  await page.getByRole('button', { name: '验证并登录' }).click();
  await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
});
