import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden, refused, versionConflict } from '../../platform/errors.ts';
import {
  applicantTurn,
  editorRole,
  insertAction,
  type ProjectDeps,
  projectCommand,
} from '../../workflow/index.ts';
import { projectColumns, validateApplication, writeChildren } from '../application.ts';
import type { WorkflowEnv } from '../env.ts';
import type { UpdateProjectInput } from '../schemas.ts';
import { projects } from '../tables.ts';

export async function updateProject(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: UpdateProjectInput,
): Promise<void> {
  const { version, ...application } = input;
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    {
      action: 'project.update',
      objectType: 'project',
      objectId: id,
      details: { fields: Object.keys(application) },
    },
    async ({ tx, actor, pc, actingAs }) => {
      const role = editorRole(actor, pc);
      if (!role) throw forbidden('只有申报单位的经办人员可以修改申报内容', 'NOT_APPLICANT');
      actingAs(role);
      if (pc.bundle.project.version !== version) {
        throw versionConflict();
      }
      if (!applicantTurn(pc)) {
        throw conflict('NOT_EDITABLE', '项目已提交审核，退回或撤回后才能修改');
      }
      const directory = pc.directory;
      await validateApplication(
        tx,
        directory,
        {
          organisationId: pc.bundle.project.ownerOrganisationId,
          jurisdictionId: pc.bundle.project.jurisdictionId,
        },
        application,
        {
          projectId: id,
          totalBudgetFen: pc.bundle.project.totalBudgetFen,
          budgetYears: pc.bundle.budgetYears,
        },
        { actor, env },
      );
      const scope = pc.rulebook.scope;
      if (scope?.excludesClassified && application.classified === true) {
        throw refused('PROJECT_CLASSIFIED', scope.classifiedRefusal, scope.articles[0], {
          field: 'classified',
        });
      }
      const columns = projectColumns(application, deps.keyring, id);
      if (Object.keys(columns).length > 0) await tx.update(projects).set(columns).where(eq(projects.id, id));
      await writeChildren(tx, id, application);
      await insertAction(tx, env, actor, id, {
        kind: 'updated',
        role,
        details: { fields: Object.keys(application) },
      });
    },
  );
}
