/**
 * Issuing the review's documents when the filing step decides (DT-09b): a numbered 合理性审查意见
 * 备案证明 when the authority files the project, a 不予备案通知书 with the reasons when it does not.
 * The document's content (jurisdiction, number, date, the five opinions) is stored and SM2-signed
 * (密评 8.4h); .docx and PDF are rendered from it on download, and the signature is verified when
 * the document is read.
 */
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type ContentSignature, signContent, verifyContent } from '../platform/crypto/sm2.ts';
import type { Tx } from '../platform/db/client.ts';
import { fenToYuan } from '../platform/documents/format.ts';
import { refused } from '../platform/errors.ts';
import { nextNumber } from '../platform/numbering.ts';
import {
  type CertificateRow,
  ISSUED_DOCUMENTS,
  labelOf,
  PROJECT_TYPES,
  type ProjectContext,
  stepsOf,
} from '../projects/index.ts';
import { citation, sharingOpinionArticle } from '../rules/index.ts';
import type { StepDecidedHandler } from '../workflow/index.ts';
import {
  type DimensionOpinion,
  type FilingCertificate,
  filingCertificateDocument,
  REVIEW_DIMENSIONS,
  type RefusalNotice,
  type ReviewDimension,
  refusalNoticeDocument,
} from './certificate.ts';
import { projectCertificates } from './tables.ts';

/** 文号 prefixes of the demo jurisdictions; others use `<code>政信备`. */
const NUMBER_PREFIX: Record<string, { filed: string; refused: string }> = {
  DT: { filed: '同数政备', refused: '同数政不备' },
  SC: { filed: '朔城政信备', refused: '朔城政信不备' },
  JC: { filed: '城政信备', refused: '城政信不备' },
  XZ: { filed: '忻交数备', refused: '忻交数不备' },
};

export function documentNumber(jurisdictionCode: string, filed: boolean, year: number, seq: number): string {
  const prefix = NUMBER_PREFIX[jurisdictionCode] ?? {
    filed: `${jurisdictionCode}政信备`,
    refused: `${jurisdictionCode}政信不备`,
  };
  return `${filed ? prefix.filed : prefix.refused}〔${year}〕${seq}号`;
}

type Content = Omit<FilingCertificate, 'signature'> | Omit<RefusalNotice, 'signature'>;

const orgName = (pc: ProjectContext, id: string | undefined) =>
  id ? (pc.directory.organisations.find((o) => o.id === id)?.name ?? null) : null;

/** The document content of the decision, validated by the certificate module. */
export function decisionContent(
  pc: ProjectContext,
  input: { filed: boolean; number: string; date: string; reasons: string[] },
): Content {
  const { bundle, rulebook } = pc;
  const review = bundle.review;
  if (!review) throw refused('REVIEW_MISSING', '尚无合理性审查意见，不能作出备案决定', 'DT-09b');
  const jurisdiction = pc.directory.jurisdictions.find((j) => j.id === bundle.project.jurisdictionId);
  const filing = stepsOf(rulebook).find((s) => s.step.action === 'file_review')?.step;
  const establishment = stepsOf(rulebook).find((s) => s.step.action === 'approve_establishment')?.step;
  const authorityName =
    orgName(pc, filing ? pc.bindings.get(filing.actor.org) : undefined) ??
    rulebook.organisations.find((o) => o.key === filing?.actor.org)?.name ??
    '主管部门';
  const opinions = Object.fromEntries(
    REVIEW_DIMENSIONS.map((d) => {
      const o = review.opinions[d];
      return [d, { ...(o?.score !== undefined ? { score: o.score } : {}), opinion: o?.opinion ?? '' }];
    }),
  ) as Record<ReviewDimension, DimensionOpinion>;
  const sharingArticle = sharingOpinionArticle(rulebook);
  const common = {
    jurisdictionName: jurisdiction?.name ?? rulebook.jurisdictionName,
    ...(sharingArticle ? { sharingOpinionArticle: sharingArticle } : {}),
    authorityName,
    number: input.number,
    date: input.date,
    legalBasis: citation(rulebook, filing?.articles[0] ?? 'DT-09b'),
    project: {
      name: bundle.project.name,
      code: bundle.project.code,
      ownerDepartment: orgName(pc, bundle.project.ownerOrganisationId) ?? '',
      typeLabel: labelOf(PROJECT_TYPES, bundle.project.type),
      totalBudget: fenToYuan(bundle.project.totalBudgetFen),
      ...(bundle.budgetYears.length > 0
        ? { budgetByYear: bundle.budgetYears.map((y) => ({ year: y.year, amount: fenToYuan(y.amountFen) })) }
        : {}),
    },
    opinions,
    ...(review.sharingAnalysisOpinion ? { sharingAnalysisOpinion: review.sharingAnalysisOpinion } : {}),
  };
  if (input.filed) {
    const approvalBody =
      orgName(pc, establishment ? pc.bindings.get(establishment.actor.org) : undefined) ?? undefined;
    const cert: Omit<FilingCertificate, 'signature'> = {
      ...common,
      conclusion: 'filed',
      ...(approvalBody ? { approvalBody } : {}),
    };
    filingCertificateDocument(cert);
    return cert;
  }
  const notice: Omit<RefusalNotice, 'signature'> = {
    ...common,
    conclusion: 'refused',
    reasons: input.reasons,
  };
  refusalNoticeDocument(notice);
  return notice;
}

/**
 * What the review module does when a `file_review` step decides (registered with `onStepDecided`
 * in src/app.ts): issues the numbered 备案证明, or the 不予备案通知书 with the reasons, signed.
 */
export function filingDecision(keyring: Keyring): StepDecidedHandler {
  return {
    issues: ISSUED_DOCUMENTS,
    async handle(tx: Tx, pc: ProjectContext, decision) {
      const filed = decision.normal;
      const year = Number(decision.onDate.slice(0, 4));
      const jurisdiction = pc.directory.jurisdictions.find((j) => j.id === pc.bundle.project.jurisdictionId);
      const kind = filed ? 'filing_certificate' : 'refusal_notice';
      const seq = await nextNumber(tx, pc.bundle.project.jurisdictionId, kind, year);
      const number = documentNumber(jurisdiction?.code ?? pc.rulebook.id, filed, year, seq);
      const content = decisionContent(pc, {
        filed,
        number,
        date: decision.onDate,
        reasons: decision.reasons,
      });
      const signature = signContent(keyring, content);
      const [row] = await tx
        .insert(projectCertificates)
        .values({
          projectId: pc.bundle.project.id,
          kind: filed ? 'filing' : 'refusal',
          number,
          issuedOn: decision.onDate,
          content: content as unknown as Record<string, unknown>,
          signature: signature as unknown as Record<string, string>,
          actionId: decision.actionId,
          createdAt: decision.at,
        })
        .returning({ id: projectCertificates.id });
      return {
        kind: 'certificate_issued',
        details: { certificateId: row.id, number, kind: filed ? 'filing' : 'refusal' },
        number,
      };
    },
  };
}

/** The stored content with its signature, and whether the signature verifies. */
export function certificateWithSignature(
  keyring: Keyring,
  row: CertificateRow,
): { document: FilingCertificate | RefusalNotice; verified: boolean } {
  const signature = row.signature as unknown as ContentSignature;
  const verified = verifyContent(keyring, row.content, signature);
  const document = {
    ...(row.content as unknown as FilingCertificate | RefusalNotice),
    signature: { alg: signature.alg, keyId: signature.keyId, signature: signature.signature },
  };
  return { document, verified };
}
