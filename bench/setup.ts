/** Set-up of bench/run.ts through the API and SQL (not measured): sessions, the 2,000 projects, the decision pool. */
import type pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import type { Op, Session } from './load.ts';

export async function login(url: string, username: string): Promise<Session & { csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  return { headers: { cookie }, writeHeaders: { 'x-csrf-token': body.csrfToken }, csrf: body.csrfToken };
}

/** One API call of the set-up (not measured). */
export async function api(
  url: string,
  s: Session,
  method: string,
  p: string,
  body?: unknown,
): Promise<{ status: number; json: () => Promise<unknown> }> {
  const isForm = body instanceof FormData;
  const res = await fetch(`${url}${p}`, {
    method,
    headers: {
      ...s.headers,
      ...(method === 'GET' ? {} : s.writeHeaders),
      ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  return { status: res.status, json: () => res.json() };
}

export async function expectOk(r: Promise<{ status: number; json: () => Promise<unknown> }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(await res.json())}`);
  return res.json() as Promise<Record<string, unknown>>;
}

export const PROJECT_BODY = {
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
export async function seedProjects(db: pg.Client, sourceId: string, total: number): Promise<void> {
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

/** A small valid PDF (an application material). */
function pdf(label: string): Blob {
  return new Blob(
    [
      `%PDF-1.4\n% ${label} ${Math.random()}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    ],
    { type: 'application/pdf' },
  );
}

/** `n` projects of dt.staff2's department, submitted, waiting at DT's 前置审查 (unplanned projects). */
export async function decisionPool(url: string, staff: Session, n: number): Promise<string[]> {
  const one = async (i: number) => {
    const created = await expectOk(
      api(url, staff, 'POST', '/api/projects', { ...PROJECT_BODY, name: `基准测试决定项目${i}` }),
      'pool create',
    );
    const id = created.id as string;
    const materials = created.applicationMaterials as {
      code: string;
      required: boolean;
      provided: boolean;
    }[];
    for (const m of materials.filter((x) => x.required && !x.provided)) {
      const form = new FormData();
      form.set('materialCode', m.code);
      form.set('file', pdf(m.code), `${m.code}.pdf`);
      await expectOk(api(url, staff, 'POST', `/api/projects/${id}/materials`, form), `upload ${m.code}`);
    }
    const submitted = await expectOk(api(url, staff, 'POST', `/api/projects/${id}/submit`), 'submit');
    const open = (submitted.workflow as { openSteps: { stepId: string }[] }).openSteps.map((s) => s.stepId);
    if (!open.includes(DECISION_STEP)) throw new Error(`pool project open at ${open.join(', ')}`);
    return id;
  };
  const ids: string[] = [];
  for (let i = 0; i < n; i += 4)
    ids.push(...(await Promise.all([i, i + 1, i + 2, i + 3].filter((k) => k < n).map(one))));
  return ids;
}

const DECISION_STEP = 'dt.review.pre_review';

/**
 * The reviewer decides 前置审查 on a project of the pool and, as the next request of the same
 * client, withdraws that decision (撤回): each client owns its share of the pool and walks through
 * it, so the project's next step is never decided and the data stays in the same state. `settle`
 * withdraws what a period left decided.
 */
export function decisionOp(pool: string[], url: string, reviewer: Session): Op {
  const decided = new Set<string>();
  const cursor = new Map<number, number>();
  let clients = 1;
  const withdraw = (id: string) => ({
    method: 'POST' as const,
    path: `/api/projects/${id}/withdraw`,
    body: JSON.stringify({ reason: '基准测试：撤回前置审查决定' }),
    tag: `w:${id}`,
  });
  return {
    name: 'decision (前置审查 decide, then withdraw)',
    start: (n) => {
      clients = n;
      cursor.clear();
    },
    next: (client) => {
      const k = cursor.get(client) ?? 0;
      const perClient = Math.max(1, Math.floor(pool.length / clients));
      const id = pool[(client + clients * (k % perClient)) % pool.length];
      if (decided.has(id)) return withdraw(id);
      return {
        method: 'POST',
        path: `/api/projects/${id}/steps/${DECISION_STEP}/decision`,
        body: JSON.stringify({ outcome: 'pre_review_passed', opinion: '同意，符合规划。' }),
        tag: `d:${id}`,
      };
    },
    after: (client, req, status) => {
      const [kind, id] = (req.tag ?? '').split(':');
      if (status >= 200 && status < 300) {
        if (kind === 'd') decided.add(id);
        else {
          decided.delete(id);
          cursor.set(client, (cursor.get(client) ?? 0) + 1);
        }
      }
    },
    settle: async () => {
      for (const id of [...decided]) {
        const r = withdraw(id);
        const res = await api(url, reviewer, 'POST', r.path, JSON.parse(r.body));
        if (res.status < 300) decided.delete(id);
        else console.error(`settle ${id}: ${res.status}`);
      }
    },
  };
}
