/**
 * The review's experts over HTTP: experts and third-party evaluators assigned to a project with their
 * signed opinions (DT-09d), the expert pool and the departments' yearly assessments (DT-07, DT-31).
 * Registered by registerReviewRoutes, in its order.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { type ContentSignature, verifyContent } from '../platform/crypto/sm2.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { errors, strict } from '../platform/http/schemas.ts';
import {
  ASSESSMENT_GRADES,
  ASSIGNMENT_KINDS,
  AssessmentBody,
  AssignExpertBody,
  Created,
  EXPERT_CONCLUSIONS,
  EXPERT_FIELDS,
  ExpertOpinionBody,
  ExpertProfileBody,
  jurisdictionChain,
  jurisdictionSubtree,
  labelOf,
  loadDirectory,
  ProjectParams,
  visibleContext,
  type WorkflowEnv,
} from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { assignExpert } from './commands/assign-expert.ts';
import { expertOpinionContent, giveExpertOpinion } from './commands/give-expert-opinion.ts';
import { recordAssessment } from './commands/record-assessment.ts';
import { registerExpert } from './commands/register-expert.ts';
import { authorityAssignment } from './commands/support.ts';
import { expertUserId } from './expert-identity.ts';
import { AssessmentListQuery, assessmentsOf } from './queries/assessments.ts';
import { ExpertListQuery, expertCandidates, expertProfileRows } from './queries/experts.ts';
import { usersByIds } from './queries/users.ts';
import { AssessmentList, ExpertAssignmentList, ExpertProfileList } from './responses.ts';

const TAGS = ['合理性审核'];
const GRADES = ASSESSMENT_GRADES;

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerProjectExpertRoutes(
  root: FastifyInstance,
  deps: ProjectDeps,
  env: () => Promise<WorkflowEnv>,
): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const assignmentsView = async (actor: Actor, id: string) => {
    const e = await env();
    const { pc, relation } = await visibleContext(deps.db, e, actor, id);
    const oversight = relation.parties.has('oversight');
    const own = e.expertIndex(actor.userId);
    const rows = pc.bundle.assignments
      .filter((a) => oversight || a.userIndex === own)
      .map((a) => ({ ...a, userId: expertUserId(deps.keyring, a) }));
    if (!oversight && !relation.assignment)
      throw forbidden('只有主管部门可以查看评审专家', 'NOT_PROJECT_PARTY');
    const names = rows.length
      ? await usersByIds(
          deps.db,
          rows.map((r) => r.userId),
        )
      : [];
    return {
      items: rows.map((a) => ({
        id: a.id,
        userId: a.userId,
        name: names.find((n) => n.id === a.userId)?.name ?? '',
        kind: a.kind,
        kindName: labelOf(ASSIGNMENT_KINDS, a.kind),
        field: a.field,
        fieldName: a.field ? labelOf(EXPERT_FIELDS, a.field) : null,
        assignedAt: a.assignedAt.toISOString(),
        opinion: a.opinion,
        conclusion: a.conclusion,
        conclusionName: a.conclusion ? labelOf(EXPERT_CONCLUSIONS, a.conclusion) : null,
        opinionAt: a.opinionAt?.toISOString() ?? null,
        verified: a.signature
          ? verifyContent(deps.keyring, expertOpinionContent(a), a.signature as unknown as ContentSignature)
          : null,
      })),
    };
  };

  app.get(
    '/api/projects/:id/experts',
    {
      schema: {
        tags: TAGS,
        summary: '指派的专家和第三方评估机构及其意见（专家只看到自己的）',
        params: ProjectParams,
        response: { 200: ExpertAssignmentList, ...errors },
      },
    },
    async (req) => assignmentsView(actorOf(req), req.params.id),
  );

  app.post(
    '/api/projects/:id/experts',
    {
      schema: {
        tags: TAGS,
        summary: '按领域指派专家或第三方评估机构（回避本单位）',
        params: ProjectParams,
        body: AssignExpertBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const e = await env();
      const assignmentId = await assignExpert(deps, commandContext(req), e, id, req.body);
      reply.status(201);
      return { id: assignmentId };
    },
  );

  app.post(
    '/api/projects/:id/expert-opinion',
    {
      schema: {
        tags: TAGS,
        summary: '提交专家（评估）意见（SM2 签名）',
        params: ProjectParams,
        body: ExpertOpinionBody,
        response: { 200: ExpertAssignmentList, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      await giveExpertOpinion(deps, commandContext(req), e, deps.keyring, id, req.body);
      return assignmentsView(actorOf(req), id);
    },
  );
}

export function registerPoolRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/experts',
    {
      schema: {
        tags: TAGS,
        summary: '专家库（本级及下级）与可指派的专家、第三方评估人员（不带 limit 为全部，带 limit 为一页）',
        description:
          '不带 limit：返回本级及下级的全部专家 { items, candidates }（按姓名排序），与以前相同，供指派专家的选择框使用；' +
          '带 limit（1–100）：按 q（姓名包含）、field（领域）筛选，按 sort 排序，另返回 total、limit、offset。',
        querystring: ExpertListQuery,
        response: { 200: ExpertProfileList, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const mine = authorityAssignment(actor);
      const directory = await loadDirectory(deps.db);
      const { jurisdiction: only, ...filters } = req.query;
      let scope = [
        ...new Set([
          ...jurisdictionSubtree(directory, mine.jurisdictionId),
          ...jurisdictionChain(directory, mine.jurisdictionId).map((j) => j.id),
        ]),
      ];
      if (only) {
        const j = directory.jurisdictions.find((x) => x.code === only);
        if (!j || !scope.includes(j.id))
          throw notFound('行政区划不存在或不在本级管辖范围内', 'JURISDICTION_NOT_FOUND');
        scope = [j.id];
      }
      const profiles = await expertProfileRows(deps.db, scope, filters);
      const candidates = await expertCandidates(deps.db, scope);
      const items = profiles.rows.map((p) => ({
        userId: p.userId,
        name: p.name,
        username: p.username,
        fields: p.fields,
        fieldNames: p.fields.map((f) => labelOf(EXPERT_FIELDS, f)),
        employerOrganisationId: p.employerOrganisationId,
        employerName: directory.organisations.find((o) => o.id === p.employerOrganisationId)?.name ?? null,
        title: p.title,
        jurisdictionName: directory.jurisdictions.find((j) => j.id === p.jurisdictionId)?.name ?? '',
      }));
      const paged =
        filters.limit === undefined
          ? {}
          : { total: profiles.total, limit: filters.limit, offset: filters.offset ?? 0 };
      return { items, candidates, ...paged };
    },
  );

  app.post(
    '/api/experts',
    {
      schema: {
        tags: TAGS,
        summary: '将专家纳入本级专家库（领域、工作单位用于回避）',
        body: ExpertProfileBody,
        response: { 201: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req, reply) => {
      await registerExpert(deps, commandContext(req), req.body);
      reply.status(201);
      return { ok: true };
    },
  );

  app.get(
    '/api/department-assessments',
    {
      schema: {
        tags: TAGS,
        summary: '部门年度考核结果（DT-07、DT-31）',
        querystring: AssessmentListQuery,
        response: { 200: AssessmentList, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const query = req.query;
      const mine = authorityAssignment(actor);
      const directory = await loadDirectory(deps.db);
      const scope = new Set(jurisdictionSubtree(directory, mine.jurisdictionId));
      const orgIds = directory.organisations
        .filter(
          (o) => scope.has(o.jurisdictionId) && (!query.organisationId || o.id === query.organisationId),
        )
        .map((o) => o.id);
      if (query.organisationId && orgIds.length === 0) {
        throw notFound('部门不存在或不在本级管辖范围内', 'ORGANISATION_NOT_FOUND');
      }
      const page = { limit: query.limit ?? 25, offset: query.offset ?? 0 };
      if (orgIds.length === 0) return { items: [], total: 0, ...page };
      const { rows, total, limit, offset } = await assessmentsOf(deps.db, orgIds, query);
      return {
        items: rows.map((r) => ({ ...r, gradeName: labelOf(GRADES, r.grade) })),
        total,
        limit,
        offset,
      };
    },
  );

  app.post(
    '/api/department-assessments',
    {
      schema: {
        tags: TAGS,
        summary: '录入部门年度考核结果',
        body: AssessmentBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const id = await recordAssessment(deps, commandContext(req), req.body);
      reply.status(201);
      return { id };
    },
  );
}
