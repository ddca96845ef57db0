/** What anyone may read without an account: the login page's facts (demo accounts in demo mode). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES } from '../access/index.ts';
import type { Config } from '../config.ts';
import { DEMO_ACCOUNTS } from '../demo/accounts.ts';
import type { CommandDeps } from '../platform/command.ts';

const DemoAccount = Type.Object(
  {
    username: Type.String(),
    password: Type.String(),
    displayName: Type.String(),
    roleNames: Type.Array(Type.String()),
    jurisdictionName: Type.String(),
    organisationName: Type.String(),
  },
  { additionalProperties: false },
);

export function registerPublicRoutes(app: FastifyInstance, _deps: CommandDeps, config: Config): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/public/login-info',
    {
      schema: {
        tags: ['平台'],
        summary: '登录页信息（演示模式下列出演示账户）',
        security: [],
        response: {
          200: Type.Object(
            { demo: Type.Boolean(), platformName: Type.String(), demoAccounts: Type.Array(DemoAccount) },
            { additionalProperties: false },
          ),
        },
      },
    },
    async () => ({
      demo: config.demo,
      platformName: '统筹 · 政务信息化项目管理平台',
      demoAccounts: config.demo
        ? DEMO_ACCOUNTS.map((a) => ({
            username: a.username,
            password: a.password,
            displayName: a.displayName,
            roleNames: [ROLE_NAMES[a.role]],
            jurisdictionName: a.jurisdictionName,
            organisationName: a.organisationName,
          }))
        : [],
    }),
  );
}
