/**
 * Rulebooks over HTTP: the built-in and stored rulebooks (reads for every signed-in user — they
 * are published regulations), derived county versions (sys_admin, DT-37), and the evaluation of a
 * project's facts and events against a rulebook on the working-day calendar of the database.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { isRole, type Role } from '../access/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { commandContext } from '../identity/index.ts';
import { chinaDate } from '../platform/clock.ts';
import type { CommandDeps } from '../platform/command.ts';
import { DomainError, invalid, notFound } from '../platform/errors.ts';
import { errors } from '../platform/http/schemas.ts';
import {
  evaluateProject,
  GATE_ACTIONS,
  type OpenStep,
  type RoleCode,
  type Rulebook,
  RulebookInvalidError,
} from '../rules/index.ts';
import { deriveVersion } from './commands/derive-version.ts';
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
import { EvaluateResponse, RulebookDetail, RulebookList } from './responses.ts';
import { DeriveBody, EvaluateBody, JurisdictionParams, ProblemsErrorBody, VersionQuery } from './schemas.ts';

const TAGS = ['规则集'];

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
        response: { 200: RulebookList, ...errors },
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
        querystring: VersionQuery,
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
