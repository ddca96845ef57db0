/**
 * The 派生新版本 form's data: form values → the request of POST /api/rulebooks/:code/versions, and
 * a stored change list → Chinese lines. Pure (no React), tested by derive.test.ts under Node.
 */
import type {
  DeadlineUnit,
  DeriveRulebookRequest,
  RulebookChange,
  RulebookDetail,
} from '../../../api/types.ts';

export const CHANGE_OPS = {
  set_deadline: '修改期限',
  rename_organisation: '机构更名（流程主体）',
  add_material: '增加材料',
  remove_material: '删除材料',
} as const;
export type ChangeOp = keyof typeof CHANGE_OPS;

export const UNIT_LABELS: Record<DeadlineUnit, string> = {
  working_days: '工作日',
  calendar_days: '自然日',
  calendar_months: '个月',
};

/** One row of the form's change list; which fields apply depends on `op`. */
export interface ChangeValues {
  op?: ChangeOp;
  deadlineId?: string;
  amount?: number;
  unit?: DeadlineUnit;
  key?: string;
  name?: string;
  stepId?: string;
  code?: string;
  materialName?: string;
  requirement?: 'required' | 'optional';
  article?: string;
}

export interface DeriveValues {
  targetCode: string;
  name: string;
  jurisdictionCode: string;
  jurisdictionName?: string;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  regulationTitle?: string;
  regulationIssuer?: string;
  regulationDocNumber?: string;
  changes?: ChangeValues[];
}

const trim = (value: string | undefined) => value?.trim() ?? '';

export function toChange(values: ChangeValues, targetCode: string): RulebookChange | null {
  switch (values.op) {
    case 'set_deadline':
      return values.deadlineId
        ? { op: 'set_deadline', deadlineId: values.deadlineId, amount: values.amount, unit: values.unit }
        : null;
    case 'rename_organisation':
      return values.key && trim(values.name)
        ? { op: 'rename_organisation', key: values.key, name: trim(values.name) }
        : null;
    case 'add_material': {
      const name = trim(values.materialName);
      if (!values.stepId || !trim(values.code) || !name) return null;
      return {
        op: 'add_material',
        stepId: values.stepId,
        material: {
          code: trim(values.code),
          name,
          requirement: values.requirement ?? 'required',
          articles: values.article ? [values.article] : [],
          summary: `${name}（${targetCode} 规则集新增）`,
        },
      };
    }
    case 'remove_material':
      return values.stepId && values.code
        ? { op: 'remove_material', stepId: values.stepId, code: values.code }
        : null;
    default:
      return null;
  }
}

/** The request for a new version derived from `base`; the path's code is `values.targetCode`. */
export function toDeriveRequest(base: RulebookDetail, values: DeriveValues): DeriveRulebookRequest {
  const changes = (values.changes ?? [])
    .map((c) => toChange(c, values.targetCode))
    .filter((c): c is RulebookChange => c !== null);
  const title = trim(values.regulationTitle);
  const issuer = trim(values.regulationIssuer);
  const docNumber = trim(values.regulationDocNumber);
  return {
    baseCode: base.code,
    baseVersion: base.version,
    jurisdictionCode: values.jurisdictionCode.trim(),
    ...(trim(values.jurisdictionName) ? { jurisdictionName: trim(values.jurisdictionName) } : {}),
    name: values.name.trim(),
    effectiveFrom: values.effectiveFrom,
    ...(title && issuer
      ? {
          regulation: {
            title,
            issuer,
            date: values.effectiveFrom,
            ...(docNumber ? { docNumber } : {}),
          },
        }
      : {}),
    changes,
  };
}

/** A stored change as one Chinese line, with names looked up in the rulebook. */
export function describeChange(change: unknown, rb: RulebookDetail): string {
  if (typeof change !== 'object' || change === null) return String(change);
  const c = change as Record<string, unknown>;
  const deadline = (id: unknown) => rb.deadlines.find((d) => d.id === id)?.name ?? String(id);
  const step = (id: unknown) =>
    rb.workflow.stages.flatMap((s) => s.steps).find((s) => s.id === id)?.name ?? String(id);
  switch (c.op) {
    case 'set_deadline': {
      const parts = [
        c.amount !== undefined ? `时限改为 ${String(c.amount)}` : '',
        c.unit !== undefined ? `单位改为${UNIT_LABELS[c.unit as DeadlineUnit] ?? String(c.unit)}` : '',
      ].filter(Boolean);
      return `期限“${deadline(c.deadlineId)}”：${parts.join('，')}`;
    }
    case 'rename_organisation':
      return `机构 ${String(c.key)} 更名为“${String(c.name)}”`;
    case 'add_material': {
      const m = (c.material ?? {}) as Record<string, unknown>;
      return `“${step(c.stepId)}”增加材料“${String(m.name)}”`;
    }
    case 'remove_material':
      return `“${step(c.stepId)}”删除材料 ${String(c.code)}`;
    case 'replace_text':
      return `文字“${String(c.from)}”替换为“${String(c.to)}”`;
    case 'set_role_name':
      return `角色 ${String(c.role)} 改称“${String(c.name)}”`;
    case 'set_actor':
      return `步骤“${step(c.stepId)}”的办理主体调整`;
    default:
      return JSON.stringify(change);
  }
}
