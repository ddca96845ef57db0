/**
 * 查重 over HTTP: the check that needs no project, the stored checks of a project with the
 * reviewer's acknowledgements, and the maintenance of 统建清单 / 负面清单.
 * Validate → command or query → presenter.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { errors } from '../platform/http/schemas.ts';
import { loadWorkflowEnv, reviewStep, submissionStep, visibleContext } from '../projects/index.ts';
import { type ProjectDeps, stepRole } from '../workflow/index.ts';
import { acknowledgeHit } from './commands/acknowledge-hit.ts';
import { createListEntry, updateListEntry } from './commands/save-list-entry.ts';
import type { DedupIndexStore } from './index-store.ts';
import { presentHit } from './presenter.ts';
import { checkJurisdiction, checkProposal, proposalOf } from './queries/check.ts';
import { listEntries } from './queries/list-entries.ts';
import { projectChecks } from './queries/project-checks.ts';
import {
  AcknowledgeBody,
  CheckBody,
  CheckResult,
  CreateEntryBody,
  HitParams,
  ListEntries,
  ListQuery,
  ProjectChecks,
  ProjectParams,
  UpdateEntryBody,
} from './schemas.ts';

const TAGS = ['查重'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;
const Created = Type.Object({ id: Type.String() }, { additionalProperties: false });

export function registerDedupRoutes(root: FastifyInstance, deps: ProjectDeps, store: DedupIndexStore): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/dedup/check',
    {
      schema: {
        tags: TAGS,
        summary: '查重：拟建内容与已有系统、项目、信息资源及统建清单、负面清单比对（无需先建项目）',
        body: CheckBody,
        response: { 200: CheckResult, ...errors },
      },
    },
    async (req) => {
      const input = req.body;
      const { jurisdictionId, chain } = await checkJurisdiction(deps.db, actorOf(req), input.jurisdictionId);
      const { indexed, hits } = await checkProposal(store, deps.db, proposalOf(input), {
        jurisdictionIds: chain,
        year: Number(deps.clock.now().toISOString().slice(0, 4)),
      });
      return { jurisdictionId, indexed, hits: hits.map(presentHit) };
    },
  );

  app.get(
    '/api/projects/:id/dedup',
    {
      schema: {
        tags: TAGS,
        summary: '项目每次提交时的查重结果（历史保留）及审核人员的确认',
        params: ProjectParams,
        response: { 200: ProjectChecks, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const actor = actorOf(req);
      const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      const { pc } = await visibleContext(deps.db, env, actor, id);
      const step = reviewStep(pc.rulebook);
      const open =
        step !== undefined && pc.evaluation.steps.find((s) => s.stepId === step.id)?.status === 'open';
      const submitted = [...pc.bundle.actions]
        .reverse()
        .find(
          (a) => a.kind === 'step' && a.stepId === submissionStep(pc.rulebook)?.id && a.voidedBy === null,
        );
      const canAcknowledge =
        open &&
        step !== undefined &&
        stepRole(actor, pc, step) !== undefined &&
        submitted?.actorUserId !== actor.userId;
      return { canAcknowledge, checks: await projectChecks(deps.db, id) };
    },
  );

  app.post(
    '/api/projects/:id/dedup/hits/:hitId/acknowledge',
    {
      schema: {
        tags: TAGS,
        summary: '审核人员确认查重结果并填写处理意见（疑似重复项确认后方可办结审核）',
        params: HitParams,
        body: AcknowledgeBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      const { id, hitId } = req.params;
      const { note, version } = req.body;
      const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      await acknowledgeHit(deps, commandContext(req), env, { projectId: id, hitId, note, version });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/dedup/lists',
    {
      schema: {
        tags: TAGS,
        summary: '统建清单、负面清单（本级及上级）',
        querystring: ListQuery,
        response: { 200: ListEntries, ...errors },
      },
    },
    async (req) => {
      const { list } = req.query;
      return { items: await listEntries(deps.db, actorOf(req), list) };
    },
  );

  app.post(
    '/api/dedup/lists',
    {
      schema: {
        tags: TAGS,
        summary: '新增统建清单或负面清单条目（本级主管部门）',
        body: CreateEntryBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const id = await createListEntry(deps, commandContext(req), body);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/api/dedup/lists/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改或停用清单条目（本级主管部门）',
        params: ProjectParams,
        body: UpdateEntryBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const body = req.body;
      await updateListEntry(deps, commandContext(req), id, body);
      return reply.code(204).send(null);
    },
  );
}
