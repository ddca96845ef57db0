import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { notFound } from '../platform/errors.ts';
import { errors, strict } from '../platform/http/schemas.ts';
import {
  Colleagues,
  CommentBody,
  DecisionBody,
  FindingBody,
  isEstablishmentStage,
  loadWorkflowEnv,
  ProjectDetail,
  ProjectParams,
  ReassignBody,
  ReturnBody,
  roleHolders,
  StepParams,
  stepInfo,
  UrgeBody,
  visibleContext,
  WithdrawBody,
} from '../projects/index.ts';
import { stepRole } from './actors.ts';
import { addComment } from './commands/comment.ts';
import { decideStep } from './commands/decide.ts';
import { recordFinding } from './commands/finding.ts';
import { reassignStep } from './commands/reassign.ts';
import { returnStep } from './commands/return.ts';
import { urgeStep } from './commands/urge.ts';
import { withdraw } from './commands/withdraw.ts';
import type { ProjectDeps } from './deps.ts';

const TAGS = ['项目'];

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerWorkflowRoutes(
  root: FastifyInstance,
  deps: ProjectDeps,
  detail: (actor: Actor, id: string) => Promise<Static<typeof ProjectDetail>>,
): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.post(
    '/api/projects/:id/steps/:stepId/decision',
    {
      schema: {
        tags: TAGS,
        summary: '办理审核、审批环节（结果取自规则集；可带 Idempotency-Key 请求头）',
        params: StepParams,
        body: DecisionBody,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      const key = req.headers['idempotency-key'];
      const e = await env();
      await decideStep(
        deps,
        commandContext(req),
        e,
        id,
        stepId,
        req.body,
        typeof key === 'string' && key.length > 0 ? key : null,
      );
      return detail(actorOf(req), id);
    },
  );

  app.put(
    '/api/projects/:id/steps/:stepId/findings',
    {
      schema: {
        tags: TAGS,
        summary:
          '认定：办理人按规则集记录（或撤销）一项事实并说明理由，覆盖申报单位的声明（晋城城区 五.1、五.2）',
        params: StepParams,
        body: FindingBody,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      const e = await env();
      await recordFinding(deps, commandContext(req), e, id, stepId, req.body);
      return detail(actorOf(req), id);
    },
  );

  app.post(
    '/api/projects/:id/steps/:stepId/return',
    {
      schema: {
        tags: TAGS,
        summary: '退回（上一环节或申报单位，须说明理由；重新提交后回到退回的环节）',
        params: StepParams,
        body: ReturnBody,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      const e = await env();
      await returnStep(deps, commandContext(req), e, id, stepId, req.body);
      return detail(actorOf(req), id);
    },
  );

  app.post(
    '/api/projects/:id/withdraw',
    {
      schema: {
        tags: TAGS,
        summary: '撤回本人最近一次办理（下一环节尚未办理时）',
        params: ProjectParams,
        body: WithdrawBody,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      await withdraw(deps, commandContext(req), e, id, req.body.reason);
      return detail(actorOf(req), id);
    },
  );

  app.post(
    '/api/projects/:id/steps/:stepId/reassign',
    {
      schema: {
        tags: TAGS,
        summary: '转办给本单位同一角色的同事',
        params: StepParams,
        body: ReassignBody,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      const e = await env();
      await reassignStep(deps, commandContext(req), e, id, stepId, req.body);
      return detail(actorOf(req), id);
    },
  );

  app.get(
    '/api/projects/:id/steps/:stepId/colleagues',
    {
      schema: {
        tags: TAGS,
        summary: '可转办的同事（本单位担任同一角色的用户）',
        params: StepParams,
        response: { 200: Colleagues, ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      const actor = actorOf(req);
      const e = await env();
      const { pc } = await visibleContext(deps.db, e, actor, id);
      const info = stepInfo(pc.rulebook, stepId);
      if (!info || !isEstablishmentStage(info.stage))
        throw notFound('该项目的规则集中没有这个步骤', 'STEP_NOT_FOUND');
      const role = stepRole(actor, pc, info.step);
      if (!role) return { items: [] };
      const rows = await roleHolders(deps.db, role.role, role.organisationId);
      return {
        items: rows
          .filter((r) => !r.disabled && r.userId !== actor.userId)
          .map((r) => ({ userId: r.userId, name: r.name })),
      };
    },
  );

  app.post(
    '/api/projects/:id/steps/:stepId/urge',
    {
      schema: {
        tags: TAGS,
        summary: '催办当前环节的办理人',
        params: StepParams,
        body: UrgeBody,
        response: { 200: Type.Object({ notified: Type.Integer() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      const e = await env();
      const notified = await urgeStep(deps, commandContext(req), e, id, stepId, req.body.message);
      return { notified };
    },
  );

  app.post(
    '/api/projects/:id/comments',
    {
      schema: {
        tags: TAGS,
        summary: '发表意见（记入项目历史）',
        params: ProjectParams,
        body: CommentBody,
        response: { 201: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const e = await env();
      await addComment(deps, commandContext(req), e, id, req.body.text);
      reply.status(201);
      return { ok: true };
    },
  );
}
