/**
 * Derived rulebooks (DT-37: each county issues its own rules under the city's). A derived rulebook
 * is the base plus a list of changes — both plain data, so the change list can be stored and
 * replayed. The base is never modified; the result must pass `loadRulebook`.
 */
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Material, Organisation, Rulebook, Step } from './model.ts';
import { DEADLINE_UNITS, GATE_STRENGTHS, ORG_KINDS, ROLE_CODES } from './model.ts';
import {
  loadRulebook,
  MaterialSchema,
  OrganisationSchema,
  PredicateSchema,
  RulebookInvalidError,
} from './schema.ts';

const strict = { additionalProperties: false } as const;
const NonEmpty = Type.String({ minLength: 1 });

export const RulebookChangeSchema = Type.Union([
  Type.Object(
    {
      op: Type.Literal('set_deadline'),
      deadlineId: NonEmpty,
      amount: Type.Optional(Type.Integer({ minimum: 0 })),
      unit: Type.Optional(Type.Enum(DEADLINE_UNITS)),
    },
    strict,
  ),
  Type.Object(
    {
      op: Type.Literal('set_actor'),
      stepId: NonEmpty,
      role: Type.Optional(Type.Enum(ROLE_CODES)),
      org: Type.Optional(NonEmpty),
    },
    strict,
  ),
  /** Renames an organisation and replaces its old name in every Chinese text of the rulebook. */
  Type.Object(
    {
      op: Type.Literal('rename_organisation'),
      key: NonEmpty,
      name: NonEmpty,
      kind: Type.Optional(Type.Enum(ORG_KINDS)),
    },
    strict,
  ),
  Type.Object({ op: Type.Literal('add_organisation'), organisation: OrganisationSchema }, strict),
  Type.Object(
    {
      op: Type.Literal('set_role_name'),
      role: Type.Enum(ROLE_CODES),
      name: NonEmpty,
      org: Type.Optional(NonEmpty),
    },
    strict,
  ),
  Type.Object({ op: Type.Literal('add_material'), stepId: NonEmpty, material: MaterialSchema }, strict),
  Type.Object({ op: Type.Literal('remove_material'), stepId: NonEmpty, code: NonEmpty }, strict),
  Type.Object(
    {
      op: Type.Literal('set_material_requirement'),
      stepId: NonEmpty,
      code: NonEmpty,
      requirement: Type.Enum(['required', 'conditional', 'optional'] as const),
      condition: Type.Optional(PredicateSchema),
    },
    strict,
  ),
  /**
   * States how strict a gate is in the derived text (issue 13): a county text that softens a rule
   * ("原则上不再拨付") makes the gate `softened`, open to a two-person override; `absolute` tightens it.
   */
  Type.Object(
    {
      op: Type.Literal('set_gate_strength'),
      gateId: NonEmpty,
      strength: Type.Enum(GATE_STRENGTHS),
    },
    strict,
  ),
  /** Replaces a word in every Chinese text (e.g. 市直部门 → 县直部门). */
  Type.Object({ op: Type.Literal('replace_text'), from: NonEmpty, to: Type.String() }, strict),
]);
export type RulebookChange = Static<typeof RulebookChangeSchema>;

export interface DeriveMeta {
  /** Defaults to `jurisdictionCode`. */
  id?: string;
  jurisdictionCode: string;
  jurisdictionName?: string;
  name: string;
  version: number;
  effectiveFrom: string;
  regulation?: Rulebook['regulation'];
  notes?: string[];
}

/** Keys whose string values are Chinese display text (never codes). */
const TEXT_KEYS = new Set(['name', 'reason', 'obligation', 'text', 'display', 'jurisdictionName']);

function replaceText(value: unknown, from: string, to: string, key = ''): unknown {
  if (typeof value === 'string') return TEXT_KEYS.has(key) ? value.split(from).join(to) : value;
  if (Array.isArray(value)) return value.map((v) => replaceText(v, from, to, key === 'notes' ? 'text' : ''));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceText(v, from, to, k)]));
  }
  return value;
}

