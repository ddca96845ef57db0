/**
 * 维护统建清单 / 负面清单: the authority (authority_reviewer, authority_leader) of a jurisdiction
 * adds and edits the entries of its jurisdiction; entries apply there and below. An entry is never
 * deleted (hits cite it): it is deactivated.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { visibleJurisdictions } from '../queries/list-entries.ts';
import type { EntryInput } from '../schemas.ts';
import { dedupListEntries } from '../tables.ts';

function keeperRole(actor: Actor, jurisdictionId: string) {
  return actor.assignments.find((a) => AUTHORITY.includes(a.role) && a.jurisdictionId === jurisdictionId);
}

function cleaned(input: EntryInput) {
  const phrases = [...new Set(input.phrases.map((p) => p.trim()).filter(Boolean))];
  if (phrases.length === 0) throw invalid('PHRASES_REQUIRED', '请至少填写一个关键词', { field: 'phrases' });
  const name = input.name.trim();
  const code = input.code.trim();
  if (name === '') throw invalid('NAME_REQUIRED', '请填写条目名称', { field: 'name' });
  if (code === '') throw invalid('CODE_REQUIRED', '请填写条目编号', { field: 'code' });
  return {
    code,
    name,
    description: (input.description ?? '').trim(),
    phrases,
    basis: (input.basis ?? '').trim(),
    active: input.active ?? true,
  };
}

export async function createListEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  input: EntryInput & { list: 'unified' | 'negative'; jurisdictionId?: string },
): Promise<string> {
  const actor = ctx.actor as Actor;
  return runCommand(
    deps,
    ctx,
    { action: 'dedup.list_entry_save', objectType: 'dedup_list_entry' },
    async (tx, audit) => {
      const target =
        input.jurisdictionId ?? actor.assignments.find((a) => AUTHORITY.includes(a.role))?.jurisdictionId;
      const role = target ? keeperRole(actor, target) : undefined;
      if (!target || !role) {
        throw invalid('JURISDICTION_NOT_MANAGED', '只能维护本级的统建清单、负面清单', {
          field: 'jurisdictionId',
        });
      }
      const values = cleaned(input);
      const [existing] = await tx
        .select({ id: dedupListEntries.id })
        .from(dedupListEntries)
        .where(
          and(
            eq(dedupListEntries.jurisdictionId, target),
            eq(dedupListEntries.list, input.list),
            eq(dedupListEntries.code, values.code),
          ),
        );
      if (existing) throw conflict('DUPLICATE_CODE', `条目编号“${values.code}”已存在`, { field: 'code' });
      const now = deps.clock.now();
      const [row] = await tx
        .insert(dedupListEntries)
        .values({
          jurisdictionId: target,
          list: input.list,
          ...values,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: dedupListEntries.id });
      audit.objectId = row.id;
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.jurisdictionId = target;
      audit.details = { list: input.list, code: values.code, name: values.name };
      return row.id;
    },
  );
}

export async function updateListEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: EntryInput & { version: number },
): Promise<void> {
  const actor = ctx.actor as Actor;
  await runCommand(
    deps,
    ctx,
    { action: 'dedup.list_entry_save', objectType: 'dedup_list_entry', objectId: id },
    async (tx, audit) => {
      const [entry] = await tx
        .select()
        .from(dedupListEntries)
        .where(eq(dedupListEntries.id, id))
        .for('update');
      const visible = entry ? (await visibleJurisdictions(tx, actor)).includes(entry.jurisdictionId) : false;
      if (!entry || !visible) throw notFound('条目不存在或无权查看', 'DEDUP_ENTRY_NOT_FOUND');
      const role = keeperRole(actor, entry.jurisdictionId);
      if (!role) throw forbidden('只有该级主管部门可以修改本条目', 'NOT_LIST_KEEPER');
      if (entry.version !== input.version) {
        throw versionConflict();
      }
      const values = cleaned(input);
      if (values.code !== entry.code) {
        const [clash] = await tx
          .select({ id: dedupListEntries.id })
          .from(dedupListEntries)
          .where(
            and(
              eq(dedupListEntries.jurisdictionId, entry.jurisdictionId),
              eq(dedupListEntries.list, entry.list),
              eq(dedupListEntries.code, values.code),
            ),
          );
        if (clash) throw conflict('DUPLICATE_CODE', `条目编号“${values.code}”已存在`, { field: 'code' });
      }
      await tx
        .update(dedupListEntries)
        .set({ ...values, updatedAt: deps.clock.now(), version: sql`${dedupListEntries.version} + 1` })
        .where(eq(dedupListEntries.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.jurisdictionId = entry.jurisdictionId;
      audit.details = { list: entry.list, code: values.code, name: values.name, active: values.active };
    },
  );
}
