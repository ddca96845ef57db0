/** The notice of the caller's authority, or 404 (another jurisdiction's looks absent). */
import { eq } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { publicityNotices } from '../tables.ts';

export async function ownNotice(tx: Queryable, actor: Actor, id: string, lock = false) {
  const base = tx.select().from(publicityNotices).where(eq(publicityNotices.id, id));
  const [notice] = lock ? await base.for('update') : await base;
  const orgs = actor.assignments.filter((a) => AUTHORITY.includes(a.role)).map((a) => a.organisationId);
  if (!notice || !orgs.includes(notice.organisationId))
    throw notFound('公示不存在或无权查看', 'NOTICE_NOT_FOUND');
  return notice;
}
