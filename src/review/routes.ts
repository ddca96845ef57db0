/**
 * The review over HTTP: the five-dimension scores and opinions (not for experts, evaluators or
 * contractors), experts and evaluators with their signed opinions, the filing certificate and the
 * refusal notice (.docx and PDF, signature verified on every read), the expert pool and the yearly
 * department assessments shown to the reviewer (DT-31).
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordEvent } from '../platform/command.ts';
import type { ContentSignature } from '../platform/crypto/sm2.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { contentDisposition } from '../platform/files/inspect.ts';
import { errors, strict, Uuid } from '../platform/http/schemas.ts';
import {
  ASSESSMENT_GRADES,
  DownloadQuery,
  FileDownload,
  labelOf,
  loadWorkflowEnv,
  ProjectParams,
  ReviewBody,
  requiresSharingOpinion,
  reviewStep,
  visibleContext,
} from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import {
  buildFilingCertificateDocx,
  buildRefusalNoticeDocx,
  type FilingCertificate,
  type RefusalNotice,
} from './certificate.ts';
import { buildFilingCertificatePdf, buildRefusalNoticePdf } from './certificate-pdf.ts';
import { saveReview } from './commands/save-review.ts';
import { registerPoolRoutes, registerProjectExpertRoutes } from './expert-routes.ts';
import { certificateWithSignature } from './issue.ts';
import { latestAssessmentBefore } from './queries/assessments.ts';
import { usersByIds } from './queries/users.ts';
import { CertificateList, ReviewView } from './responses.ts';

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

  registerProjectExpertRoutes(root, deps, env);

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

  registerPoolRoutes(root, deps);
}
