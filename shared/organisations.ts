/**
 * The kinds of organisation and of jurisdiction level, with their Chinese names. ORGANISATION_KINDS is
 * in the order of the organisations CHECK constraint (src/platform/db/core.ts, built from this array,
 * through src/platform/vocabulary.ts). `platform` is the platform's own operating organisation (the
 * three administrators); every other kind is one a rulebook may name (src/rules ORG_KINDS is this list
 * without it).
 */
export const ORGANISATION_KINDS = [
  'department',
  'authority',
  'approval_bureau',
  'finance',
  'leadership_body',
  'data_center',
  'expert_committee',
  'contractor',
  'supervisor',
  'evaluator',
  'platform',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The name of each organisation kind (every kind of ORGANISATION_KINDS has one). */
export const ORGANISATION_KIND_NAMES: Record<string, string> = {
  department: '部门（建设/使用单位）',
  authority: '主管部门',
  approval_bureau: '审批部门',
  finance: '财政部门',
  leadership_body: '决策机构',
  data_center: '数据中心',
  expert_committee: '专家咨询委员会',
  contractor: '承建单位',
  supervisor: '监理单位',
  evaluator: '第三方评估机构',
  platform: '平台运维单位',
} satisfies Record<OrganisationKind, string>;

export const JURISDICTION_LEVEL_NAMES: Record<string, string> = {
  province: '省',
  city: '市',
  district: '区（县）',
  bureau: '市直部门',
};
