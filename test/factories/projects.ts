/**
 * Factories for the project API tests (test/api/projects/*.test.ts) and the authorization matrix:
 * logged-in sessions by demo user, a catalog system (inserted as the catalog's own rows: the catalog
 * routes belong to another module), plans with approved entries, project drafts with the materials
 * their rulebook asks for, and a multipart body builder for uploads.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { informationSystems } from '../../src/catalog/tables.ts';
import { login, type Session, setup, type TestContext } from '../support/helper.ts';
import { normalOutcome } from '../support/outcomes.ts';

export { normalOutcome };

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A fresh app whose attachments go to a temporary folder. */
export async function setupProjects(): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-projects-'));
  return setup({ dataDir });
}

export class Sessions {
  private readonly cache = new Map<string, Session>();
  constructor(private readonly ctx: TestContext) {}
  async as(username: string, password?: string): Promise<Session> {
    let s = this.cache.get(username);
    if (!s) {
      s = await login(this.ctx, username, password);
      this.cache.set(username, s);
    }
    return s;
  }
}

export function expectStatus(res: LightMyRequestResponse, status: number, label = ''): void {
  assert.equal(res.statusCode, status, `${label} ${res.statusCode} ${res.body}`);
}

export async function organisationId(s: Session, name: string): Promise<string> {
  const res = await s.request('GET', '/api/organisations');
  const org = res.json().items.find((o: { name: string }) => o.name === name);
  assert.ok(org, `organisation ${name}`);
  return org.id;
}

export async function jurisdictionId(s: Session, code: string): Promise<string> {
  const res = await s.request('GET', '/api/jurisdictions');
  const j = res.json().items.find((x: { code: string }) => x.code === code);
  assert.ok(j, `jurisdiction ${code}`);
  return j.id;
}

let systemSeq = 0;

/** A system listed in the catalog of `jurisdictionCode`, owned by `ownerName`. */
export async function catalogSystem(
  ctx: TestContext,
  s: Session,
  jurisdictionCode: string,
  ownerName: string,
  status: 'under_construction' | 'in_operation' | 'retired' = 'in_operation',
): Promise<string> {
  const n = ++systemSeq;
  const name = `测试系统${n}-${randomBytes(2).toString('hex')}`;
  const [row] = await ctx.database.db
    .insert(informationSystems)
    .values({
      code: `${jurisdictionCode}-XT-T${String(n).padStart(4, '0')}${randomBytes(2).toString('hex')}`,
      name,
      nameKey: name,
      jurisdictionId: await jurisdictionId(s, jurisdictionCode),
      ownerOrganisationId: await organisationId(s, ownerName),
      purpose: '测试用途',
      status,
      deployment: 'city_cloud',
      networks: ['extranet'],
      cloudMigration: 'migrated',
      retirementDate: status === 'retired' ? '2025-12-31' : null,
    })
    .returning({ id: informationSystems.id });
  return row.id;
}

/** An approved annual plan of the jurisdiction with one entry for `departmentName`; returns the entry id. */
export async function approvedPlanEntry(
  sessions: Sessions,
  authority: string,
  /** The deciders of the plan's chain in order (XZ 第六条: 局党组, then 市政务信息管理局). */
  leadership: string | string[],
  departmentName: string,
  projectName = '计划内项目',
): Promise<string> {
  const a = await sessions.as(authority);
  const created = await a.request('POST', '/api/plans', {
    kind: 'annual',
    title: `${new Date().getFullYear()}年度政务信息化计划`,
    year: 2026,
    summary: '年度计划',
  });
  expectStatus(created, 201, 'plan create');
  const planId = created.json().id;
  const entry = await a.request('POST', `/api/plans/${planId}/entries`, {
    organisationId: await organisationId(a, departmentName),
    projectName,
    estimatedBudget: '1000000',
    year: 2026,
    summary: '',
  });
  expectStatus(entry, 201, 'entry');
  const entryId = entry.json().entries.at(-1).id;
  expectStatus(await a.request('POST', `/api/plans/${planId}/submit`), 200, 'plan submit');
  for (const decider of Array.isArray(leadership) ? leadership : [leadership]) {
    const lead = await sessions.as(decider);
    expectStatus(
      await lead.request('POST', `/api/plans/${planId}/decision`, { decision: 'approve', opinion: '同意' }),
      200,
      `plan approve by ${decider}`,
    );
  }
  return entryId;
}

