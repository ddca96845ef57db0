/**
 * The filing certificate and refusal notice (DT-09b) as PDF: the same content as the .docx
 * (certificate.ts), rendered with pdfmake and an embedded CJK font. Without a CJK font the PDF
 * cannot show Chinese, so it is refused with `CJK_FONT_UNAVAILABLE` (503 at the edge) rather than
 * produced with empty boxes; the .docx needs no font and always works.
 */
import { CJK_FONT_HELP, type CjkFontSet, findCjkFonts } from '../platform/documents/cjk-font.ts';
import { renderOfficialPdf } from '../platform/documents/pdf-official.ts';
import { DomainError } from '../platform/errors.ts';
import {
  type FilingCertificate,
  filingCertificateDocument,
  type RefusalNotice,
  refusalNoticeDocument,
} from './certificate.ts';

export interface CertificatePdfOptions {
  /** The fonts to embed. */
  readonly fonts?: CjkFontSet;
  /** How to find fonts when `fonts` is absent; default findCjkFonts() (TONGCHOU_CJK_FONT, then system fonts). */
  readonly findFonts?: () => CjkFontSet | undefined;
}

function fontsOrRefuse(options: CertificatePdfOptions): CjkFontSet {
  const fonts = options.fonts ?? (options.findFonts ?? findCjkFonts)();
  if (!fonts) throw new DomainError('unavailable', 'CJK_FONT_UNAVAILABLE', CJK_FONT_HELP);
  return fonts;
}

/** The 合理性审查意见备案证明 as PDF. Validates the certificate before looking for a font. */
export async function buildFilingCertificatePdf(
  cert: FilingCertificate,
  options: CertificatePdfOptions = {},
): Promise<Buffer> {
  const doc = filingCertificateDocument(cert);
  return renderOfficialPdf(doc, fontsOrRefuse(options));
}

/** The 不予备案通知书 as PDF. */
export async function buildRefusalNoticePdf(
  notice: RefusalNotice,
  options: CertificatePdfOptions = {},
): Promise<Buffer> {
  const doc = refusalNoticeDocument(notice);
  return renderOfficialPdf(doc, fontsOrRefuse(options));
}
