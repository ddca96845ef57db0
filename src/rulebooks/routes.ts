/**
 * Rulebooks over HTTP: the built-in and stored rulebooks (reads for every signed-in user — they
 * are published regulations), derived county versions (sys_admin, DT-37), and the evaluation of a
 * project's facts and events against a rulebook on the working-day calendar of the database.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isRole, type Role } from '../access/roles.ts';
import { loadCalendar } from '../calendar/repository.ts';
import { errors, VersionInput } from '../http/schemas.ts';
import { commandContext } from '../identity/plugin.ts';
import {
  EVENT_TYPES,
  evaluateProject,
  FACT_CATALOG,
  GATE_ACTIONS,
  type OpenStep,
  type RoleCode,
  type Rulebook,
  RulebookInvalidError,
} from '../rules/index.ts';
import { chinaDate } from '../shared/clock.ts';
import type { CommandDeps } from '../shared/command.ts';
import { DomainError, invalid, notFound } from '../shared/errors.ts';
import { deriveVersion } from './commands.ts';
import {
  presentActionGates,
  presentObligation,
  presentOpenStep,
  presentRulebook,
  presentStepState,
  presentSummary,
} from './present.ts';
import {
  jurisdictionNameOf,
  loadRulebookCatalog,
  type RulebookCatalog,
  resolveRulebookCode,
  versionKey,
} from './repository.ts';

const TAGS = ['规则集'];
const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const CODE_PATTERN = '^[A-Z][A-Z0-9-]{1,15}$';

const JurisdictionParams = Type.Object(
  {
    jurisdiction: Type.String({
      pattern: CODE_PATTERN,
      description: '规则集代码（DT、SC、JC、XZ 或派生代码）或行政区划代码',
    }),
  },
  strict,
);

const CodeVersion = Type.Object({ code: Type.String(), version: Type.Integer() }, strict);

const RulebookListItem = Type.Object(
  {
    code: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    jurisdictionCode: Type.String({ description: 'GB/T 2260 行政区划代码' }),
    jurisdictionName: Type.String(),
    effectiveFrom: Type.String(),
    regulationTitle: Type.String(),
    derivedFrom: Nullable(CodeVersion),
    builtIn: Type.Boolean({ description: '内置规则集（随平台发布）或管理员派生的版本' }),
    latest: Type.Boolean({ description: '是否为该规则集的最新版本' }),
    createdAt: Nullable(Type.String()),
    createdByName: Nullable(Type.String()),
  },
  strict,
);

const RulebookDetail = Type.Object(
  {
    code: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    jurisdictionCode: Type.String(),
    jurisdictionName: Type.String(),
    effectiveFrom: Type.String(),
    derivedFrom: Nullable(CodeVersion),
    builtIn: Type.Boolean(),
    createdAt: Nullable(Type.String()),
    createdByName: Nullable(Type.String()),
    changes: Type.Array(Type.Unknown(), { description: '派生时的变更列表' }),
    versions: Type.Array(Type.Object({ version: Type.Integer(), effectiveFrom: Type.String() }, strict)),
    regulation: Type.Object(
      {
        title: Type.String(),
        issuer: Type.String(),
        date: Nullable(Type.String()),
        docNumber: Nullable(Type.String()),
      },
      strict,
    ),
    notes: Type.Array(Type.String()),
    articles: Type.Array(
      Type.Object({ id: Type.String(), label: Type.String(), citation: Type.String() }, strict),
    ),
    roles: Type.Array(Type.Unknown(), { description: '规范角色 → 本地名称、所属机构、条款' }),
    organisations: Type.Array(Type.Unknown()),
    workflow: Type.Object(
      { start: Type.Array(Type.Unknown()), stages: Type.Array(Type.Unknown()) },
      { ...strict, description: '阶段 → 步骤（办理主体、适用条件及其中文表述、结果、材料、条款）' },
    ),
    materials: Type.Array(Type.Unknown()),
    deadlines: Type.Array(Type.Unknown()),
    gates: Type.Array(Type.Unknown()),
    content: Type.Unknown({ description: '规则集原始数据（可经 loadRulebook 载入）' }),
  },
  strict,
);

const ProblemsErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    article: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Type.String())),
  },
  strict,
);

const DeriveBody = Type.Object(
  {
    baseCode: Type.String({ pattern: CODE_PATTERN, description: '所依据的规则集，如 DT' }),
    baseVersion: Type.Optional(VersionInput),
    jurisdictionCode: Type.String({
      pattern: '^[0-9]{6}$',
      description: '适用辖区的 GB/T 2260 代码，如 140221',
    }),
    jurisdictionName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    name: Type.String({ minLength: 2, maxLength: 100 }),
    effectiveFrom: IsoDate,
    regulation: Type.Optional(
      Type.Object(
        {
          title: Type.String({ minLength: 2, maxLength: 200 }),
          issuer: Type.String({ minLength: 2, maxLength: 100 }),
          date: Type.Optional(IsoDate),
          docNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        },
        strict,
      ),
    ),
    changes: Type.Array(
      Type.Unknown({
        description:
          '变更：set_deadline、set_actor、rename_organisation、add_organisation、set_role_name、add_material、remove_material、set_material_requirement、set_gate_strength、replace_text（见 RulebookChangeSchema）',
      }),
      { maxItems: 200 },
    ),
  },
  strict,
);

/** The project facts the rules may test, typed from the vocabulary (unknown facts are refused). */
const FactsSchema = Type.Object(
  Object.fromEntries(
    Object.entries(FACT_CATALOG).map(([name, spec]) => {
      const values = 'values' in spec ? spec.values : undefined;
      const schema =
        spec.type === 'boolean'
          ? Type.Boolean({ description: spec.label })
          : spec.type === 'date'
            ? Type.String({ ...IsoDate, description: spec.label })
            : values
              ? Type.Union(
                  values.map((v) => Type.Literal(v)),
                  { description: spec.label },
                )
              : Type.String({ maxLength: 200, description: spec.label });
      return [name, Type.Optional(schema)];
    }),
  ),
  strict,
);

