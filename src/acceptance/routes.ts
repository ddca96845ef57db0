/**
 * Acceptance over HTTP: 延期验收 requests and decisions, the planned acceptance date (thin handlers
 * over src/acceptance/commands/ and src/acceptance/queries/extensions.ts).
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { errors, Literals, Nullable, strict, Uuid, VersionInput } from '../platform/http/schemas.ts';
import { loadWorkflowEnv, visibleContext } from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { decideExtension } from './commands/decide-extension.ts';
import { recordPlannedAcceptance } from './commands/record-planned-acceptance.ts';
import { requestExtension } from './commands/request-extension.ts';
import { extensionsView } from './queries/extensions.ts';

const TAGS = ['验收'];
const S = Type.String();
const IsoDate = Type.String({ format: 'date', maxLength: 10 });
const DeadlineId = Type.String({ minLength: 1, maxLength: 100 });
const Params = Type.Object({ id: Uuid }, strict);
const ExtensionParams = Type.Object({ id: Uuid, extensionId: Uuid }, strict);
const N = Nullable(Type.Integer());

const ExtensionsView = Type.Object(
  {
    deadlines: Type.Array(
      Type.Object(
        {
          deadlineId: S,
          name: S,
          articles: Type.Array(S),
          decidedByName: S,
          plannedDateAnchor: Type.Boolean(),
          limitsNote: Nullable(S),
          maxRequests: N,
          maxCalendarMonths: N,
          obligation: Nullable(
            Type.Object(
              {
                id: S,
                state: S,
                anchorDate: S,
                dueDate: Nullable(S),
                extendedFrom: Nullable(S),
                remainingWorkingDays: N,
                calendarUnknown: Type.Boolean(),
              },
              strict,
            ),
          ),
        },
        strict,
      ),
    ),
    items: Type.Array(
      Type.Object(
        {
          id: S,
          deadlineId: S,
          reason: S,
          requestedUntil: S,
          dueDateBefore: Nullable(S),
          requestedOn: S,
          state: S,
          decidedOn: Nullable(S),
          decisionNote: Nullable(S),
          version: Type.Integer(),
        },
        strict,
      ),
    ),
  },
  strict,
);

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerAcceptanceRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.get(
    '/api/projects/:id/acceptance-extensions',
    {
      schema: {
        tags: TAGS,
        summary: '延期验收申请及验收期限（到期日、剩余工作日）',
        params: Params,
        response: { 200: ExtensionsView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      const { pc } = await visibleContext(deps.db, e, actorOf(req), id);
      return extensionsView(deps.db, e, pc);
    },
  );

  app.post(
    '/api/projects/:id/acceptance-extensions',
    {
      schema: {
        tags: TAGS,
        summary: '提出延期验收申请（原因、申请延期至）',
        params: Params,
        body: Type.Object(
          { deadlineId: DeadlineId, until: IsoDate, reason: Type.String({ minLength: 1, maxLength: 2000 }) },
          strict,
        ),
        response: { 201: Type.Object({ id: S }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const rid = await requestExtension(deps, commandContext(req), await env(), id, req.body);
      return reply.status(201).send({ id: rid });
    },
  );

  app.post(
    '/api/projects/:id/acceptance-extensions/:extensionId/decision',
    {
      schema: {
        tags: TAGS,
        summary: '审批延期验收申请：同意（到期日顺延）或不同意',
        params: ExtensionParams,
        body: Type.Object(
          {
            decision: Literals(['grant', 'refuse']),
            note: Type.String({ maxLength: 2000 }),
            version: VersionInput,
          },
          strict,
        ),
        response: { 200: Type.Object({ ok: Type.Boolean(), dueDate: Nullable(S) }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, extensionId } = req.params;
      const { dueDate } = await decideExtension(
        deps,
        commandContext(req),
        await env(),
        id,
        extensionId,
        req.body,
      );
      return { ok: true, dueDate };
    },
  );

  app.post(
    '/api/projects/:id/acceptance-plan',
    {
      schema: {
        tags: TAGS,
        summary: '登记批复的计划验收日期（按期申请验收的期限由此起算）',
        params: Params,
        body: Type.Object({ deadlineId: DeadlineId, plannedOn: IsoDate }, strict),
        response: { 201: Type.Object({ id: S }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const oid = await recordPlannedAcceptance(deps, commandContext(req), await env(), id, req.body);
      return reply.status(201).send({ id: oid });
    },
  );
}
