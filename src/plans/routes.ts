/** 规划和年度计划 over HTTP (DT-08, SC-07, XZ-06): compile, add entries, report, approve or file. */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { CommandDeps } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { errors } from '../platform/http/schemas.ts';
import {
  CreatePlanBody,
  loadWorkflowEnv,
  PlanDecisionBody,
  PlanEntriesQuery,
  PlanEntryBody,
  PlanEntryParams,
  ProjectParams,
  UpdatePlanBody,
  visibleProjectIds,
} from '../projects/index.ts';
import { loadRulebookCatalog } from '../rulebooks/index.ts';
import { addPlanEntry } from './commands/add-plan-entry.ts';
import { createPlan } from './commands/create-plan.ts';
import { decidePlan } from './commands/decide-plan.ts';
import { removePlanEntry } from './commands/remove-plan-entry.ts';
import { submitPlan } from './commands/submit-plan.ts';
import { updatePlan } from './commands/update-plan.ts';
import { planById } from './queries/detail.ts';
import { linkableEntries } from './queries/linkable-entries.ts';
import { PlanListQuery, pagePlans } from './queries/list.ts';
import { presentPlans } from './queries/present.ts';
import { LinkableEntries, PlanList, PlanView } from './responses.ts';

const TAGS = ['规划'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerPlanRoutes(root: FastifyInstance, deps: CommandDeps & { keyring: Keyring }): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  /** The projects the caller may see: linked projects outside them are not listed (issue 9 item 2). */
  const visible = async (actor: Actor) =>
    new Set(
      await visibleProjectIds(deps.db, await loadWorkflowEnv(deps.db, deps.clock, deps.keyring), actor),
    );
  const registry = async () => (await loadRulebookCatalog(deps.db)).registry;
  const one = async (actor: Actor, id: string) => {
    const rules = await registry();
    return (
      await presentPlans(deps.db, [await planById(deps.db, actor, id, rules)], await visible(actor), rules)
    )[0];
  };

  app.get(
    '/api/plans',
    {
      schema: {
        tags: TAGS,
        summary: '规划和年度计划（筛选、分页）',
        description:
          '本人可见的规划：按 jurisdiction（行政区划代码）、q（名称包含）、kind、status 筛选，按年度倒序，' +
          '返回一页 { items, total, limit, offset }（limit 1–100，默认 25）。',
        querystring: PlanListQuery,
        response: { 200: PlanList, ...errors },
      },
    },
    async (req) => {
      const rules = await registry();
      const actor = actorOf(req);
      const { rows, total, limit, offset } = await pagePlans(deps.db, actor, rules, req.query);
      return { items: await presentPlans(deps.db, rows, await visible(actor), rules), total, limit, offset };
    },
  );

  app.post(
    '/api/plans',
    {
      schema: {
        tags: TAGS,
        summary: '编制规划或年度计划（主管部门编制本级规划；部门编制本部门规划报备案）',
        body: CreatePlanBody,
        response: { 201: PlanView, ...errors },
      },
    },
    async (req, reply) => {
      const id = await createPlan(deps, commandContext(req), req.body);
      reply.status(201);
      return one(actorOf(req), id);
    },
  );

  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags: TAGS,
        summary: '规划详情（含计划条目）',
        params: ProjectParams,
        response: { 200: PlanView, ...errors },
      },
    },
    async (req) => one(actorOf(req), req.params.id),
  );

  app.patch(
    '/api/plans/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改规划（编制中或退回后；乐观锁）',
        params: ProjectParams,
        body: UpdatePlanBody,
        response: { 200: PlanView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      await updatePlan(deps, commandContext(req), id, req.body);
      return one(actorOf(req), id);
    },
  );

  app.post(
    '/api/plans/:id/entries',
    {
      schema: {
        tags: TAGS,
        summary: '增加计划条目（部门、拟建项目、估算投资、年度）',
        params: ProjectParams,
        body: PlanEntryBody,
        response: { 201: PlanView, ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      await addPlanEntry(deps, commandContext(req), id, req.body);
      reply.status(201);
      return one(actorOf(req), id);
    },
  );

  app.delete(
    '/api/plans/:id/entries/:entryId',
    {
      schema: {
        tags: TAGS,
        summary: '删除计划条目',
        params: PlanEntryParams,
        response: { 200: PlanView, ...errors },
      },
    },
    async (req) => {
      const { id, entryId } = req.params;
      await removePlanEntry(deps, commandContext(req), id, entryId);
      return one(actorOf(req), id);
    },
  );

  app.post(
    '/api/plans/:id/submit',
    {
      schema: {
        tags: TAGS,
        summary: '报送规划（本级规划报政府批准；部门规划报主管部门备案）',
        params: ProjectParams,
        response: { 200: PlanView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      await submitPlan(deps, commandContext(req), id);
      return one(actorOf(req), id);
    },
  );

  app.post(
    '/api/plans/:id/decision',
    {
      schema: {
        tags: TAGS,
        summary: '办理规划的当前环节：批准（备案）、退回，或在可不予通过的环节不予通过',
        params: ProjectParams,
        body: PlanDecisionBody,
        response: { 200: PlanView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      await decidePlan(deps, commandContext(req), id, req.body);
      return one(actorOf(req), id);
    },
  );

  app.get(
    '/api/plan-entries',
    {
      schema: {
        tags: TAGS,
        summary: '本单位可关联的计划条目（已批准的本级规划、年度计划）',
        querystring: PlanEntriesQuery,
        response: { 200: LinkableEntries, ...errors },
      },
    },
    async (req) => ({
      items: await linkableEntries(deps.db, actorOf(req), req.query.organisationId),
    }),
  );
}
