/**
 * Test support for review's documents: a sample filing certificate and refusal notice in Chinese.
 * Not imported by production code. (Reading a .docx or PDF back is in
 * src/platform/documents/test-support.ts.)
 */
import type { FilingCertificate, RefusalNotice } from './certificate.ts';

/** A 128-hex-digit stand-in for an SM2 r‖s signature. */
export const SAMPLE_SIGNATURE_HEX = 'a1b2c3d4e5f60718'.repeat(8);

export function sampleFilingCertificate(): FilingCertificate {
  return {
    jurisdictionName: '大同市',
    authorityName: '大同市数字政府服务中心',
    number: '同数政备〔2026〕12号',
    date: '2026-11-22',
    legalBasis: '《大同市政务信息化项目建设应用管理办法》第九条',
    approvalBody: '大同市行政审批局',
    project: {
      name: '大同市“一网通办”政务服务平台升级改造项目',
      code: 'DT-2026-0123',
      ownerDepartment: '大同市行政审批服务管理局',
      typeLabel: '升级改造',
      totalBudget: '12800000',
      budgetByYear: [
        { year: 2027, amount: '4800000.50' },
        { year: 2026, amount: '7999999.50' },
      ],
    },
    opinions: {
      need: { score: 92, opinion: '项目需求来源于企业群众办事堵点，依据充分，建设必要。' },
      consolidation: { score: 88, opinion: '依托市政务云和电子政务外网建设，复用统一身份认证，未新建机房。' },
      feasibility: {
        score: 85.5,
        opinion: '技术路线成熟，与省一体化平台对接方案可行，数据共享率<95%的事项须说明理由。',
      },
      budget: { opinion: '软件开发费按功能点法测算，硬件采购核减320万元后基本合理。' },
      targets: { score: 90, opinion: '绩效目标明确、可量化，“一件事”办理时限压缩50%以上。' },
    },
    remarks: '本证明自出具之日起一年内有效。',
    signature: { alg: 'SM2-SM3', keyId: 'dt-authority-2026-01', signature: SAMPLE_SIGNATURE_HEX },
    conclusion: 'filed',
  };
}

export function sampleRefusalNotice(): RefusalNotice {
  const { approvalBody: _approvalBody, conclusion: _conclusion, ...common } = sampleFilingCertificate();
  return {
    ...common,
    number: '同数政不备〔2026〕3号',
    remarks: '对本通知有异议的，可自收到之日起15个工作日内申请复核。',
    conclusion: 'refused',
    reasons: [
      '拟建的预约排队子系统与市政务服务中心已建系统功能重复，不符合集约建设要求。',
      '未提供信息资源目录，数据来源与共享属性不明确。',
    ],
  };
}
