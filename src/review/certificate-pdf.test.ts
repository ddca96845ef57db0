/**
 * The certificate and the refusal notice as PDF (DT-09b). Needs a CJK font: the rendering tests
 * skip, saying why, on a machine without one (install fonts-noto-cjk or set TONGCHOU_CJK_FONT);
 * the refusal without a font always runs. Text is read back from the PDF's own ToUnicode maps,
 * so no poppler is needed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CJK_FONT_ENV, findCjkFonts } from '../platform/documents/cjk-font.ts';
import { pdfPageTexts } from '../platform/documents/test-support.ts';
import { DomainError } from '../platform/errors.ts';
import { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS } from './certificate.ts';
import { buildFilingCertificatePdf, buildRefusalNoticePdf } from './certificate-pdf.ts';
import { SAMPLE_SIGNATURE_HEX, sampleFilingCertificate, sampleRefusalNotice } from './test-support.ts';

const fonts = findCjkFonts();
const skip = fonts
  ? false
  : `no CJK font on this machine: install fonts-noto-cjk or set ${CJK_FONT_ENV}=<font.ttf | font.ttc#PostScriptName>`;

describe('certificate PDF', () => {
  test('without a CJK font the PDF is refused (CJK_FONT_UNAVAILABLE), never rendered as empty boxes', async () => {
    await assert.rejects(
      buildFilingCertificatePdf(sampleFilingCertificate(), { findFonts: () => undefined }),
      (error: unknown) =>
        error instanceof DomainError &&
        error.kind === 'unavailable' &&
        error.code === 'CJK_FONT_UNAVAILABLE' &&
        error.message.includes(CJK_FONT_ENV),
    );
  });

  test('the input is validated before any font is looked for', async () => {
    let looked = false;
    await assert.rejects(
      buildFilingCertificatePdf(
        { ...sampleFilingCertificate(), number: ' ' },
        {
          findFonts: () => {
            looked = true;
            return undefined;
          },
        },
      ),
      (error: unknown) => error instanceof DomainError && error.code === 'REVIEW_DOCUMENT_INVALID',
    );
    assert.equal(looked, false);
  });

  test('filing certificate: A4 pages with the CJK font embedded and every required text', {
    skip,
  }, async () => {
    assert.ok(fonts);
    const cert = sampleFilingCertificate();
    const pdf = await buildFilingCertificatePdf(cert, { fonts });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.subarray(-32).toString('latin1'), /%%EOF\s*$/);
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4');
    assert.match(raw, /\/FontFile[23]? \d+ 0 R/, 'font program embedded');

    const pages = pdfPageTexts(pdf);
    assert.ok(pages.length >= 1 && pages.length <= 3, `${pages.length} pages`);
    const text = pages.join('');
    assert.ok(!text.includes('\uFFFD'), 'every glyph maps back to Unicode');
    assert.ok(pages[0].startsWith('大同市政务信息化项目合理性审查意见备案证明同数政备〔2026〕12号'));
    assert.ok(text.includes(cert.project.name));
    for (const dimension of REVIEW_DIMENSIONS) {
      assert.ok(text.includes(REVIEW_DIMENSION_LABELS[dimension]), REVIEW_DIMENSION_LABELS[dimension]);
      assert.ok(text.includes(cert.opinions[dimension].opinion), `opinion of ${dimension}`);
    }
    assert.ok(text.includes('经论证，该项目符合备案条件，予以备案。'));
    assert.ok(text.includes('大同市数字政府服务中心2026年11月22日'));
    for (const page of pages) {
      assert.ok(page.includes(`签名值：${SAMPLE_SIGNATURE_HEX}`), 'signature in the footer of every page');
    }
    pages.forEach((page, i) => {
      assert.ok(page.includes(`— ${i + 1} —`), `page number ${i + 1}`);
    });
  });

  test('refusal notice: reasons and no filing conclusion', { skip }, async () => {
    assert.ok(fonts);
    const notice = sampleRefusalNotice();
    const text = pdfPageTexts(await buildRefusalNoticePdf(notice, { fonts })).join('');
    assert.ok(text.startsWith('大同市政务信息化项目不予备案通知书同数政不备〔2026〕3号'));
    assert.ok(text.includes(`（一）${notice.reasons[0]}`));
    assert.ok(text.includes(`（二）${notice.reasons[1]}`));
    assert.ok(!text.includes('予以备案'));
  });
});
