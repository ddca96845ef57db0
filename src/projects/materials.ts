/**
 * Materials: the application's attachments (申请表, 建议书, 可研 …: the rulebook's material codes) and
 * the decision documents an actor attaches to a step (区政府常务会 decision record, 立项批复文件 …).
 * Uploads are inspected (type allowlist + content, src/platform/files/inspect.ts), encrypted at rest and
 * downloaded only as attachments under their original name.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { CommandContext } from '../platform/command.ts';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.ts';
import type { Rulebook } from '../rules/index.ts';
import {
  applicantTurn,
  editorRole,
  insertAction,
  type ProjectDeps,
  projectCommand,
  stepRole,
} from '../workflow/index.ts';
import type { MaterialRow } from './bundle.ts';
import type { WorkflowEnv } from './env.ts';
import { APPLICANT_EVIDENCE, ISSUED_DOCUMENTS } from './model.ts';
import type { ProjectContext } from './repository.ts';
import { projectMaterials } from './tables.ts';
import {
  applicantSteps,
  isApplicantStage,
  isEstablishmentStage,
  stepInfo,
  stepsOf,
} from './workflow-state.ts';

export const OTHER_MATERIAL = 'other';
export const DECISION_DOCUMENT = 'decision_document';

/** The Chinese name of a material code in this rulebook. */
export function materialName(rulebook: Rulebook, code: string): string {
  if (code === OTHER_MATERIAL) return '其他材料';
  if (code === DECISION_DOCUMENT) return '决定文书';
  for (const { step } of stepsOf(rulebook)) {
    const found = step.materials.find((m) => m.code === code);
    if (found) return found.name;
  }
  return code;
}

function codesOfSteps(rulebook: Rulebook, applicant: boolean): string[] {
  return stepsOf(rulebook)
    .filter((s) => isEstablishmentStage(s.stage) && isApplicantStage(s.stage) === applicant)
    .flatMap((s) => s.step.materials.map((m) => m.code));
}

/** Codes the applicant may upload: the materials of the rulebook's applicant steps, evidence, and `other`. */
export function applicationMaterialCodes(rulebook: Rulebook): string[] {
  const later = codesOfSteps(rulebook, false).filter((c) => APPLICANT_EVIDENCE.includes(c));
  return [
    ...new Set([
      ...applicantSteps(rulebook).flatMap((s) => s.materials.map((m) => m.code)),
      ...later,
      OTHER_MATERIAL,
    ]),
  ];
}

/** Codes an actor of a review or approval step may attach: the decision documents of those steps. */
export function decisionMaterialCodes(rulebook: Rulebook): string[] {
  const codes = codesOfSteps(rulebook, false).filter(
    (c) => !APPLICANT_EVIDENCE.includes(c) && !ISSUED_DOCUMENTS.includes(c),
  );
  return [...new Set([...codes, DECISION_DOCUMENT])];
}

export interface UploadTarget {
  role: { role: string; organisationId: string; jurisdictionId: string };
  stepId: string | null;
}

/** Where an upload of `code` by the caller goes: an application material, or a decision document of a step. */
export function uploadTarget(
  actor: Actor,
  pc: ProjectContext,
  code: string,
  stepId: string | null,
): UploadTarget {
  if (stepId === null) {
    const editor = editorRole(actor, pc);
    if (!editor) throw forbidden('只有申报单位的经办人员可以上传申请材料', 'NOT_APPLICANT');
    if (!applicantTurn(pc)) throw conflict('NOT_EDITABLE', '项目已提交审核，退回或撤回后才能修改材料');
    if (!applicationMaterialCodes(pc.rulebook).includes(code)) {
      throw invalid('MATERIAL_CODE_UNKNOWN', '该规则集的申请材料中没有此类材料', { field: 'materialCode' });
    }
    return { role: editor, stepId: null };
  }
  const info = stepInfo(pc.rulebook, stepId);
  if (!info || isApplicantStage(info.stage)) throw notFound('该项目的规则集中没有这个步骤', 'STEP_NOT_FOUND');
  const role = stepRole(actor, pc, info.step);
  if (!role) throw forbidden('只有该环节的办理人可以上传决定文书', 'STEP_ACTOR_MISMATCH');
  if (pc.evaluation.steps.find((s) => s.stepId === stepId)?.status !== 'open') {
    throw conflict('STEP_NOT_OPEN', `“${info.step.name}”当前不可办理`);
  }
  // After 立项 a step's own materials (contract text, acceptance items, report) are uploaded on it.
  const laterStepMaterial =
    !isEstablishmentStage(info.stage) && info.step.materials.some((m) => m.code === code);
  if (!decisionMaterialCodes(pc.rulebook).includes(code) && !laterStepMaterial) {
    throw invalid('MATERIAL_CODE_UNKNOWN', '该环节没有此类决定文书', { field: 'materialCode' });
  }
  return { role, stepId };
}

