/**
 * The questionnaire's writes, each one `runCommand` (one transaction, one audit row): the authority
 * designs a draft for a system of its jurisdiction, edits it while it is a draft, publishes it for a
 * date range (public link /q/<slug>) and closes it; the public answers without an account.
 * This file holds what the commands of this folder (one per file) share.
 */

import { asc, eq } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import { jurisdictionRules } from '../../evaluation/index.ts';
import type { Actor, Assignment } from '../../platform/actor.ts';
import type { CommandContext } from '../../platform/command.ts';
import { hmacSm3Hex } from '../../platform/crypto/sm3.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { DomainError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { checkQuestions, type QuestionDef, type QuestionInput, type QuestionKind } from '../model.ts';
import { questionnaireQuestions, questionnaires } from '../tables.ts';

/** The caller's authority assignment in `jurisdictionId`, or undefined. */
export function authorityIn(actor: Actor | null, jurisdictionId: string): Assignment | undefined {
  return actor?.assignments.find((a) => AUTHORITY.includes(a.role) && a.jurisdictionId === jurisdictionId);
}

/** Jurisdictions where the caller designs and reads questionnaires. */
export function authorityJurisdictions(actor: Actor | null): string[] {
  return [
    ...new Set(
      (actor?.assignments ?? []).filter((a) => AUTHORITY.includes(a.role)).map((a) => a.jurisdictionId),
    ),
  ];
}

export const notVisible = () => notFound('问卷不存在或无权查看', 'QUESTIONNAIRE_NOT_FOUND');

export function signedIn(ctx: CommandContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * The rulebook article a questionnaire's refusals cite: the efficacy evaluation's (the public
 * questionnaire is one of its three sources — DT-30, SC-24, XZ-26), read from the jurisdiction's
 * rulebook evaluation section; none where the rulebook has no evaluation.
 */
export async function questionnaireArticle(
  q: Queryable,
  jurisdictionId: string,
): Promise<string | undefined> {
  return (await jurisdictionRules(q, jurisdictionId))?.rules?.efficacy.articles[0];
}

/** Runs `fn`; a refusal it throws (not a 404 or a version conflict) names `article`. */
export async function citing<T>(article: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (
      !article ||
      !(e instanceof DomainError) ||
      e.article ||
      e.kind === 'not_found' ||
      e.kind === 'unauthenticated' ||
      e.code === 'VERSION_CONFLICT'
    )
      throw e;
    throw new DomainError(e.kind, e.code, e.message, { field: e.field, article, details: e.details });
  }
}

/** The questionnaire, locked, when the caller is its jurisdiction's authority; 404 otherwise. */
export async function ownQuestionnaire(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(questionnaires).where(eq(questionnaires.id, id)).for('update');
  const role = row ? authorityIn(actor, row.jurisdictionId) : undefined;
  if (!row || !role) throw notVisible();
  return { row, role };
}

export async function insertQuestions(tx: Tx, questionnaireId: string, questions: QuestionInput[]) {
  await tx.insert(questionnaireQuestions).values(
    questions.map((q, i) => ({
      questionnaireId,
      position: i + 1,
      kind: q.kind,
      prompt: q.prompt,
      required: q.required,
      options: q.options ?? [],
    })),
  );
}

export interface DesignInput {
  title: string;
  intro?: string;
  questions: QuestionInput[];
}

export function checkDesign(input: DesignInput) {
  const title = input.title.trim();
  if (title.length === 0) throw invalid('TITLE_REQUIRED', '请填写问卷标题', { field: 'title' });
  return { title, intro: (input.intro ?? '').trim(), questions: checkQuestions(input.questions) };
}

/** The questions of a questionnaire in order. */
export async function questionsOf(q: Queryable, questionnaireId: string): Promise<QuestionDef[]> {
  const rows = await q
    .select({
      id: questionnaireQuestions.id,
      kind: questionnaireQuestions.kind,
      prompt: questionnaireQuestions.prompt,
      required: questionnaireQuestions.required,
      options: questionnaireQuestions.options,
    })
    .from(questionnaireQuestions)
    .where(eq(questionnaireQuestions.questionnaireId, questionnaireId))
    .orderBy(asc(questionnaireQuestions.position));
  return rows.map((r) => ({ ...r, kind: r.kind as QuestionKind }));
}

/** The device key: HMAC-SM3 of the questionnaire, the day and the device id (never stored itself). */
export function deviceKey(key: Buffer, questionnaireId: string, day: string, deviceId: string): string {
  return hmacSm3Hex(key, `questionnaire-device:${questionnaireId}:${day}:${deviceId}`);
}
