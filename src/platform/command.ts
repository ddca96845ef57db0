/**
 * The audited write path. Every write in the codebase runs inside `runCommand`: one transaction
 * holding the business change and its audit row (SECURITY.md 22). A refusal (a gate, a missing
 * permission, a version conflict) rolls the change back and is then audited in a transaction of
 * its own, with the rule's code and article.
 */

import type { Actor } from './actor.ts';
import type { AuditAction, AuditOutcome } from './audit-log/events.ts';
import { appendAudit } from './audit-log/record.ts';
import type { Clock } from './clock.ts';
import type { Db, Tx } from './db/client.ts';
import { DomainError } from './errors.ts';

export interface CommandDeps {
  db: Db;
  clock: Clock;
  auditKey: Buffer;
}

/** Who asks, from where: taken from the request, or a system context for start-up tasks. */
export interface CommandContext {
  actor: Actor | null;
  sourceIp: string | null;
  requestId: string | null;
}

export const SYSTEM_CONTEXT: CommandContext = { actor: null, sourceIp: null, requestId: null };

/** What the audit row says about the command; the command fills in the object and details. */
export interface AuditDraft {
  action: AuditAction;
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, unknown>;
  /** The role the actor acts in; defaults to the actor's first assignment. */
  role?: string | null;
  organisationId?: string | null;
  jurisdictionId?: string | null;
  /** Set to 'failure' by commands that commit a failed attempt (e.g. a wrong password). */
  outcome?: AuditOutcome;
  /** Overrides the actor for commands run before there is a session (login). */
  actorUserId?: string | null;
  actorName?: string | null;
}

function auditEntry(deps: CommandDeps, ctx: CommandContext, draft: AuditDraft, outcome: AuditOutcome) {
  const first = ctx.actor?.assignments[0];
  return {
    at: deps.clock.now(),
    actorUserId: draft.actorUserId !== undefined ? draft.actorUserId : (ctx.actor?.userId ?? null),
    actorName: draft.actorName !== undefined ? draft.actorName : (ctx.actor?.username ?? null),
    role: draft.role !== undefined ? draft.role : (first?.role ?? null),
    organisationId:
      draft.organisationId !== undefined ? draft.organisationId : (first?.organisationId ?? null),
    jurisdictionId:
      draft.jurisdictionId !== undefined ? draft.jurisdictionId : (first?.jurisdictionId ?? null),
    action: draft.action,
    objectType: draft.objectType ?? null,
    objectId: draft.objectId ?? null,
    outcome,
    sourceIp: ctx.sourceIp,
    requestId: ctx.requestId,
    details: draft.details ?? null,
  };
}

/**
 * Error kinds that are recorded as refused/denied attempts in the audit trail: a missing permission
 * and an object the caller may not see (answered 404) are `denied`, a rule or conflict `refused`.
 */
const AUDITED_REFUSALS = new Set(['refused', 'forbidden', 'conflict', 'not_found']);

/** Errors already written to the audit trail, so the HTTP edge does not record them twice. */
const auditedErrors = new WeakSet<object>();
export function markAudited(err: object): void {
  auditedErrors.add(err);
}
export function isAudited(err: object): boolean {
  return auditedErrors.has(err);
}

export async function runCommand<T>(
  deps: CommandDeps,
  ctx: CommandContext,
  draft: AuditDraft,
  fn: (tx: Tx, audit: AuditDraft) => Promise<T>,
): Promise<T> {
  try {
    return await deps.db.transaction(async (tx) => {
      const result = await fn(tx, draft);
      await appendAudit(tx, deps.auditKey, auditEntry(deps, ctx, draft, draft.outcome ?? 'success'));
      return result;
    });
  } catch (err) {
    if (err instanceof DomainError && AUDITED_REFUSALS.has(err.kind)) {
      const outcome: AuditOutcome =
        err.kind === 'forbidden' || err.kind === 'not_found' ? 'denied' : 'refused';
      const details = { ...draft.details, code: err.code, ...(err.article ? { article: err.article } : {}) };
      await deps.db.transaction((tx) =>
        appendAudit(tx, deps.auditKey, auditEntry(deps, ctx, { ...draft, details }, outcome)),
      );
      markAudited(err);
    }
    throw err;
  }
}

/** Records an event that changes nothing else (an audit query, a download, a denied request). */
export function recordEvent(deps: CommandDeps, ctx: CommandContext, draft: AuditDraft): Promise<void> {
  return runCommand(deps, ctx, draft, async () => undefined);
}