export interface UploadedFile {
  originalName: string;
  storageName: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  sm3: string;
}

export async function addMaterial(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: { materialCode: string; stepId: string | null },
  file: UploadedFile,
): Promise<string> {
  return projectCommand(
    deps,
    ctx,
    env,
    id,
    {
      action: 'material.upload',
      objectType: 'project',
      objectId: id,
      details: { materialCode: input.materialCode, size: file.size, kind: file.kind, sm3: file.sm3 },
    },
    async ({ tx, actor, pc, audit, actingAs }) => {
      const target = uploadTarget(actor, pc, input.materialCode, input.stepId);
      actingAs(target.role);
      const [row] = await tx
        .insert(projectMaterials)
        .values({
          projectId: id,
          materialCode: input.materialCode,
          stepId: target.stepId,
          originalName: file.originalName,
          storageName: file.storageName,
          kind: file.kind,
          mime: file.mime,
          size: file.size,
          sha256: file.sha256,
          sm3: file.sm3,
          uploadedBy: actor.userId,
          uploadedAt: env.now,
        })
        .returning({ id: projectMaterials.id });
      await insertAction(tx, env, actor, id, {
        kind: 'material_uploaded',
        stepId: target.stepId,
        details: {
          materialId: row.id,
          materialCode: input.materialCode,
          materialName: materialName(pc.rulebook, input.materialCode),
          fileName: file.originalName,
          sm3: file.sm3,
        },
        role: actor.assignments.find(
          (a) => a.role === target.role.role && a.organisationId === target.role.organisationId,
        ),
      });
      audit.details = { ...audit.details, materialId: row.id };
      return row.id;
    },
  );
}

export async function removeMaterial(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  materialId: string,
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: 'material.remove', objectType: 'project', objectId: id, details: { materialId } },
    async ({ tx, actor, pc }) => {
      const material = pc.bundle.materials.find((m) => m.id === materialId);
      if (!material) throw notFound('材料不存在', 'MATERIAL_NOT_FOUND');
      if (material.stepId === null) {
        if (!editorRole(actor, pc))
          throw forbidden('只有申报单位的经办人员可以删除申请材料', 'NOT_APPLICANT');
        if (!applicantTurn(pc)) throw conflict('NOT_EDITABLE', '项目已提交审核，不能删除材料');
      } else {
        const info = stepInfo(pc.rulebook, material.stepId);
        const open = pc.evaluation.steps.find((s) => s.stepId === material.stepId)?.status === 'open';
        if (material.uploadedBy !== actor.userId || !info || !open) {
          throw forbidden('只能在办理环节内删除本人上传的决定文书', 'NOT_UPLOADER');
        }
      }
      await tx
        .update(projectMaterials)
        .set({ removedAt: env.now, removedBy: actor.userId })
        .where(and(eq(projectMaterials.id, materialId), isNull(projectMaterials.removedAt)));
      await insertAction(tx, env, actor, id, {
        kind: 'material_removed',
        stepId: material.stepId,
        details: { materialId, materialCode: material.materialCode, fileName: material.originalName },
      });
    },
  );
}

/** A material the caller may download (any viewer of the project, experts included), or 404. */
export function downloadableMaterial(pc: ProjectContext, materialId: string): MaterialRow {
  const material = pc.bundle.materials.find((m) => m.id === materialId);
  if (!material) throw notFound('材料不存在', 'MATERIAL_NOT_FOUND');
  return material;
}
