/**
 * The questionnaire's writes, each one `runCommand` (one transaction, one audit row): the authority
 * designs a draft for a system of its jurisdiction, edits it while it is a draft, publishes it for a
 * date range (public link /q/<slug>) and closes it; the public answers without an account.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { informationSystems } from '../catalog/index.ts';
import { jurisdictionRules } from '../evaluation/index.ts';
import type { Actor, Assignment } from '../platform/actor.ts';
import { chinaDate } from '../platform/clock.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../platform/command.ts';
import { hmacSm3Hex } from '../platform/crypto/sm3.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import {
  conflict,
  DomainError,
  invalid,
  notFound,
  unauthenticated,
  versionConflict,
} from '../platform/errors.ts';
import {
  type AnswerInput,
  answerRows,
  checkQuestions,
  phaseOf,
  type QuestionDef,
  type QuestionInput,
  type QuestionKind,
  slugFrom,
} from './model.ts';
import {
  questionnaireAnswers,
  questionnaireQuestions,
  questionnaireResponses,
  questionnaires,
} from './tables.ts';

const AUTHORITY_ROLES = ['authority_reviewer', 'authority_leader'];

/** The caller's authority assignment in `jurisdictionId`, or undefined. */
export function authorityIn(actor: Actor | null, jurisdictionId: string): Assignment | undefined {
  return actor?.assignments.find(
    (a) => AUTHORITY_ROLES.includes(a.role) && a.jurisdictionId === jurisdictionId,
  );
}

/** Jurisdictions where the caller designs and reads questionnaires. */
export function authorityJurisdictions(actor: Actor | null): string[] {
  return [
    ...new Set(
      (actor?.assignments ?? []).filter((a) => AUTHORITY_ROLES.includes(a.role)).map((a) => a.jurisdictionId),
    ),
  ];
}

const notVisible = () => notFound('问卷不存在或无权查看', 'QUESTIONNAIRE_NOT_FOUND');

function signedIn(ctx: CommandContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * The rulebook article a questionnaire's refusals cite: the efficacy evaluation's (the public
 * questionnaire is one of its three sources — DT-30, SC-24, XZ-26), read from the jurisdiction's
 * rulebook evaluation section; none where the rulebook has no evaluation.
 */
async function questionnaireArticle(q: Queryable, jurisdictionId: string): Promise<string | undefined> {
  return (await jurisdictionRules(q, jurisdictionId))?.rules?.efficacy.articles[0];
}

/** Runs `fn`; a refusal it throws (not a 404 or a version conflict) names `article`. */
async function citing<T>(article: string | undefined, fn: () => Promise<T>): Promise<T> {
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
async function ownQuestionnaire(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(questionnaires).where(eq(questionnaires.id, id)).for('update');
  const role = row ? authorityIn(actor, row.jurisdictionId) : undefined;
  if (!row || !role) throw notVisible();
  return { row, role };
}

async function insertQuestions(tx: Tx, questionnaireId: string, questions: QuestionInput[]) {
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

function checkDesign(input: DesignInput) {
  const title = input.title.trim();
  if (title.length === 0) throw invalid('TITLE_REQUIRED', '请填写问卷标题', { field: 'title' });
  return { title, intro: (input.intro ?? '').trim(), questions: checkQuestions(input.questions) };
}

export async function createQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  input: DesignInput & { systemId: string; year: number },
): Promise<{ id: string }> {
  const actor = signedIn(ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'questionnaire.create', objectType: 'questionnaire' },
    async (tx, audit) => {
      const [system] = await tx
        .select({
          id: informationSystems.id,
          jurisdictionId: informationSystems.jurisdictionId,
          status: informationSystems.status,
        })
        .from(informationSystems)
        .where(eq(informationSystems.id, input.systemId));
      const role = system ? authorityIn(actor, system.jurisdictionId) : undefined;
      // Outside the caller's jurisdiction the system does not exist for it (the same 404).
      if (!system || !role) throw notFound('系统不存在或无权查看', 'SYSTEM_NOT_FOUND');
      const article = await questionnaireArticle(tx, system.jurisdictionId);
      const design = await citing(article, async () => {
        if (system.status === 'retired')
          throw conflict('SYSTEM_RETIRED', '系统已报废，不再开展满意度调查', { field: 'systemId' });
        return checkDesign(input);
      });
      const [row] = await tx
        .insert(questionnaires)
        .values({
          jurisdictionId: system.jurisdictionId,
          organisationId: role.organisationId,
          systemId: system.id,
          year: input.year,
          title: design.title,
          intro: design.intro,
          createdBy: actor.userId,
          createdAt: deps.clock.now(),
        })
        .returning({ id: questionnaires.id });
      await insertQuestions(tx, row.id, design.questions);
      audit.objectId = row.id;
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { systemId: system.id, year: input.year, questions: design.questions.length };
      return { id: row.id };
    },
  );
}

export async function updateQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: DesignInput & { version: number },
): Promise<void> {
  const actor = signedIn(ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'questionnaire.update', objectType: 'questionnaire', objectId: id },
    async (tx, audit) => {
      const { row, role } = await ownQuestionnaire(tx, actor, id);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      const article = await questionnaireArticle(tx, row.jurisdictionId);
      const design = await citing(article, async () => {
        if (row.status !== 'draft')
          throw conflict('QUESTIONNAIRE_NOT_DRAFT', '问卷已发布，不能再修改（可结束后另建问卷）');
        if (row.version !== input.version) throw versionConflict();
        return checkDesign(input);
      });
      await tx
        .update(questionnaires)
        .set({ title: design.title, intro: design.intro, version: row.version + 1 })
        .where(eq(questionnaires.id, id));
      // A draft has no answers: its questions are replaced as a whole.
      await tx.delete(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, id));
      await insertQuestions(tx, id, design.questions);
      audit.details = { questions: design.questions.length };
    },
  );
}

