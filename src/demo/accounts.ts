/**
 * Demo data for the four jurisdictions of PRODUCT.md (embedded mode, first start). The accounts are
 * listed on the login page only in demo mode; a production install (TONGCHOU_DEMO=false, the
 * default with DATABASE_URL) has none of them.
 */
import type { Role } from '../access/roles.ts';

export const DEMO_PASSWORD = 'Tc#Demo-2026';

export interface DemoJurisdiction {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'bureau';
  parent: string | null;
  rulebookCode: string | null;
}

export const DEMO_JURISDICTIONS: DemoJurisdiction[] = [
  { code: 'DT', name: '大同市', level: 'city', parent: 'SX', rulebookCode: 'DT' },
  { code: 'SZ', name: '朔州市', level: 'city', parent: 'SX', rulebookCode: null },
  { code: 'SC', name: '朔州市朔城区', level: 'district', parent: 'SZ', rulebookCode: 'SC' },
  { code: 'JCS', name: '晋城市', level: 'city', parent: 'SX', rulebookCode: null },
  { code: 'JC', name: '晋城市城区', level: 'district', parent: 'JCS', rulebookCode: 'JC' },
  { code: 'XZS', name: '忻州市', level: 'city', parent: 'SX', rulebookCode: null },
  { code: 'XZ', name: '忻州市交通运输局', level: 'bureau', parent: 'XZS', rulebookCode: 'XZ' },
];

export interface DemoOrganisation {
  jurisdiction: string;
  name: string;
  kind: string;
}

const org = (jurisdiction: string, kind: string, ...names: string[]): DemoOrganisation[] =>
  names.map((name) => ({ jurisdiction, name, kind }));

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // 大同市 (DT 第五条)
  ...org('DT', 'authority', '大同市数字政府服务中心'),
  ...org('DT', 'approval_bureau', '大同市行政审批服务管理局'),
  ...org('DT', 'finance', '大同市财政局'),
  ...org('DT', 'leadership_body', '大同市人民政府'),
  ...org(
    'DT',
    'department',
    '大同市教育局',
    '大同市卫生健康委员会',
    '大同市市场监督管理局',
    '大同市交通运输局',
  ),
  ...org('DT', 'expert_committee', '大同市政务信息化专家咨询委员会'),
  ...org('DT', 'contractor', '山西云数科技有限公司'),
  ...org('DT', 'supervisor', '山西正信工程监理有限公司'),
  ...org('DT', 'evaluator', '山西省信息化咨询评估中心'),
  // 朔州市朔城区 (SC 第四条)
  ...org('SC', 'authority', '朔城区政务信息管理局'),
  ...org('SC', 'finance', '朔城区财政局', '朔城区财政评审中心'),
  ...org('SC', 'data_center', '朔城区数字政府服务中心'),
  ...org('SC', 'leadership_body', '朔城区人民政府'),
  ...org('SC', 'department', '朔城区教育科技局', '朔城区卫生健康和体育局', '朔城区市场监督管理局'),
  ...org('SC', 'expert_committee', '朔城区政务信息化评审专家库'),
  ...org('SC', 'contractor', '朔州智联信息技术有限公司'),
  ...org('SC', 'supervisor', '朔州华建监理咨询有限公司'),
  ...org('SC', 'evaluator', '朔州市工程咨询中心'),
  // 晋城市城区 (JC 四)
  ...org('JC', 'authority', '城区行政审批服务管理局（区政务信息管理局）'),
  ...org('JC', 'finance', '城区财政局'),
  ...org('JC', 'leadership_body', '城区人民政府常务会议'),
  ...org('JC', 'department', '城区教育局', '城区住房和城乡建设管理局', '城区西街街道办事处'),
  ...org('JC', 'expert_committee', '城区大数据项目评审专家组'),
  ...org('JC', 'contractor', '晋城数智科技有限公司'),
  ...org('JC', 'supervisor', '晋城市明诚工程监理有限公司'),
  ...org('JC', 'evaluator', '晋城市信息化评估中心'),
  // 忻州市交通运输局 (XZ 第五条) and the city bodies it reports to
  ...org('XZ', 'data_center', '忻州市交通运输数据中心'),
  ...org('XZ', 'leadership_body', '中共忻州市交通运输局党组'),
  ...org('XZ', 'finance', '忻州市交通运输局财务科'),
  ...org('XZ', 'department', '忻州市公路事业发展中心', '忻州市道路运输服务中心'),
  ...org('XZ', 'expert_committee', '忻州市交通运输信息化专家组'),
  ...org('XZ', 'contractor', '忻州交信科技有限公司'),
  ...org('XZ', 'supervisor', '忻州市通达工程监理有限公司'),
  ...org('XZ', 'evaluator', '忻州市交通工程咨询中心'),
  ...org('XZS', 'authority', '忻州市政务信息管理局'),
  ...org('XZS', 'leadership_body', '忻州市人民政府'),
];

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  jurisdictionName: string;
  organisationName: string;
}