const EventSchema = Type.Object(
  {
    type: Type.Union(EVENT_TYPES.map((e) => Type.Literal(e))),
    at: IsoDate,
    stepId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ref: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    deadlineId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    until: Type.Optional(IsoDate),
  },
  strict,
);

const EvaluateBody = Type.Object(
  {
    facts: FactsSchema,
    events: Type.Array(EventSchema, { maxItems: 500 }),
    today: Type.Optional(IsoDate),
    version: Type.Optional(VersionInput),
  },
  strict,
);

const EvaluateResponse = Type.Object(
  {
    rulebook: Type.Object({ code: Type.String(), version: Type.Integer(), name: Type.String() }, strict),
    today: Type.String(),
    status: Type.String({ description: 'active | refused | ended | terminated' }),
    roles: Type.Array(Type.String(), { description: '据以筛选下一步的调用者角色' }),
    nextSteps: Type.Array(Type.Unknown(), { description: '调用者角色可办理的下一步（含闸口与所需材料）' }),
    steps: Type.Array(Type.Unknown()),
    obligations: Type.Array(Type.Unknown(), {
      description: '未履行的义务及到期日；日历未知时 dueDate 为 null、calendarKnown 为 false',
    }),
    gates: Type.Array(Type.Unknown(), { description: '各受控动作的闸口结果' }),
    calendarKnownYears: Type.Array(Type.Integer()),
  },
  strict,
);

async function catalogAndCode(
  deps: CommandDeps,
  segment: string,
): Promise<{ catalog: RulebookCatalog; code: string }> {
  const catalog = await loadRulebookCatalog(deps.db);
  const code = await resolveRulebookCode(deps.db, catalog, segment);
  if (!code) throw notFound(`规则集不存在：${segment}`, 'RULEBOOK_NOT_FOUND');
  return { catalog, code };
}

function versionsOf(catalog: RulebookCatalog, code: string) {
  return catalog.registry
    .list()
    .filter((s) => s.id === code)
    .map((s) => ({ version: s.version, effectiveFrom: s.effectiveFrom }))
    .sort((a, b) => a.version - b.version);
}

function infoOf(catalog: RulebookCatalog, code: string, version: number) {
  const key = versionKey(code, version);
  return { builtIn: catalog.builtIn.has(key), stored: catalog.stored.get(key) };
}

