/**
 * A signed-in HTTP session against the real server process, for browser tests that need a project
 * in a given state before the browser opens it (the same requests the UI would make).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';

export interface HttpSession {
  request(method: string, url: string, body?: unknown): Promise<{ status: number; json: () => unknown }>;
  upload(url: string, fields: Record<string, string>, fileName: string, data: Buffer): Promise<number>;
}

export async function httpLogin(base: string, username: string): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(res.status, 200, `login ${username}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers = (extra: Record<string, string> = {}) => ({ cookie, 'x-csrf-token': csrfToken, ...extra });
  return {
    async request(method, url, body) {
      const r = await fetch(`${base}${url}`, {
        method,
        headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      return { status: r.status, json: () => (text ? JSON.parse(text) : null) };
    },
    async upload(url, fields, fileName, data) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), fileName);
      const r = await fetch(`${base}${url}`, { method: 'POST', headers: headers(), body: form });
      return r.status;
    },
  };
}

function pdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label} ${randomBytes(4).toString('hex')}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

async function ok<T>(p: Promise<{ status: number; json: () => unknown }>, status: number, label: string) {
  const r = await p;
  assert.equal(r.status, status, `${label}: ${JSON.stringify(r.json())}`);
  return r.json() as T;
}

/**
 * A DT project of 大同市教育局 submitted by dt.staff on the demo plan's entry, changing a demo
 * catalog system, with every required material: it waits for the five-dimension review.
 */
export async function submittedDtProject(base: string, name: string): Promise<string> {
  const staff = await httpLogin(base, 'dt.staff');
  const entries = await ok<{ items: { id: string }[] }>(
    staff.request('GET', '/api/plan-entries'),
    200,
    'entries',
  );
  assert.ok(entries.items.length > 0, 'a demo plan entry');
  const systems = await ok<{ items: { id: string; status: string }[] }>(
    staff.request('GET', '/api/catalog/systems'),
    200,
    'systems',
  );
  const system = systems.items.find((s) => s.status === 'in_operation');
  assert.ok(system, 'a demo system in operation');
  const created = await ok<{ id: string }>(
    staff.request('POST', '/api/projects', {
      name,
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
      planEntryId: entries.items[0].id,
      systems: [{ systemId: system.id, name: null, relation: 'changes' }],
    }),
    201,
    'create',
  );
  const detail = await ok<{ applicationMaterials: { code: string; required: boolean; provided: boolean }[] }>(
    staff.request('GET', `/api/projects/${created.id}`),
    200,
    'detail',
  );
  for (const m of detail.applicationMaterials.filter((x) => x.required && !x.provided)) {
    const status = await staff.upload(
      `/api/projects/${created.id}/materials`,
      { materialCode: m.code },
      `${m.code}.pdf`,
      pdf(m.code),
    );
    assert.equal(status, 201, `upload ${m.code}`);
  }
  await ok(staff.request('POST', `/api/projects/${created.id}/submit`), 200, 'submit');
  return created.id;
}