const J: Record<string, string> = Object.fromEntries(DEMO_JURISDICTIONS.map((j) => [j.code, j.name]));
J.SX = '山西省';

const account = (
  username: string,
  displayName: string,
  role: Role,
  jurisdictionCode: string,
  organisationName: string,
): DemoAccount => ({
  username,
  password: DEMO_PASSWORD,
  displayName,
  role,
  jurisdictionCode,
  jurisdictionName: J[jurisdictionCode],
  organisationName,
});

export const PLATFORM_ORGANISATION = '统筹平台运维中心';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  account('dt.staff', '王敏（教育局经办）', 'dept_staff', 'DT', '大同市教育局'),
  account('dt.leader', '李强（教育局负责人）', 'dept_leader', 'DT', '大同市教育局'),
  account('dt.staff2', '赵磊（卫健委经办）', 'dept_staff', 'DT', '大同市卫生健康委员会'),
  account(
    'dt.reviewer',
    '陈静（数字政府服务中心审核）',
    'authority_reviewer',
    'DT',
    '大同市数字政府服务中心',
  ),
  account('dt.authlead', '刘洋（数字政府服务中心主任）', 'authority_leader', 'DT', '大同市数字政府服务中心'),
  account('dt.approver', '张伟（行政审批局）', 'approver', 'DT', '大同市行政审批服务管理局'),
  account('dt.finance', '杨帆（财政局）', 'finance_officer', 'DT', '大同市财政局'),
  account('dt.gov', '周斌（市政府）', 'leadership_body', 'DT', '大同市人民政府'),
  account('dt.expert', '吴教授（专家咨询委员会）', 'expert', 'DT', '大同市政务信息化专家咨询委员会'),
  account('dt.contractor', '郑工（承建单位）', 'contractor', 'DT', '山西云数科技有限公司'),
  account('dt.supervisor', '孙工（监理单位）', 'supervisor', 'DT', '山西正信工程监理有限公司'),
  account('dt.evaluator', '马老师（第三方评估）', 'third_party_evaluator', 'DT', '山西省信息化咨询评估中心'),

  account('sc.staff', '高敏（教育科技局经办）', 'dept_staff', 'SC', '朔城区教育科技局'),
  account('sc.leader', '林涛（教育科技局负责人）', 'dept_leader', 'SC', '朔城区教育科技局'),
  account('sc.staff2', '何静（卫健体局经办）', 'dept_staff', 'SC', '朔城区卫生健康和体育局'),
  account('sc.reviewer', '罗明（政务信息管理局审核）', 'authority_reviewer', 'SC', '朔城区政务信息管理局'),
  account('sc.authlead', '梁红（政务信息管理局局长）', 'authority_leader', 'SC', '朔城区政务信息管理局'),
  account('sc.approver', '宋杰（政务信息管理局立项）', 'approver', 'SC', '朔城区政务信息管理局'),
  account('sc.finance', '唐丽（财政评审中心）', 'finance_officer', 'SC', '朔城区财政评审中心'),
  account('sc.gov', '韩冰（区政府）', 'leadership_body', 'SC', '朔城区人民政府'),
  account('sc.expert', '冯教授（评审专家）', 'expert', 'SC', '朔城区政务信息化评审专家库'),
  account('sc.contractor', '董工（承建单位）', 'contractor', 'SC', '朔州智联信息技术有限公司'),
  account('sc.supervisor', '萧工（监理单位）', 'supervisor', 'SC', '朔州华建监理咨询有限公司'),
  account('sc.evaluator', '程老师（第三方评估）', 'third_party_evaluator', 'SC', '朔州市工程咨询中心'),

  account('jc.staff', '曹敏（教育局经办）', 'dept_staff', 'JC', '城区教育局'),
  account('jc.leader', '袁刚（教育局负责人）', 'dept_leader', 'JC', '城区教育局'),
  account('jc.staff2', '邓芳（住建局经办）', 'dept_staff', 'JC', '城区住房和城乡建设管理局'),
  account(
    'jc.reviewer',
    '许诺（行政审批服务管理局审核）',
    'authority_reviewer',
    'JC',
    '城区行政审批服务管理局（区政务信息管理局）',
  ),
  account(
    'jc.authlead',
    '傅军（行政审批服务管理局局长）',
    'authority_leader',
    'JC',
    '城区行政审批服务管理局（区政务信息管理局）',
  ),
  account('jc.approver', '沈洁（立项备案）', 'approver', 'JC', '城区行政审批服务管理局（区政务信息管理局）'),
  account('jc.finance', '曾伟（财政局）', 'finance_officer', 'JC', '城区财政局'),
  account('jc.gov', '彭亮（区政府常务会）', 'leadership_body', 'JC', '城区人民政府常务会议'),
  account('jc.expert', '吕教授（评审专家）', 'expert', 'JC', '城区大数据项目评审专家组'),
  account('jc.contractor', '苏工（承建单位）', 'contractor', 'JC', '晋城数智科技有限公司'),
  account('jc.supervisor', '卢工（监理单位）', 'supervisor', 'JC', '晋城市明诚工程监理有限公司'),
  account('jc.evaluator', '蒋老师（第三方评估）', 'third_party_evaluator', 'JC', '晋城市信息化评估中心'),

  // XZ 第七条: the 数据中心 and the requesting unit prepare the application together; the 数据中心 submits it.
  account('xz.dcstaff', '任可（交通运输数据中心经办）', 'dept_staff', 'XZ', '忻州市交通运输数据中心'),
  account('xz.staff', '蔡敏（公路事业发展中心经办）', 'dept_staff', 'XZ', '忻州市公路事业发展中心'),
  account('xz.leader', '贾强（公路事业发展中心负责人）', 'dept_leader', 'XZ', '忻州市公路事业发展中心'),
  account('xz.staff2', '丁玲（道路运输服务中心经办）', 'dept_staff', 'XZ', '忻州市道路运输服务中心'),
  account(
    'xz.reviewer',
    '魏东（交通运输数据中心审核）',
    'authority_reviewer',
    'XZ',
    '忻州市交通运输数据中心',
  ),
  account('xz.authlead', '薛峰（交通运输数据中心主任）', 'authority_leader', 'XZ', '忻州市交通运输数据中心'),
  account('xz.party', '叶书记（局党组）', 'leadership_body', 'XZ', '中共忻州市交通运输局党组'),
  account('xz.finance', '阎芳（局财务科）', 'finance_officer', 'XZ', '忻州市交通运输局财务科'),
  account('xz.cityreviewer', '余杰（市政务信息管理局）', 'authority_reviewer', 'XZS', '忻州市政务信息管理局'),
  account('xz.citygov', '潘越（市政府）', 'leadership_body', 'XZS', '忻州市人民政府'),
  // XZ 第七条, 第十一条: after 市政府 consents, the 市政务信息管理局 批复立项.
  account('xz.cityapprover', '邵宁（市政务信息管理局立项审批）', 'approver', 'XZS', '忻州市政务信息管理局'),
  account('xz.expert', '杜教授（评审专家）', 'expert', 'XZ', '忻州市交通运输信息化专家组'),
  account('xz.contractor', '戴工（承建单位）', 'contractor', 'XZ', '忻州交信科技有限公司'),
  account('xz.supervisor', '夏工（监理单位）', 'supervisor', 'XZ', '忻州市通达工程监理有限公司'),
  account('xz.evaluator', '钟老师（第三方评估）', 'third_party_evaluator', 'XZ', '忻州市交通工程咨询中心'),

  account('demo.sysadmin', '系统管理员（演示）', 'sys_admin', 'SX', PLATFORM_ORGANISATION),
  account('demo.secadmin', '安全管理员（演示）', 'sec_admin', 'SX', PLATFORM_ORGANISATION),
  account('demo.auditadmin', '审计管理员（演示）', 'audit_admin', 'SX', PLATFORM_ORGANISATION),
];