export function registerRulebookRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/rulebooks',
    {
      schema: {
        tags: TAGS,
        summary: '规则集列表（内置与派生版本）',
        response: { 200: Type.Object({ items: Type.Array(RulebookListItem) }, strict), ...errors },
      },
    },
    async () => {
      const catalog = await loadRulebookCatalog(deps.db);
      const summaries = catalog.registry.list();
      const latest = new Map<string, number>();
      for (const s of summaries) latest.set(s.id, Math.max(latest.get(s.id) ?? 0, s.version));
      return {
        items: summaries.map((s) =>
          presentSummary(
            s,
            catalog.registry.get(s.id, s.version),
            infoOf(catalog, s.id, s.version),
            latest.get(s.id) === s.version,
          ),
        ),
      };
    },
  );

  typed.get(
    '/api/rulebooks/:jurisdiction',
    {
      schema: {
        tags: TAGS,
        summary: '规则集详情：角色、流程、材料、期限、闸口及其条款出处',
        params: JurisdictionParams,
        querystring: Type.Object({ version: Type.Optional(VersionInput) }, strict),
        response: { 200: RulebookDetail, ...errors },
      },
    },
    async (req) => {
      const { jurisdiction } = req.params;
      const { version } = req.query;
      const { catalog, code } = await catalogAndCode(deps, jurisdiction);
      const rb = catalog.registry.get(code, version);
      return presentRulebook(rb, infoOf(catalog, rb.id, rb.version), versionsOf(catalog, code));
    },
  );

  typed.post(
    '/api/rulebooks/:jurisdiction/versions',
    {
      schema: {
        tags: TAGS,
        summary: '派生规则集新版本（如县级规则集派生自市级，DT-37）',
        params: JurisdictionParams,
        body: DeriveBody,
        response: { 201: RulebookDetail, ...errors, 400: ProblemsErrorBody },
      },
    },
    async (req, reply) => {
      const { jurisdiction } = req.params;
      const body = req.body;
      const catalog = await loadRulebookCatalog(deps.db);
      // The version belongs to an existing rulebook (by code or through a jurisdiction's rulebook), or
      // starts a new rulebook whose code is the path segment.
      const code = (await resolveRulebookCode(deps.db, catalog, jurisdiction)) ?? jurisdiction;
      if (!catalog.codes.has(body.baseCode)) {
        throw invalid('BASE_RULEBOOK_NOT_FOUND', `所依据的规则集不存在：${body.baseCode}`, {
          field: 'baseCode',
        });
      }
      let base: Rulebook;
      try {
        base = catalog.registry.get(body.baseCode, body.baseVersion);
      } catch {
        throw invalid('BASE_RULEBOOK_NOT_FOUND', `规则集 ${body.baseCode} 没有第 ${body.baseVersion} 版`, {
          field: 'baseVersion',
        });
      }
      const jurisdictionName =
        body.jurisdictionName?.trim() || (await jurisdictionNameOf(deps.db, jurisdiction)) || undefined;
      const builtInMax = Math.max(
        0,
        ...catalog.registry
          .list()
          .filter((s) => s.id === code && catalog.builtIn.has(versionKey(s.id, s.version)))
          .map((s) => s.version),
      );

      let stored: Rulebook;
      try {
        stored = await deriveVersion(deps, commandContext(req), req.actor!.userId, {
          code,
          base,
          builtInMax,
          jurisdictionCode: body.jurisdictionCode,
          jurisdictionName,
          name: body.name,
          effectiveFrom: body.effectiveFrom,
          ...(body.regulation ? { regulation: body.regulation } : {}),
          changes: body.changes,
        });
      } catch (err) {
        if (err instanceof RulebookInvalidError) {
          return reply.status(400).send({
            code: err.code,
            message: `派生结果不是有效的规则集，共 ${err.problems.length} 个问题：${err.problems[0]}`,
            field: 'changes',
            requestId: String(req.id),
            problems: err.problems,
          });
        }
        throw err;
      }
      const fresh = await loadRulebookCatalog(deps.db);
      reply.status(201);
      return presentRulebook(stored, infoOf(fresh, stored.id, stored.version), versionsOf(fresh, stored.id));
    },
  );

  typed.post(
    '/api/rulebooks/:jurisdiction/evaluate',
    {
      schema: {
        tags: TAGS,
        summary: '按规则集评估项目：调用者的下一步、义务与到期日、各动作的闸口',
        params: JurisdictionParams,
        body: EvaluateBody,
        response: { 200: EvaluateResponse, ...errors },
      },
    },
    async (req) => {
      const { jurisdiction } = req.params;
      const body = req.body;
      const { catalog, code } = await catalogAndCode(deps, jurisdiction);
      const today = body.today ?? chinaDate(deps.clock.now());
      const rulebook = pickVersion(catalog, code, today, body.version);
      const calendar = await loadCalendar(deps.db);
      const evaluation = evaluateProject(rulebook, {
        facts: body.facts,
        events: body.events,
        today,
        calendar,
      });

      const roles = [...new Set((req.actor?.assignments ?? []).map((a) => a.role))].filter(
        (r): r is Role & RoleCode => isRole(r) && rulebook.roles.some((d) => d.code === r),
      );
      const nextSteps = new Map<string, OpenStep>();
      for (const role of roles) {
        for (const open of evaluation.nextSteps(role)) nextSteps.set(open.step.id, open);
      }
      return {
        rulebook: { code: rulebook.id, version: rulebook.version, name: rulebook.name },
        today,
        status: evaluation.status,
        roles,
        // With the materials each open step requires for this project, judged on its facts.
        nextSteps: [...nextSteps.values()].map((open) =>
          presentOpenStep(rulebook, open, evaluation.missingMaterials(open.step.id, [])),
        ),
        steps: evaluation.steps.map(presentStepState),
        obligations: evaluation.obligations.map((o) => presentObligation(rulebook, o)),
        gates: GATE_ACTIONS.map((action) => presentActionGates(action, evaluation.checkGates(action))),
        calendarKnownYears: calendar.knownYears(),
      };
    },
  );
}

/** The requested version, else the version in force on `today`, else the latest. */
function pickVersion(catalog: RulebookCatalog, code: string, today: string, version?: number): Rulebook {
  if (version !== undefined) return catalog.registry.get(code, version);
  try {
    return catalog.registry.forDate(code, today);
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'not_found') return catalog.registry.get(code);
    throw err;
  }
}
