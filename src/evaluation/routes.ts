/**
 * HTTP routes of the evaluation module: validate → command or query → answer. No drizzle, no rules.
 * The public results (`GET /api/public/evaluation-results`) are src/publication's, over `publicResults`.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { commandContext } from '../identity/index.ts';
import { recordEvent } from '../platform/command.ts';
import { errors } from '../platform/http/schemas.ts';
import { closeRectification } from './commands/close-rectification.ts';
import { createIndicatorSet } from './commands/create-indicator-set.ts';
import { issueRectification } from './commands/issue-rectification.ts';
import { openRound } from './commands/open-round.ts';
import { publishRound } from './commands/publish-round.ts';
import { recordEfficacy } from './commands/record-efficacy.ts';
import { reportRectification } from './commands/report-rectification.ts';
import { rollUpRound } from './commands/roll-up-round.ts';
import { scoreProject } from './commands/score-project.ts';
import { spotCheck } from './commands/spot-check.ts';
import { submitSelfEvaluation } from './commands/submit-self-evaluation.ts';
import type { EvaluationDeps } from './commands/support.ts';
import { listRounds, roundDetail } from './queries/rounds.ts';
import { compilationDocx, compilationXlsx, departmentReport } from './reports.ts';
import * as R from './responses.ts';
import { callerOfContext } from './rules.ts';
import * as S from './schemas.ts';

const TAGS = ['年度考核'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Req = FastifyRequest;

function send(reply: FastifyReply, bytes: Buffer, type: string, ascii: string, chinese: string) {
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

export function registerEvaluationRoutes(untyped: FastifyInstance, deps: EvaluationDeps): void {
  const app = untyped.withTypeProvider<TypeBoxTypeProvider>();
  const caller = (req: Req) => callerOfContext(deps, commandContext(req));
  const ctx = (req: Req) => commandContext(req);
  const write = <B extends TSchema, A extends TSchema>(summary: string, body: B, answer: A) => ({
    schema: { tags: TAGS, summary, params: S.IdParams, body, response: { 200: answer, ...errors } },
  });
  const create = <B extends TSchema, A extends TSchema>(summary: string, body: B, answer: A) => ({
    schema: { tags: TAGS, summary, params: S.IdParams, body, response: { 201: answer, ...errors } },
  });

  app.get(
    '/api/evaluation/rounds',
    { schema: { tags: TAGS, summary: '考核年度列表', response: { 200: R.RoundList, ...errors } } },
    (req) => listRounds(deps.db, caller(req)),
  );
  app.get(
    '/api/evaluation/rounds/:id',
    {
      schema: {
        tags: TAGS,
        summary: '考核年度详情（自评价、抽查、评分、效能、整改、结果）',
        params: S.IdParams,
        response: { 200: R.RoundDetail, ...errors },
      },
    },
    (req) => roundDetail(deps.db, caller(req), req.params.id),
  );
  app.post(
    '/api/evaluation/rounds',
    {
      schema: {
        tags: TAGS,
        summary: '开启年度考核',
        body: S.RoundBody,
        response: { 201: R.RoundOpened, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await openRound(deps, ctx(req), req.body)),
  );
  app.post(
    '/api/evaluation/rounds/:id/self-evaluations',
    create('报送项目自评价报告', S.SelfEvaluationBody, R.Created),
    async (req, reply) =>
      reply.code(201).send(await submitSelfEvaluation(deps, ctx(req), req.params.id, req.body)),
  );
  app.post(
    '/api/evaluation/self-evaluations/:id/spot-check',
    create('抽查项目自评价', S.SpotCheckBody, R.Created),
    async (req, reply) => reply.code(201).send(await spotCheck(deps, ctx(req), req.params.id, req.body)),
  );
  app.post(
    '/api/evaluation/rounds/:id/indicator-sets',
    create('制定年度考核指标体系（新版本）', S.IndicatorSetBody, R.IndicatorSetCreated),
    async (req, reply) =>
      reply.code(201).send(await createIndicatorSet(deps, ctx(req), req.params.id, req.body)),
  );
  app.post('/api/evaluation/rounds/:id/scores', write('项目绩效考核评分', S.ScoreBody, R.Scored), (req) =>
    scoreProject(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/evaluation/rounds/:id/efficacy',
    write('应用效能评估', S.EfficacyBody, R.EfficacyRecorded),
    (req) => recordEfficacy(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/evaluation/rounds/:id/roll-up',
    write('汇总部门考核结果', S.VersionBody, R.RolledUp),
    (req) => rollUpRound(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/evaluation/rounds/:id/publish',
    write('公示年度考核结果', S.VersionBody, R.Done),
    async (req) => {
      await publishRound(deps, ctx(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/evaluation/rounds/:id/rectifications',
    create('提出整改意见', S.RectificationBody, R.Created),
    async (req, reply) =>
      reply.code(201).send(await issueRectification(deps, ctx(req), req.params.id, req.body)),
  );
  app.post(
    '/api/evaluation/rectifications/:id/report',
    write('报告整改情况', S.ReportBody, R.Done),
    async (req) => {
      await reportRectification(deps, ctx(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/evaluation/rectifications/:id/close',
    write('核销整改', S.VersionBody, R.RectificationClosed),
    (req) => closeRectification(deps, ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/evaluation/rounds/:id/reports/:organisationId',
    {
      schema: {
        tags: TAGS,
        summary: '部门年度考核报告（.docx）',
        params: S.ReportParams,
        response: { 200: R.FileDownload('部门年度考核报告（Word）'), ...errors },
      },
    },
    async (req, reply) => {
      const p = req.params;
      const c = caller(req);
      const report = await departmentReport(deps.db, c, p.id, p.organisationId, deps.ratingDistribution);
      await recordEvent(deps, ctx(req), {
        action: 'eval.report_export',
        objectType: 'eval_round',
        objectId: p.id,
        details: { kind: 'department', organisationId: p.organisationId },
      });
      return send(
        reply,
        report.bytes,
        DOCX,
        `assessment-${report.year}.docx`,
        `${report.name}${report.year}年度考核报告.docx`,
      );
    },
  );
  app.get(
    '/api/evaluation/rounds/:id/compilation',
    {
      schema: {
        tags: TAGS,
        summary: '年度考核汇编（.docx）',
        params: S.IdParams,
        response: { 200: R.FileDownload('年度考核汇编（Word）'), ...errors },
      },
    },
    async (req, reply) => {
      const out = await compilationDocx(deps.db, caller(req), req.params.id, deps.ratingDistribution);
      await recordEvent(deps, ctx(req), {
        action: 'eval.report_export',
        objectType: 'eval_round',
        objectId: req.params.id,
        details: { kind: 'compilation', departments: out.departments },
      });
      return send(reply, out.bytes, DOCX, `compilation-${out.year}.docx`, `${out.year}年度绩效考核汇编.docx`);
    },
  );
  app.get(
    '/api/evaluation/rounds/:id/compilation/summary',
    {
      schema: {
        tags: TAGS,
        summary: '年度考核汇总表（.xlsx）',
        params: S.IdParams,
        response: { 200: R.FileDownload('年度考核汇总表（Excel）'), ...errors },
      },
    },
    async (req, reply) => {
      const out = await compilationXlsx(deps.db, caller(req), req.params.id);
      await recordEvent(deps, ctx(req), {
        action: 'eval.report_export',
        objectType: 'eval_round',
        objectId: req.params.id,
        details: { kind: 'summary' },
      });
      return send(reply, out.bytes, XLSX, `summary-${out.year}.xlsx`, `${out.year}年度绩效考核汇总.xlsx`);
    },
  );
}