export function applicationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '智慧教育公共服务平台升级改造项目',
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
    ...overrides,
  };
}

/** A small valid PDF. */
export function pdfBytes(label = 'material'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label} ${randomBytes(4).toString('hex')}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

export function multipart(
  fields: Record<string, string>,
  file: { name: string; data: Buffer; type?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tongchou${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      'utf8',
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(
  s: Session,
  projectId: string,
  materialCode: string,
  options: { stepId?: string; name?: string; data?: Buffer } = {},
): Promise<LightMyRequestResponse> {
  const fields: Record<string, string> = { materialCode };
  if (options.stepId) fields.stepId = options.stepId;
  const body = multipart(fields, {
    name: options.name ?? `${materialCode}.pdf`,
    data: options.data ?? pdfBytes(materialCode),
  });
  return s.request('POST', `/api/projects/${projectId}/materials`, body.payload, body.headers);
}

/** Uploads every application material the rulebook requires of this project and it still lacks. */
export async function uploadMissing(s: Session, projectId: string): Promise<void> {
  const detail = (await s.request('GET', `/api/projects/${projectId}`)).json();
  for (const m of detail.applicationMaterials as { code: string; required: boolean; provided: boolean }[]) {
    if (m.required && !m.provided) expectStatus(await upload(s, projectId, m.code), 201, `upload ${m.code}`);
  }
}

/** Creates a draft as `staff` and returns its id. */
export async function draftProject(
  s: Session,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; body: Record<string, unknown> }> {
  const res = await s.request('POST', '/api/projects', applicationBody(overrides));
  expectStatus(res, 201, 'create project');
  return { id: res.json().id, body: res.json() };
}

/** Decides a step; without `outcome` in the body the step's normal outcome is sent explicitly. */
export async function decide(
  s: Session,
  projectId: string,
  stepId: string,
  body: Record<string, unknown> = { opinion: '同意' },
): Promise<LightMyRequestResponse> {
  const explicit = 'outcome' in body ? body : { outcome: normalOutcome(stepId), ...body };
  return s.request('POST', `/api/projects/${projectId}/steps/${stepId}/decision`, explicit);
}

export const FIVE_OPINIONS = {
  need: { score: 90, opinion: '需求来源清楚，建设必要。' },
  consolidation: { score: 85, opinion: '依托政务云和电子政务外网，复用统一身份认证。' },
  feasibility: { score: 88, opinion: '技术路线成熟，方案可行。' },
  budget: { score: 80, opinion: '预算测算基本合理。' },
  targets: { score: 86, opinion: '绩效目标明确、可量化。' },
};

export function openStepIds(detail: { workflow: { openSteps: { stepId: string }[] } }): string[] {
  return detail.workflow.openSteps.map((s) => s.stepId);
}

/** A user created through the admin APIs with one role in one organisation (password changed, ready to log in). */
let userSeq = 0;
export async function extraUser(
  ctx: TestContext,
  sessions: Sessions,
  role: string,
  organisationName: string,
  extraRoles: { role: string; organisationName: string }[] = [],
): Promise<{ username: string; userId: string }> {
  const admin = await sessions.as('demo.sysadmin');
  const sec = await sessions.as('demo.secadmin');
  const n = ++userSeq;
  const username = `proj.u${n}.${randomBytes(2).toString('hex')}`;
  const created = await admin.request('POST', '/api/users', {
    username,
    displayName: `测试用户${n}`,
    initialPassword: 'Initial#Pass-2026',
  });
  expectStatus(created, 201, 'user');
  const userId = created.json().id;
  for (const r of [{ role, organisationName }, ...extraRoles]) {
    expectStatus(
      await sec.request('POST', `/api/users/${userId}/roles`, {
        role: r.role,
        organisationId: await organisationId(admin, r.organisationName),
      }),
      201,
      'role',
    );
  }
  const first = await login(ctx, username, 'Initial#Pass-2026');
  expectStatus(
    await first.request('POST', '/api/auth/password', {
      currentPassword: 'Initial#Pass-2026',
      newPassword: 'Changed#Pass-2026',
    }),
    204,
    'password',
  );
  return { username, userId };
}

export const EXTRA_PASSWORD = 'Changed#Pass-2026';

/**
 * Shared and fresh DT objects for the authorization matrix: projects of 大同市教育局 (dt.staff) in
 * each state, plans, an assigned expert. Fresh ones are made per call where a write would collide;
 * `shared()` objects are made once. With `sharesRefused`, while `ProjectFixtures.refusing` is set
 * (the authorization matrix sets it while it builds a request that must be refused), a fresh object
 * is made once per kind and handed out again: a refused call changes nothing, so it need not
 * consume a new object.
 */
export class ProjectFixtures {
  /** Set while the request being built must be refused (see above). */
  static refusing = false;
  /** Only the authorization matrix's own fixtures share objects (other helpers walk them further). */
  sharesRefused = false;
  private entry?: Promise<string>;
  private colleagueId?: Promise<string>;
  private pooled?: Promise<void>;
  private sharedObjects?: Promise<SharedObjects>;
  private readonly spare = new Map<string, Promise<unknown>>();
  constructor(
    private readonly ctx: TestContext,
    private readonly sessions: Sessions,
  ) {}

  /**
   * A fresh object from `make`, or, while refusing, the one made for the same kind before. `make`
   * itself always runs with fresh objects of its own (it consumes them).
   */
  private fresh<T>(kind: string, make: () => Promise<T>): Promise<T> {
    if (!this.sharesRefused || !ProjectFixtures.refusing) return make();
    let made = this.spare.get(kind) as Promise<T> | undefined;
    if (!made) {
      made = ProjectFixtures.outside(make);
      this.spare.set(kind, made);
    }
    return made;
  }

  /** Runs `make` with fresh objects (not the refusing ones), restoring the flag afterwards. */
  private static async outside<T>(make: () => Promise<T>): Promise<T> {
    const refusing = ProjectFixtures.refusing;
    ProjectFixtures.refusing = false;
    try {
      return await make();
    } finally {
      ProjectFixtures.refusing = refusing;
    }
  }

  planEntry(): Promise<string> {
    this.entry ??= approvedPlanEntry(this.sessions, 'dt.reviewer', 'dt.gov', '大同市教育局', '矩阵计划项目');
    return this.entry;
  }

  draft(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    return this.fresh(`draft ${JSON.stringify(overrides)}`, async () => {
      const staff = await this.sessions.as('dt.staff');
      const { id, body } = await draftProject(staff, { name: '矩阵测试项目', ...overrides });
      return { id, version: body.version as number };
    });
  }

  ready(): Promise<{ id: string; version: number }> {
    return this.fresh('ready', async () => {
      const staff = await this.sessions.as('dt.staff');
      const systemId = await catalogSystem(this.ctx, staff, 'DT', '大同市教育局');
      const { id } = await this.draft({
        planEntryId: await this.planEntry(),
        systems: [{ systemId, name: null, relation: 'changes' }],
      });
      await uploadMissing(staff, id);
      const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
      return { id, version: detail.version };
    });
  }

  submitted(): Promise<string> {
    return this.fresh('submitted', async () => {
      const { id } = await this.ready();
      expectStatus(
        await (await this.sessions.as('dt.staff')).request('POST', `/api/projects/${id}/submit`),
        200,
        'submit',
      );
      return id;
    });
  }

  reviewed(): Promise<string> {
    return this.fresh('reviewed', async () => {
      const id = await this.submitted();
      const reviewer = await this.sessions.as('dt.reviewer');
      expectStatus(
        await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
        200,
        'review',
      );
      return id;
    });
  }

  filed(): Promise<{ id: string; certificateId: string }> {
    return this.fresh('filed', async () => {
      const id = await this.reviewed();
      expectStatus(
        await decide(await this.sessions.as('dt.reviewer'), id, 'dt.review.assessment'),
        200,
        'assessment',
      );
      const res = await decide(await this.sessions.as('dt.authlead'), id, 'dt.review.filing');
      expectStatus(res, 200, 'filing');
      return { id, certificateId: res.json().certificates[0].id };
    });
  }

  /** dt.expert in DT's pool (once). */
  async pool(): Promise<string> {
    const reviewer = await this.sessions.as('dt.reviewer');
    const expert = await this.sessions.as('dt.expert');
    this.pooled ??= (async () => {
      expectStatus(
        await reviewer.request('POST', '/api/experts', {
          userId: expert.userId,
          fields: ['information_systems'],
          employerOrganisationId: null,
          title: '',
        }),
        201,
        'pool',
      );
    })();
    await this.pooled;
    return expert.userId;
  }

  expertAssigned(): Promise<string> {
    return this.fresh('expertAssigned', async () => {
      const id = await this.submitted();
      const userId = await this.pool();
      expectStatus(
        await (await this.sessions.as('dt.reviewer')).request('POST', `/api/projects/${id}/experts`, {
          userId,
          kind: 'expert',
          field: 'information_systems',
        }),
        201,
        'assign',
      );
      return id;
    });
  }

  /** A second authority reviewer of 大同市数字政府服务中心 (once). */
  colleague(): Promise<string> {
    this.colleagueId ??= extraUser(
      this.ctx,
      this.sessions,
      'authority_reviewer',
      '大同市数字政府服务中心',
    ).then((u) => u.userId);
    return this.colleagueId;
  }

  departmentPlan(
    withEntry = false,
    submit = false,
  ): Promise<{ id: string; version: number; entryId: string | null }> {
    return this.fresh(`departmentPlan ${withEntry} ${submit}`, async () => {
      const staff = await this.sessions.as('dt.staff');
      const res = await staff.request('POST', '/api/plans', {
        kind: 'overall',
        title: '教育局信息化规划',
        year: 2026,
        endYear: 2028,
        summary: '',
      });
      expectStatus(res, 201, 'dept plan');
      let plan = res.json();
      let entryId: string | null = null;
      if (withEntry) {
        const e = await staff.request('POST', `/api/plans/${plan.id}/entries`, {
          organisationId: await organisationId(staff, '大同市教育局'),
          projectName: '教育局项目',
          estimatedBudget: '100000',
          year: 2027,
          summary: '',
        });
        expectStatus(e, 201, 'dept entry');
        plan = e.json();
        entryId = plan.entries[0].id;
      }
      if (submit) {
        const s = await staff.request('POST', `/api/plans/${plan.id}/submit`);
        expectStatus(s, 200, 'dept plan submit');
        plan = s.json();
      }
      return { id: plan.id, version: plan.version, entryId };
    });
  }

  /** A DT jurisdiction plan with one entry, reported to 市政府. */
  reportedPlan(): Promise<string> {
    return this.fresh('reportedPlan', async () => {
      const reviewer = await this.sessions.as('dt.reviewer');
      const res = await reviewer.request('POST', '/api/plans', {
        kind: 'annual',
        title: '矩阵年度计划',
        year: 2026,
        summary: '',
      });
      expectStatus(res, 201, 'plan');
      const id = res.json().id;
      expectStatus(
        await reviewer.request('POST', `/api/plans/${id}/entries`, {
          organisationId: await organisationId(reviewer, '大同市教育局'),
          projectName: '矩阵条目',
          estimatedBudget: '1000',
          year: 2026,
          summary: '',
        }),
        201,
        'entry',
      );
      expectStatus(await reviewer.request('POST', `/api/plans/${id}/submit`), 200, 'submit');
      return id;
    });
  }

  shared(): Promise<SharedObjects> {
    this.sharedObjects ??= ProjectFixtures.outside(async () => {
      const submittedId = await this.reviewed();
      const staff = await this.sessions.as('dt.staff');
      const detail = (await staff.request('GET', `/api/projects/${submittedId}`)).json();
      const filed = await this.filed();
      const filedDetail = (await staff.request('GET', `/api/projects/${filed.id}`)).json();
      const assignedId = await this.expertAssigned();
      const draft = await this.draft();
      const plan = await this.departmentPlan(true);
      return {
        submittedId,
        materialId: detail.materials[0].id as string,
        filedId: filed.id,
        filedMaterialId: filedDetail.materials[0].id as string,
        certificateId: filed.certificateId,
        assignedId,
        draftId: draft.id,
        planId: plan.id,
        planEntryId: plan.entryId as string,
      };
    });
    return this.sharedObjects;
  }
}

export interface SharedObjects {
  submittedId: string;
  materialId: string;
  filedId: string;
  filedMaterialId: string;
  certificateId: string;
  assignedId: string;
  draftId: string;
  planId: string;
  planEntryId: string;
}
