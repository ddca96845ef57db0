/**
 * DT-09b / SC-11a / XZ-10a: the five-dimension review ends in a 合理性审查意见备案证明 or a 不予备案
 * notice; SC-09a: the sharing analysis chapter gets its own opinion. The .docx is read back from
 * its zip and its text checked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { docxDocumentXml, wordParagraphs } from '../platform/documents/test-support.ts';
import { readZip, readZipText } from '../platform/documents/zip.ts';
import { DomainError } from '../platform/errors.ts';
import {
  buildFilingCertificateDocx,
  buildRefusalNoticeDocx,
  type FilingCertificate,
  filingCertificateDocument,
  REVIEW_DIMENSION_LABELS,
  REVIEW_DIMENSIONS,
  refusalNoticeDocument,
} from './certificate.ts';
import { SAMPLE_SIGNATURE_HEX, sampleFilingCertificate, sampleRefusalNotice } from './test-support.ts';

function footerText(docx: Buffer): string {
  return readZip(docx)
    .filter((entry) => /^word\/footer\d*\.xml$/.test(entry.name))
    .map((entry) => wordParagraphs(entry.read().toString('utf8')).join('\n'))
    .join('\n');
}

function assertRefused(fn: () => unknown, code: string, field: string, article?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.kind, 'invalid');
    assert.equal(error.code, code);
    assert.equal(error.field, field);
    if (article) assert.equal(error.article, article);
    return true;
  });
}

describe('filing certificate .docx (DT-09b)', () => {
  test('is a valid OOXML package: [Content_Types].xml, word/document.xml, A4 with GB/T 9704 margins', async () => {
    const docx = await buildFilingCertificateDocx(sampleFilingCertificate());
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
    const names = readZip(docx).map((entry) => entry.name);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) {
      assert.ok(names.includes(part), `missing ${part}`);
    }
    const types = readZipText(docx, '[Content_Types].xml') ?? '';
    assert.match(types, /wordprocessingml\.document\.main\+xml/);

    const xml = docxDocumentXml(docx);
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, 'A4 is 210 × 297 mm = 11906 × 16838 twips');
    // 37 / 26 / 35 / 28 mm in twips (1 mm = 1440 / 25.4 twips).
    assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  test('reads back the number, the project, every dimension with its opinion and score, and the conclusion', async () => {
    const cert = sampleFilingCertificate();
    const paragraphs = wordParagraphs(docxDocumentXml(await buildFilingCertificateDocx(cert)));
    const text = paragraphs.join('\n');

    assert.deepEqual(paragraphs.slice(0, 3), [
      '大同市政务信息化项目',
      '合理性审查意见备案证明',
      '同数政备〔2026〕12号',
    ]);
    assert.ok(paragraphs.includes('大同市行政审批服务管理局：'), 'addressed to the department');
    assert.ok(
      text.includes('你单位报送的“大同市‘一网通办’政务服务平台升级改造项目”（项目编码：DT-2026-0123）'),
    );
    assert.ok(text.includes('《大同市政务信息化项目建设应用管理办法》第九条'));
    for (const value of [cert.project.name, 'DT-2026-0123', '升级改造', '12,800,000.00元（1,280万元）']) {
      assert.ok(paragraphs.includes(value), `project field ${value}`);
    }
    // Years in ascending order whatever the input order.
    const y2026 = paragraphs.indexOf('2026年：7,999,999.50元');
    const y2027 = paragraphs.indexOf('2027年：4,800,000.50元');
    assert.ok(y2026 > 0 && y2027 === y2026 + 1);

    for (const dimension of REVIEW_DIMENSIONS) {
      const label = REVIEW_DIMENSION_LABELS[dimension];
      const row = paragraphs.indexOf(label);
      assert.ok(row > 0, `dimension ${label}`);
      const opinion = cert.opinions[dimension];
      assert.equal(paragraphs[row + 1], opinion.score === undefined ? '—' : String(opinion.score));
      assert.equal(
        paragraphs[row + 2],
        opinion.opinion,
        `opinion of ${label} (XML special characters survive)`,
      );
    }
    assert.deepEqual(
      REVIEW_DIMENSIONS.map((dimension) => paragraphs.indexOf(REVIEW_DIMENSION_LABELS[dimension])),
      [...REVIEW_DIMENSIONS.map((dimension) => paragraphs.indexOf(REVIEW_DIMENSION_LABELS[dimension]))].sort(
        (a, b) => a - b,
      ),
      'in the order of DT 第九条',
    );

    assert.ok(paragraphs.includes('三、备案结论'));
    assert.ok(paragraphs.includes('经论证，该项目符合备案条件，予以备案。'));
    assert.ok(paragraphs.includes('请持本证明报大同市行政审批局办理立项审批手续。'), 'DT-09c next step');
    assert.ok(paragraphs.includes('备注：本证明自出具之日起一年内有效。'));
    assert.deepEqual(paragraphs.slice(-2), ['大同市数字政府服务中心', '2026年11月22日']);
    assert.ok(!text.includes('信息资源共享分析篇'), 'no sharing section unless given');
  });

  test('title in 宋体 (SimSun) bold, body in 仿宋, headings in 黑体, each with an East Asian font set', async () => {
    const xml = docxDocumentXml(await buildFilingCertificateDocx(sampleFilingCertificate()));
    assert.match(xml, /w:eastAsia="宋体"[^>]*\/>(?:<[^>]+>)*?<w:b\/>/);
    assert.match(xml, /<w:rFonts w:ascii="Times New Roman"[^>]*w:eastAsia="仿宋"/);
    assert.match(xml, /w:eastAsia="黑体"/);
    assert.match(xml, /<w:sz w:val="44"\/>/, '2号 = 22 pt title');
    assert.match(xml, /<w:sz w:val="32"\/>/, '3号 = 16 pt body');
  });

  test('the electronic signature is printed in the footer of every page', async () => {
    const footer = footerText(await buildFilingCertificateDocx(sampleFilingCertificate()));
    assert.ok(footer.includes('电子签名（SM2-SM3） 密钥标识：dt-authority-2026-01'));
    assert.ok(footer.includes(`签名值：${SAMPLE_SIGNATURE_HEX}`));
    const { signature: _signature, ...unsigned } = sampleFilingCertificate();
    assert.ok(!footerText(await buildFilingCertificateDocx(unsigned)).includes('电子签名'));
  });

  test('SC-09a: the sharing analysis chapter opinion gets its own section, and is required in SC', async () => {
    const cert: FilingCertificate = {
      ...sampleFilingCertificate(),
      jurisdictionName: '朔州市朔城区',
      sharingOpinionArticle: 'SC-09a',
      authorityName: '朔城区政务信息管理局',
      number: '朔城政信备〔2026〕5号',
      approvalBody: undefined,
      sharingAnalysisOpinion: '可研报告信息资源共享分析篇内容完整，共享数据项已在资源目录中登记。',
    };
    const paragraphs = wordParagraphs(docxDocumentXml(await buildFilingCertificateDocx(cert)));
    const heading = paragraphs.indexOf('三、信息资源共享分析篇意见');
    assert.ok(heading > 0);
    assert.equal(paragraphs[heading + 1], cert.sharingAnalysisOpinion);
    assert.ok(paragraphs.includes('四、备案结论'), 'later sections renumbered');
    assert.equal(paragraphs[0], '朔州市朔城区政务信息化项目');
    assert.ok(!paragraphs.some((line) => line.startsWith('请持本证明')), 'no approval step unless given');

    assertRefused(
      () => filingCertificateDocument({ ...cert, sharingAnalysisOpinion: undefined }),
      'REVIEW_DOCUMENT_INVALID',
      'sharingAnalysisOpinion',
      'SC-09a',
    );
  });
});

describe('refusal notice .docx (DT-09b 不予备案)', () => {
  test('same layout, with the reasons numbered （一）（二） and no filing conclusion', async () => {
    const notice = sampleRefusalNotice();
    const paragraphs = wordParagraphs(docxDocumentXml(await buildRefusalNoticeDocx(notice)));
    const text = paragraphs.join('\n');
    assert.deepEqual(paragraphs.slice(0, 3), [
      '大同市政务信息化项目',
      '不予备案通知书',
      '同数政不备〔2026〕3号',
    ]);
    assert.ok(text.includes('经论证，该项目不具备备案条件，决定不予备案。'));
    for (const dimension of REVIEW_DIMENSIONS) {
      assert.ok(paragraphs.includes(REVIEW_DIMENSION_LABELS[dimension]));
      assert.ok(paragraphs.includes(notice.opinions[dimension].opinion));
    }
    const heading = paragraphs.indexOf('三、不予备案理由');
    assert.ok(heading > 0);
    assert.equal(paragraphs[heading + 1], `（一）${notice.reasons[0]}`);
    assert.equal(paragraphs[heading + 2], `（二）${notice.reasons[1]}`);
    assert.ok(paragraphs.includes('请你单位按照上述意见修改完善申请材料后，重新申报。'));
    assert.ok(!text.includes('予以备案'));
    assert.deepEqual(paragraphs.slice(-2), ['大同市数字政府服务中心', '2026年11月22日']);
  });

  test('a refusal must give at least one reason', () => {
    assertRefused(
      () => refusalNoticeDocument({ ...sampleRefusalNotice(), reasons: [] }),
      'REVIEW_DOCUMENT_INVALID',
      'reasons',
    );
    assertRefused(
      () => refusalNoticeDocument({ ...sampleRefusalNotice(), reasons: ['理由一', ' '] }),
      'REVIEW_DOCUMENT_INVALID',
      'reasons[1]',
    );
  });
});

describe('validation before rendering', () => {
  test('every one of the five dimensions needs an opinion', () => {
    const cert = sampleFilingCertificate();
    const { targets: _targets, ...four } = cert.opinions;
    assertRefused(
      () => filingCertificateDocument({ ...cert, opinions: four as FilingCertificate['opinions'] }),
      'REVIEW_DOCUMENT_INVALID',
      'opinions.targets',
      'DT-09b',
    );
    assertRefused(
      () => filingCertificateDocument({ ...cert, opinions: { ...cert.opinions, need: { opinion: '  ' } } }),
      'REVIEW_DOCUMENT_INVALID',
      'opinions.need.opinion',
    );
    assertRefused(
      () =>
        filingCertificateDocument({
          ...cert,
          opinions: { ...cert.opinions, budget: { score: 101, opinion: '超出' } },
        }),
      'REVIEW_DOCUMENT_INVALID',
      'opinions.budget.score',
    );
  });

  test('DT-09a: the yearly budgets must add up to the total, to the fen', () => {
    const cert = sampleFilingCertificate();
    const project = { ...cert.project, totalBudget: '12800000.01' };
    assert.throws(
      () => filingCertificateDocument({ ...cert, project }),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'REVIEW_DOCUMENT_BUDGET_MISMATCH' &&
        error.article === 'DT-09a' &&
        error.details?.sumOfYears === '12800000.00',
    );
    // A single-year project may list no years.
    assert.ok(filingCertificateDocument({ ...cert, project: { ...cert.project, budgetByYear: [] } }));
  });

  test('amounts, years, dates and the conclusion are checked', () => {
    const cert = sampleFilingCertificate();
    const invalidCases: [FilingCertificate, string][] = [
      [{ ...cert, project: { ...cert.project, totalBudget: '1,280万' } }, 'project.totalBudget'],
      [
        {
          ...cert,
          project: {
            ...cert.project,
            budgetByYear: [
              { year: 2026, amount: '1' },
              { year: 2026, amount: '1' },
            ],
          },
        },
        'project.budgetByYear[1].year',
      ],
      [{ ...cert, date: '2026-11-31' }, 'date'],
      [{ ...cert, number: '' }, 'number'],
      [{ ...cert, project: { ...cert.project, name: ' ' } }, 'project.name'],
      [{ ...cert, conclusion: 'refused' as 'filed' }, 'conclusion'],
      [{ ...cert, signature: { alg: 'SM2-SM3', keyId: 'k', signature: '' } }, 'signature.signature'],
    ];
    for (const [input, field] of invalidCases) {
      assertRefused(() => filingCertificateDocument(input), 'REVIEW_DOCUMENT_INVALID', field);
    }
  });

  test('the department line is labelled 申报单位 unless the jurisdiction names it otherwise', () => {
    const fields = (cert: FilingCertificate) => {
      const block = filingCertificateDocument(cert).blocks.find((item) => item.kind === 'fields');
      return block?.kind === 'fields' ? block.rows.map((row) => row.label) : [];
    };
    assert.ok(fields(sampleFilingCertificate()).includes('申报单位'));
    assert.ok(fields({ ...sampleFilingCertificate(), ownerLabel: '项目使用单位' }).includes('项目使用单位'));
  });
});
