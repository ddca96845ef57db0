import { randomUUID } from 'node:crypto';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { forbidden, invalid, refused } from '../../platform/errors.ts';
import { nextNumber } from '../../platform/numbering.ts';
import { insertAction, type ProjectDeps, refreshProject } from '../../workflow/index.ts';
import { projectColumns, validateApplication, writeChildren } from '../application.ts';
import { loadDirectory, rulebookCodeOf, type WorkflowEnv } from '../env.ts';
import type { CreateProjectInput } from '../schemas.ts';
import { projects } from '../tables.ts';

// ---- create / update ----------------------------------------------------------------------------

export async function createProject(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  input: CreateProjectInput,
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(deps, ctx, { action: 'project.create', objectType: 'project' }, async (tx, audit) => {
    const role = input.organisationId
      ? actor.assignments.find((a) => a.role === 'dept_staff' && a.organisationId === input.organisationId)
      : actor.assignments.find((a) => a.role === 'dept_staff');
    if (!role) throw forbidden('只能以本人所在部门的名义申报', 'ORGANISATION_NOT_OWN');
    audit.role = role.role;
    audit.organisationId = role.organisationId;
    audit.jurisdictionId = role.jurisdictionId;
    const directory = await loadDirectory(tx);
    const code = rulebookCodeOf(directory, role.jurisdictionId);
    if (!code || !env.catalog.codes.has(code)) {
      throw invalid('NO_RULEBOOK', '所在行政区划尚未配置适用的规则集，暂不能申报项目');
    }
    let rulebook = env.catalog.registry.get(code);
    try {
      rulebook = env.catalog.registry.forDate(code, env.today);
    } catch {
      // a rulebook not yet in force: the latest version applies
    }
    const { organisationId: _org, ...application } = input;
    const scope = rulebook.scope;
    if (scope?.excludesClassified && application.classified === true) {
      throw refused('PROJECT_CLASSIFIED', scope.classifiedRefusal, scope.articles[0], {
        field: 'classified',
      });
    }
    await validateApplication(
      tx,
      directory,
      { organisationId: role.organisationId, jurisdictionId: role.jurisdictionId },
      application,
      { projectId: null, totalBudgetFen: 0n, budgetYears: [] },
      { actor, env },
    );
    const jurisdiction = directory.jurisdictions.find((j) => j.id === role.jurisdictionId)!;
    const year = Number(env.today.slice(0, 4));
    const seq = await nextNumber(tx, role.jurisdictionId, 'project', year);
    const projectCode = `${jurisdiction.code}-${year}-${String(seq).padStart(4, '0')}`;
    const id = randomUUID();
    const columns = projectColumns(application, deps.keyring, id);
    await tx.insert(projects).values({
      ...columns,
      id,
      code: projectCode,
      jurisdictionId: role.jurisdictionId,
      rulebookCode: rulebook.id,
      rulebookVersion: rulebook.version,
      ownerOrganisationId: role.organisationId,
      createdBy: actor.userId,
      name: input.name.trim(),
      type: input.type,
      category: input.category,
      fundingMode: input.fundingMode,
      totalBudgetFen: columns.totalBudgetFen ?? 0n,
      createdAt: env.now,
      updatedAt: env.now,
    });
    await writeChildren(tx, id, application);
    await insertAction(tx, env, actor, id, { kind: 'created', role, details: { code: projectCode } });
    await refreshProject(tx, env, id);
    audit.objectId = id;
    audit.details = { code: projectCode, rulebook: `${rulebook.id}@${rulebook.version}` };
    return id;
  });
}
