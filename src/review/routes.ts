/**
 * The review over HTTP: the five-dimension scores and opinions (not for experts, evaluators or
 * contractors), experts and evaluators with their signed opinions, the filing certificate and the
 * refusal notice (.docx and PDF, signature verified on every read), the expert pool and the yearly
 * department assessments shown to the reviewer (DT-31).
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { type ContentSignature, verifyContent } from '../crypto/sm2.ts';
import { contentDisposition } from '../files/inspect.ts';
import { errors } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { commandContext } from '../identity/plugin.ts';
import { jurisdictionChain, jurisdictionSubtree } from '../projects/actors.ts';
import { expertUserId } from '../projects/expert-identity.ts';
import {
  ASSESSMENT_GRADES,
  ASSIGNMENT_KINDS,
  EXPERT_CONCLUSIONS,
  EXPERT_FIELDS,
  labelOf,
} from '../projects/model.ts';
import { loadDirectory, loadWorkflowEnv, visibleContext } from '../projects/repository.ts';
import {
  AssessmentList,
  CertificateList,
  Created,
  ExpertAssignmentList,
  ExpertProfileList,
  ReviewView,
} from '../projects/responses.ts';
import {
  AssessmentBody,
  AssessmentQuery,
  AssignExpertBody,
  DownloadQuery,
  ExpertOpinionBody,
  ExpertProfileBody,
  FileDownload,
  JurisdictionQuery,
  ProjectParams,
  ReviewBody,
  type ReviewInput,
  strict,
  Uuid,
} from '../projects/schemas.ts';
import { requiresSharingOpinion, reviewStep } from '../projects/workflow-state.ts';
import { recordEvent } from '../shared/command.ts';
import { forbidden, notFound } from '../shared/errors.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import {
  buildFilingCertificateDocx,
  buildRefusalNoticeDocx,
  type FilingCertificate,
  type RefusalNotice,
} from './certificate.ts';
import { buildFilingCertificatePdf, buildRefusalNoticePdf } from './certificate-pdf.ts';
import {
  assignExpert,
  authorityAssignment,
  expertOpinionContent,
  giveExpertOpinion,
  recordAssessment,
  registerExpert,
  saveReview,
} from './commands.ts';
import { certificateWithSignature } from './issue.ts';
import {
  assessmentsOf,
  expertCandidates,
  expertProfileRows,
  latestAssessmentBefore,
  usersByIds,
} from './queries.ts';

const TAGS = ['合理性审核'];
const GRADES = ASSESSMENT_GRADES;

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerReviewRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  const reviewView = async (actor: Actor, id: string) => {
    const e = await env();
    const { pc, relation } = await visibleContext(deps.db, e, actor, id);
    if (relation.parties.size === 0)
      throw forbidden('评审专家和第三方机构不能查看审核评分', 'NOT_PROJECT_PARTY');
    const step = reviewStep(pc.rulebook);
    const review = pc.bundle.review;
    const [reviewer] = review ? await usersByIds(deps.db, [review.reviewerUserId]) : [];
    const year = Number(e.today.slice(0, 4));
    const assessment = await latestAssessmentBefore(deps.db, pc.bundle.project.ownerOrganisationId, year);
    return {
      stepId: step?.id ?? null,
      stepName: step?.name ?? null,
      stepOpen: step ? pc.evaluation.steps.find((s) => s.stepId === step.id)?.status === 'open' : false,
      requiresSharingOpinion: requiresSharingOpinion(pc.rulebook),
      review: review
        ? {
            opinions: review.opinions,
            sharingAnalysisOpinion: review.sharingAnalysisOpinion,
            findings: review.findings,
            reviewerName: reviewer?.name ?? '',
            updatedAt: review.updatedAt.toISOString(),
            version: review.version,
          }
        : null,
      lastAssessment: assessment
        ? {
            year: assessment.year,
            score: assessment.score,
            grade: assessment.grade,
            gradeName: labelOf(GRADES, assessment.grade),
            summary: assessment.summary,
          }
        : null,
    };
  };

  app.get(
    '/api/projects/:id/review',
    {
      schema: {
        tags: TAGS,
        summary: '五个方面的审核意见与评分，以及申报部门上一年度考核结果（DT-31）',
        params: ProjectParams,
        response: { 200: ReviewView, ...errors },
      },
    },
    async (req) => reviewView(actorOf(req), req.params.id),
  );

  app.put(
    '/api/projects/:id/review',
    {
      schema: {
        tags: TAGS,
        summary: '填写（修改）五个方面的审核意见、评分、共享分析篇意见和审核发现',
        params: ProjectParams,
        body: ReviewBody,
        response: { 200: ReviewView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      await saveReview(deps, commandContext(req), e, id, req.body);
      return reviewView(actorOf(req), id);
    },
  );

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

  app.get(
    '/api/projects/:id/certificates',
    {
      schema: {
        tags: TAGS,
        summary: '备案证明与不予备案通知书（签名即时验证）',
        params: ProjectParams,
        response: { 200: CertificateList, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      const { pc, relation } = await visibleContext(deps.db, e, actorOf(req), id);
      if (relation.parties.size === 0) throw forbidden('无权查看该项目的备案文书', 'NOT_PROJECT_PARTY');
      return {
        items: pc.bundle.certificates.map((c) => {
          const { verified } = certificateWithSignature(deps.keyring, c);
          return {
            id: c.id,
            kind: c.kind,
            kindName: c.kind === 'filing' ? '合理性审查意见备案证明' : '不予备案通知书',
            number: c.number,
            issuedOn: c.issuedOn,
            revoked: c.revokedAt !== null,
            verified,
            keyId: (c.signature as unknown as ContentSignature).keyId,
          };
        }),
      };
    },
  );

  app.get(
    '/api/projects/:id/certificates/:certificateId/download',
    {
      schema: {
        tags: TAGS,
        summary: '下载备案证明或不予备案通知书（.docx 或 PDF）',
        params: Type.Object({ id: Uuid, certificateId: Uuid }, strict),
        querystring: DownloadQuery,
        response: { 200: FileDownload('.docx 或 PDF 文件'), ...errors },
      },
    },
    async (req, reply) => {
      const { id, certificateId } = req.params;
      const format = req.query.format ?? 'docx';
      const e = await env();
      const { pc, relation } = await visibleContext(deps.db, e, actorOf(req), id);
      if (relation.parties.size === 0) throw forbidden('无权查看该项目的备案文书', 'NOT_PROJECT_PARTY');
      const row = pc.bundle.certificates.find((c) => c.id === certificateId);
      if (!row) throw notFound('文书不存在', 'CERTIFICATE_NOT_FOUND');
      const { document, verified } = certificateWithSignature(deps.keyring, row);
      if (!verified) throw forbidden('文书签名验证失败，内容可能被篡改', 'SIGNATURE_INVALID');
      const filed = row.kind === 'filing';
      const data =
        format === 'pdf'
          ? filed
            ? await buildFilingCertificatePdf(document as FilingCertificate)
            : await buildRefusalNoticePdf(document as RefusalNotice)
          : filed
            ? await buildFilingCertificateDocx(document as FilingCertificate)
            : await buildRefusalNoticeDocx(document as RefusalNotice);
      await recordEvent(deps, commandContext(req), {
        action: 'certificate.download',
        objectType: 'project',
        objectId: id,
        details: { certificateId, number: row.number, format },
      });
      const title = filed ? '合理性审查意见备案证明' : '不予备案通知书';
      reply
        .header(
          'content-type',
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header('content-disposition', contentDisposition(`${title}（${row.number}）.${format}`))
        .header('x-content-type-options', 'nosniff');
      return reply.send(data);
    },
  );

  app.get(
    '/api/experts',
    {
      schema: {
        tags: TAGS,
        summary: '专家库（本级及下级）与可指派的专家、第三方评估人员',
        querystring: JurisdictionQuery,
        response: { 200: ExpertProfileList, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const mine = authorityAssignment(actor);
      const directory = await loadDirectory(deps.db);
      const scope = new Set([
        ...jurisdictionSubtree(directory, mine.jurisdictionId),
        ...jurisdictionChain(directory, mine.jurisdictionId).map((j) => j.id),
      ]);
      const only = req.query.jurisdiction;
      if (only) {
        const j = directory.jurisdictions.find((x) => x.code === only);
        if (!j || !scope.has(j.id))
          throw notFound('行政区划不存在或不在本级管辖范围内', 'JURISDICTION_NOT_FOUND');
        scope.clear();
        scope.add(j.id);
      }
      const profiles = await expertProfileRows(deps.db);
      const candidates = await expertCandidates(deps.db);
      return {
        items: profiles
          .filter((p) => scope.has(p.jurisdictionId))
          .map((p) => ({
            userId: p.userId,
            name: p.name,
            username: p.username,
            fields: p.fields,
            fieldNames: p.fields.map((f) => labelOf(EXPERT_FIELDS, f)),
            employerOrganisationId: p.employerOrganisationId,
            employerName:
              directory.organisations.find((o) => o.id === p.employerOrganisationId)?.name ?? null,
            title: p.title,
            jurisdictionName: directory.jurisdictions.find((j) => j.id === p.jurisdictionId)?.name ?? '',
          })),
        candidates: candidates
          .filter((c) => scope.has(c.jurisdictionId))
          .map(({ userId, name, username, role }) => ({ userId, name, username, role })),
      };
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
        querystring: AssessmentQuery,
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
      if (orgIds.length === 0) return { items: [] };
      const rows = await assessmentsOf(deps.db, orgIds, query.year);
      return {
        items: rows.map((r) => ({
          id: r.id,
          organisationId: r.organisationId,
          organisationName: directory.organisations.find((o) => o.id === r.organisationId)?.name ?? '',
          year: r.year,
          score: r.score,
          grade: r.grade,
          gradeName: labelOf(GRADES, r.grade),
          summary: r.summary,
        })),
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
