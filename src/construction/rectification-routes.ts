/** Problems and rectification over HTTP, with the funding gates the rectification facts close. */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { errors, Literals, Nullable, strict, Uuid, VersionInput } from '../platform/http/schemas.ts';
import { loadWorkflowEnv, visibleContext } from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { decideRectification } from './commands/decide-rectification.ts';
import { orderRectification } from './commands/order-rectification.ts';
import { reportRectification } from './commands/report-rectification.ts';
import { PROBLEM_KINDS, PROBLEM_LABELS } from './model.ts';
import { listRectifications } from './queries/rectifications.ts';

const TAGS = ['建设'];
const S = Type.String();
const Params = Type.Object({ id: Uuid }, strict);
const OrderParams = Type.Object({ id: Uuid, rectificationId: Uuid }, strict);

const RectificationView = Type.Object(
  {
    id: S,
    problemKind: S,
    problemKindName: S,
    description: S,
    orderedOn: S,
    workingDays: Type.Integer(),
    state: S,
    report: Nullable(S),
    reportedOn: Nullable(S),
    decidedOn: Nullable(S),
    decisionNote: Nullable(S),
    version: Type.Integer(),
  },
  strict,
);
const GateView = Type.Object(
  { gateId: S, name: S, action: S, passed: Type.Boolean(), reason: S, article: S },
  strict,
);

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerRectificationRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.get(
    '/api/projects/:id/rectifications',
    {
      schema: {
        tags: TAGS,
        summary: '整改通知及资金闸口（拒不整改或整改不合格暂停拨付）',
        params: Params,
        response: {
          200: Type.Object(
            { items: Type.Array(RectificationView), fundsGates: Type.Array(GateView) },
            strict,
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { pc } = await visibleContext(deps.db, await env(), actorOf(req), id);
      const rows = await listRectifications(deps.db, id);
      const gates = [
        ...pc.evaluation.checkGates('disburse_construction'),
        ...pc.evaluation.checkGates('disburse_om'),
      ].filter((g) => g.applicable);
      return {
        items: rows.map((r) => ({
          id: r.id,
          problemKind: r.problemKind,
          problemKindName: PROBLEM_LABELS[r.problemKind],
          description: r.description,
          orderedOn: r.orderedOn,
          workingDays: r.workingDays,
          state: r.state,
          report: r.report,
          reportedOn: r.reportedOn,
          decidedOn: r.decidedOn,
          decisionNote: r.decisionNote,
          version: r.version,
        })),
        fundsGates: gates.map((g) => ({
          gateId: g.gateId,
          name: g.name,
          action: g.action,
          passed: g.passed,
          reason: g.reason,
          article: g.article,
        })),
      };
    },
  );

  app.post(
    '/api/projects/:id/rectifications',
    {
      schema: {
        tags: TAGS,
        summary: '发现问题，责令限期整改（期限按工作日计）',
        params: Params,
        body: Type.Object(
          {
            problemKind: Literals(PROBLEM_KINDS),
            description: Type.String({ minLength: 1, maxLength: 4000 }),
            workingDays: Type.Integer({ minimum: 1, maximum: 365 }),
          },
          strict,
        ),
        response: { 201: Type.Object({ id: S }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const body = req.body;
      const rid = await orderRectification(deps, commandContext(req), await env(), id, body);
      return reply.status(201).send({ id: rid });
    },
  );

  app.post(
    '/api/projects/:id/rectifications/:rectificationId/report',
    {
      schema: {
        tags: TAGS,
        summary: '报送整改情况（履行限期整改义务）',
        params: OrderParams,
        body: Type.Object(
          { report: Type.String({ minLength: 1, maxLength: 4000 }), version: VersionInput },
          strict,
        ),
        response: { 200: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, rectificationId } = req.params;
      await reportRectification(deps, commandContext(req), await env(), id, rectificationId, req.body);
      return { ok: true };
    },
  );

  app.post(
    '/api/projects/:id/rectifications/:rectificationId/decision',
    {
      schema: {
        tags: TAGS,
        summary: '认定整改结果：合格、不合格或拒不整改',
        params: OrderParams,
        body: Type.Object(
          {
            outcome: Literals(['rectified', 'failed', 'refused']),
            note: Type.String({ maxLength: 2000 }),
            version: VersionInput,
          },
          strict,
        ),
        response: { 200: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, rectificationId } = req.params;
      await decideRectification(deps, commandContext(req), await env(), id, rectificationId, req.body);
      return { ok: true };
    },
  );
}
