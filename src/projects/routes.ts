import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { fenToYuan } from '../platform/documents/format.ts';
import { notFound } from '../platform/errors.ts';
import { errors, strict, Uuid } from '../platform/http/schemas.ts';
import { type ProjectDeps, registerWorkflowRoutes } from '../workflow/index.ts';
import { createProject } from './commands/create-project.ts';
import { submitApplication } from './commands/submit-application.ts';
import { updateProject } from './commands/update-project.ts';
import { APPLICATION_FIELD_LABELS, diffSnapshots, type JsonObject, labelFor } from './diff.ts';
import { loadWorkflowEnv } from './env.ts';
import { registerMaterialRoutes } from './material-routes.ts';
import { registerProjectMetaRoutes } from './meta-routes.ts';
import { presentProject } from './present.ts';
import { presentTimeline } from './present-timeline.ts';
import { DETAIL_EXTRAS, userNames } from './queries/detail-extras.ts';
import { listProjects } from './queries/list.ts';
import { submissionsOf } from './queries/submissions.ts';
import { visibleContext } from './repository.ts';
import { ProjectDetail, ProjectList, SubmissionDetail, SubmissionList, Timeline } from './responses.ts';
import { CreateProjectBody, ListQuery, ProjectParams, UpdateProjectBody } from './schemas.ts';

const TAGS = ['项目'];
const _MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Labels of the snapshot fields beyond the shared ones of diff.ts. */
export const SNAPSHOT_LABELS: Readonly<Record<string, string>> = {
  ...APPLICATION_FIELD_LABELS,
  category: '项目类别',
  fundingMode: '建设模式',
  summary: '建设内容',
  planEntry: '规划（年度计划）条目',
  parentProjectId: '上级项目',
  shareOfParent: '承担上级项目金额',
  coBuilders: '共建部门',
  'coBuilders[].name': '部门',
  'systems[].relation': '建设方式',
  'systems[].inCatalog': '已列入系统目录',
  resources: '信息资源',
  cloudServices: '政务云服务',
  dedicatedNetwork: '新建业务专网',
  classified: '涉密项目',
  dedicatedNetworkBasis: '业务专网依据',
  projectOwner: '项目责任人',
  performanceTargets: '绩效目标',
  declarations: '申报声明',
  'materials[].code': '材料类别',
  'materials[].size': '文件大小',
  'materials[].sm3': 'SM3 摘要',
};

const DIFF_KEYS = {
  budgetByYear: 'year',
  coBuilders: 'id',
  systems: 'key',
  resources: 'id',
  cloudServices: 'key',
  materials: 'id',
} as const;

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerProjectRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  const detail = async (actor: Actor, id: string) => {
    const e = await env();
    const { pc, relation } = await visibleContext(deps.db, e, actor, id, { extras: DETAIL_EXTRAS });
    return presentProject(deps.keyring, actor, pc, relation);
  };

  app.get(
    '/api/projects',
    {
      schema: {
        tags: TAGS,
        summary: '项目列表（本单位、本级管辖、指派给我的）',
        querystring: ListQuery,
        response: { 200: ProjectList, ...errors },
      },
    },
    async (req) => {
      const page = await listProjects(deps.db, await env(), actorOf(req), req.query);
      return {
        items: page.items.map(({ totalBudgetFen, ...item }) => ({
          ...item,
          totalBudget: fenToYuanSafe(totalBudgetFen),
        })),
        total: page.total,
      };
    },
  );

  app.post(
    '/api/projects',
    {
      schema: {
        tags: TAGS,
        summary: '新建项目申报（草稿）',
        body: CreateProjectBody,
        response: { 201: ProjectDetail, ...errors },
      },
    },
    async (req, reply) => {
      const e = await env();
      const id = await createProject(deps, commandContext(req), e, req.body);
      reply.status(201);
      return detail(actorOf(req), id);
    },
  );

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags: TAGS,
        summary: '项目详情（含流程、闸口与所需材料）',
        params: ProjectParams,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => detail(actorOf(req), req.params.id),
  );

  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改申报内容（草稿或退回后；乐观锁：须提交当前 version）',
        params: ProjectParams,
        body: UpdateProjectBody,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      await updateProject(deps, commandContext(req), e, id, req.body);
      return detail(actorOf(req), id);
    },
  );

  app.post(
    '/api/projects/:id/submit',
    {
      schema: {
        tags: TAGS,
        summary: '提交申请（冻结为一次申报快照；按规则集检查材料与闸口）',
        params: ProjectParams,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      await submitApplication(deps, commandContext(req), e, id);
      return detail(actorOf(req), id);
    },
  );

  app.get(
    '/api/projects/:id/timeline',
    {
      schema: {
        tags: TAGS,
        summary: '项目历史（每一次办理、退回、撤回、转办、催办与意见；签名即时验证）',
        params: ProjectParams,
        response: { 200: Timeline, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      const { pc, relation } = await visibleContext(deps.db, e, actorOf(req), id);
      return { items: presentTimeline(deps.keyring, pc, pc.bundle.actions, relation) };
    },
  );

  app.get(
    '/api/projects/:id/submissions',
    {
      schema: {
        tags: TAGS,
        summary: '历次申报快照',
        params: ProjectParams,
        response: { 200: SubmissionList, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      await visibleContext(deps.db, e, actorOf(req), id);
      const rows = await submissionsOf(deps.db, id);
      const names = await userNames(
        deps.db,
        rows.map((r) => r.submittedBy),
      );
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          submittedAt: r.submittedAt.toISOString(),
          submittedBy: names.get(r.submittedBy) ?? '',
          snapshotHash: r.snapshotHash,
        })),
      };
    },
  );

  app.get(
    '/api/projects/:id/submissions/:seq',
    {
      schema: {
        tags: TAGS,
        summary: '一次申报快照及与上一次申报的逐字段差异',
        params: Type.Object({ id: Uuid, seq: Type.Integer({ minimum: 1, maximum: 10000 }) }, strict),
        response: { 200: SubmissionDetail, ...errors },
      },
    },
    async (req) => {
      const { id, seq } = req.params;
      const e = await env();
      await visibleContext(deps.db, e, actorOf(req), id);
      const rows = await submissionsOf(deps.db, id, [seq, seq - 1]);
      const current = rows.find((r) => r.seq === seq);
      if (!current) throw notFound('该次申报不存在', 'SUBMISSION_NOT_FOUND');
      const previous = rows.find((r) => r.seq === seq - 1);
      const names = await userNames(deps.db, [current.submittedBy]);
      const changes = previous
        ? diffSnapshots(previous.snapshot as JsonObject, current.snapshot as JsonObject, {
            keys: DIFF_KEYS,
          }).map((c) => ({
            path: c.path,
            label: labelFor(c.path, SNAPSHOT_LABELS),
            kind: c.kind,
            ...(c.before !== undefined ? { before: c.before } : {}),
            ...(c.after !== undefined ? { after: c.after } : {}),
          }))
        : [];
      return {
        seq: current.seq,
        submittedAt: current.submittedAt.toISOString(),
        submittedBy: names.get(current.submittedBy) ?? '',
        snapshotHash: current.snapshotHash,
        snapshot: current.snapshot,
        previousSeq: previous?.seq ?? null,
        changes,
      };
    },
  );

  registerWorkflowRoutes(root, deps, detail);
  registerMaterialRoutes(root, deps, detail);
  registerProjectMetaRoutes(root);
}

function fenToYuanSafe(fen: bigint): string {
  return fenToYuan(fen < 0n ? 0n : fen);
}