export function deriveRulebook(base: Rulebook, changes: readonly unknown[], meta: DeriveMeta): Rulebook {
  const problems: string[] = [];
  let rb = structuredClone(base) as Rulebook;
  const step = (id: string): Step | undefined =>
    rb.workflow.stages.flatMap((s) => s.steps).find((s) => s.id === id);
  const materialAt = (stepId: string, code: string): { step: Step; index: number } | undefined => {
    const s = step(stepId);
    const index = s ? s.materials.findIndex((m) => m.code === code) : -1;
    return s && index >= 0 ? { step: s, index } : undefined;
  };

  changes.forEach((raw, i) => {
    const where = `变更 #${i + 1}`;
    if (!Value.Check(RulebookChangeSchema, raw)) {
      problems.push(`${where}：格式错误 ${JSON.stringify(raw)}`);
      return;
    }
    const change = raw as RulebookChange;
    switch (change.op) {
      case 'set_deadline': {
        const d = rb.deadlines.find((x) => x.id === change.deadlineId);
        if (!d) {
          problems.push(`${where}：期限 ${change.deadlineId} 不存在`);
          return;
        }
        if (change.amount !== undefined) d.amount = change.amount;
        if (change.unit !== undefined) d.unit = change.unit;
        return;
      }
      case 'set_actor': {
        const s = step(change.stepId);
        if (!s) {
          problems.push(`${where}：步骤 ${change.stepId} 不存在`);
          return;
        }
        s.actor = { role: change.role ?? s.actor.role, org: change.org ?? s.actor.org };
        return;
      }
      case 'rename_organisation': {
        const org = rb.organisations.find((o) => o.key === change.key);
        if (!org) {
          problems.push(`${where}：机构 ${change.key} 不存在`);
          return;
        }
        const oldName = org.name;
        rb = replaceText(rb, oldName, change.name) as Rulebook;
        const renamed = rb.organisations.find((o) => o.key === change.key) as Organisation;
        renamed.name = change.name;
        if (change.kind !== undefined) renamed.kind = change.kind;
        return;
      }
      case 'add_organisation':
        rb.organisations.push(structuredClone(change.organisation) as Organisation);
        return;
      case 'set_role_name': {
        const role = rb.roles.find((r) => r.code === change.role);
        if (!role) {
          problems.push(`${where}：角色 ${change.role} 不存在`);
          return;
        }
        role.name = change.name;
        if (change.org !== undefined) role.org = change.org;
        return;
      }
      case 'add_material': {
        const s = step(change.stepId);
        if (!s) {
          problems.push(`${where}：步骤 ${change.stepId} 不存在`);
          return;
        }
        s.materials.push(structuredClone(change.material) as Material);
        return;
      }
      case 'remove_material': {
        const at = materialAt(change.stepId, change.code);
        if (!at) {
          problems.push(`${where}：步骤 ${change.stepId} 没有材料 ${change.code}`);
          return;
        }
        at.step.materials.splice(at.index, 1);
        return;
      }
      case 'set_material_requirement': {
        const at = materialAt(change.stepId, change.code);
        if (!at) {
          problems.push(`${where}：步骤 ${change.stepId} 没有材料 ${change.code}`);
          return;
        }
        const m = at.step.materials[at.index];
        m.requirement = change.requirement;
        if (change.condition !== undefined) m.condition = structuredClone(change.condition);
        else delete m.condition;
        return;
      }
      case 'set_gate_strength': {
        const gate = rb.gates.find((g) => g.id === change.gateId);
        if (!gate) {
          problems.push(`${where}：拨付条件 ${change.gateId} 不存在`);
          return;
        }
        gate.strength = change.strength;
        return;
      }
      case 'replace_text':
        rb = replaceText(rb, change.from, change.to) as Rulebook;
        return;
    }
  });
  if (problems.length > 0) throw new RulebookInvalidError(meta.id ?? meta.jurisdictionCode, problems);

  const derived: Rulebook = {
    ...rb,
    id: meta.id ?? meta.jurisdictionCode,
    jurisdictionCode: meta.jurisdictionCode,
    jurisdictionName: meta.jurisdictionName ?? rb.jurisdictionName,
    name: meta.name,
    version: meta.version,
    effectiveFrom: meta.effectiveFrom,
    derivedFrom: { id: base.id, version: base.version },
    regulation: meta.regulation ?? rb.regulation,
    notes: [...rb.notes, ...(meta.notes ?? []), `派生自规则集 ${base.id} 第 ${base.version} 版（DT-37）。`],
  };
  return loadRulebook(derived);
}
