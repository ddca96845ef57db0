/** The application form's values, to and from the API shape, and what each step validates. */
import { EMPTY_APPLICATION, isYuan } from '../logic.ts';
import type { ApplicationInput } from '../types.ts';

/** The form's shape: the application with declarations as a list of checked keys. */
export type FormValues = Omit<ApplicationInput, 'declarations' | 'projectOwner'> & {
  declarations: string[];
  projectOwner: { name: string; title: string; phone: string };
};

export const toForm = (a: ApplicationInput): FormValues => ({
  ...a,
  declarations: Object.entries(a.declarations)
    .filter(([, v]) => v)
    .map(([k]) => k),
  projectOwner: a.projectOwner ?? { name: '', title: '', phone: '' },
});

/** `declarationCodes`: every declaration the rulebook knows (unchecked ones are sent as false). */
export const fromForm = (v: FormValues, declarationCodes: readonly string[]): ApplicationInput => ({
  ...EMPTY_APPLICATION,
  ...v,
  budgetByYear: (v.budgetByYear ?? []).map((y) => ({ year: Number(y.year), amount: String(y.amount ?? '') })),
  systems: (v.systems ?? []).map((s) => ({
    systemId: s.systemId ?? null,
    name: s.systemId ? null : (s.name ?? null),
    relation: s.relation,
  })),
  declarations: Object.fromEntries(
    declarationCodes.map((code) => [code, (v.declarations ?? []).includes(code)]),
  ),
  projectOwner: v.projectOwner?.name ? v.projectOwner : null,
});

export const STEPS = ['基本信息', '预算与绩效', '系统、资源与网络', '材料与提交'];
/** The fields each step validates before moving on (the other steps' fields stay mounted, hidden). */
export const STEP_FIELDS: (string | string[])[][] = [
  ['name', 'type', 'category', 'fundingMode', 'parentProjectId', 'shareOfParent'],
  ['totalBudget', 'budgetByYear', 'performanceTargets', ['projectOwner', 'name']],
  ['systems', 'resources', 'cloudServices', 'dedicatedNetworkBasis'],
];

export const yuanRule = {
  validator: (_: unknown, v: string) =>
    !v || isYuan(String(v))
      ? Promise.resolve()
      : Promise.reject(new Error('请填写以元为单位、至多两位小数的金额')),
};