export async function publishQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { startsOn: string; endsOn: string; version: number },
): Promise<{ slug: string }> {
  const actor = signedIn(ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'questionnaire.publish', objectType: 'questionnaire', objectId: id },
    async (tx, audit) => {
      const { row, role } = await ownQuestionnaire(tx, actor, id);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      await citing(await questionnaireArticle(tx, row.jurisdictionId), async () => {
        if (row.status !== 'draft') throw conflict('QUESTIONNAIRE_NOT_DRAFT', '问卷已发布或已结束');
        if (row.version !== input.version) throw versionConflict();
        if (input.endsOn < input.startsOn)
          throw invalid('DATES_REVERSED', '结束日期不能早于开始日期', { field: 'endsOn' });
        if (input.endsOn < chinaDate(deps.clock.now()))
          throw invalid('ENDS_IN_PAST', '结束日期不能早于今天', { field: 'endsOn' });
      });
      const slug = slugFrom(randomBytes(10));
      await tx
        .update(questionnaires)
        .set({
          status: 'published',
          slug,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          publishedAt: deps.clock.now(),
          version: row.version + 1,
        })
        .where(eq(questionnaires.id, id));
      audit.details = { slug, startsOn: input.startsOn, endsOn: input.endsOn };
      return { slug };
    },
  );
}

export async function closeQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { version: number },
): Promise<void> {
  const actor = signedIn(ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'questionnaire.close', objectType: 'questionnaire', objectId: id },
    async (tx, audit) => {
      const { row, role } = await ownQuestionnaire(tx, actor, id);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      await citing(await questionnaireArticle(tx, row.jurisdictionId), async () => {
        if (row.status !== 'published')
          throw conflict('QUESTIONNAIRE_NOT_PUBLISHED', '只有已发布的问卷可以结束');
        if (row.version !== input.version) throw versionConflict();
      });
      await tx
        .update(questionnaires)
        .set({ status: 'closed', closedAt: deps.clock.now(), version: row.version + 1 })
        .where(eq(questionnaires.id, id));
    },
  );
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

/**
 * A public answer: only while the questionnaire is open (between its dates, not closed), one per
 * device and day, every answer checked against its question. The audit row names the
 * questionnaire, never the response.
 */
export async function submitResponse(
  deps: CommandDeps,
  ctx: CommandContext,
  slug: string,
  input: { deviceId: string; answers: AnswerInput[] },
): Promise<void> {
  await runCommand(
    deps,
    ctx,
    { action: 'questionnaire.answer', objectType: 'questionnaire' },
    async (tx, audit) => {
      const [row] = await tx
        .select({
          id: questionnaires.id,
          status: questionnaires.status,
          startsOn: questionnaires.startsOn,
          endsOn: questionnaires.endsOn,
          jurisdictionId: questionnaires.jurisdictionId,
        })
        .from(questionnaires)
        .where(eq(questionnaires.slug, slug));
      if (!row) throw notFound('问卷不存在', 'QUESTIONNAIRE_NOT_FOUND');
      audit.objectId = row.id;
      audit.jurisdictionId = row.jurisdictionId;
      await citing(await questionnaireArticle(tx, row.jurisdictionId), async () => {
        const now = deps.clock.now();
        const today = chinaDate(now);
        const phase = phaseOf(row, today);
        if (phase !== 'open')
          throw conflict(
            'QUESTIONNAIRE_NOT_OPEN',
            phase === 'scheduled'
              ? `问卷尚未开始，开放时间为 ${row.startsOn} 至 ${row.endsOn}`
              : '问卷已结束，感谢关注',
          );
        const rows = answerRows(await questionsOf(tx, row.id), input.answers);
        if (rows.length === 0) throw invalid('ANSWERS_EMPTY', '请至少回答一个问题', { field: 'answers' });
        const key = deviceKey(deps.auditKey, row.id, today, input.deviceId);
        const [response] = await tx
          .insert(questionnaireResponses)
          .values({ questionnaireId: row.id, deviceKey: key, answeredOn: today, createdAt: now })
          .onConflictDoNothing()
          .returning({ id: questionnaireResponses.id });
        if (!response)
          throw conflict('ALREADY_ANSWERED_TODAY', '本设备今天已提交过这份问卷，请明天再来', {
            field: 'deviceId',
          });
        await tx
          .insert(questionnaireAnswers)
          .values(rows.map((r) => ({ ...r, responseId: response.id, questionnaireId: row.id })));
      });
    },
  );
}
