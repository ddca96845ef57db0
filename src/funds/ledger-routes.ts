/** The project's money page: budget steps, review, ledger (by year, construction / O&M), disbursements. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../platform/actor.ts';
import { errors } from '../platform/http/schemas.ts';
import { loadWorkflowEnv } from '../projects/index.ts';
import type { FundsDeps } from './commands/support.ts';
import { fundsView } from './queries/funds-view.ts';
import { FundsView, ProjectParams } from './schemas.ts';

const TAGS = ['资金管理'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerLedgerRoutes(root: FastifyInstance, deps: FundsDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.get(
    '/api/funds/projects/:id',
    {
      schema: {
        tags: TAGS,
        summary: '项目资金：预算评审、分担、台账（按年度，建设/运维）、拨付与例外处理',
        params: ProjectParams,
        response: { 200: FundsView, ...errors },
      },
    },
    async (req) => fundsView(deps.db, await env(), actorOf(req), req.params.id),
  );
}
