/**
 * Builds the Fastify app: the platform as a plugin over an open database, a keyring and a clock.
 * src/server.ts is the thin shell that reads configuration and listens; tests call buildApp and
 * `app.inject()` with no port.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { systemsInOperation } from './acceptance/index.ts';
import { registerAcceptanceRoutes } from './acceptance/routes.ts';
import { ROUTE_ACCESS } from './access/matrix.ts';
import { checkpointWriter, registerAuditRoutes } from './audit/index.ts';
import { registerCalendarRoutes } from './calendar/routes.ts';
import { registerCatalogRoutes } from './catalog/http/routes.ts';
import type { Config } from './config.ts';
import { registerConstructionRoutes } from './construction/routes.ts';
import { dedupModule } from './dedup/index.ts';
import { DEMO_ACCOUNTS } from './demo/accounts.ts';
import { registerEvaluationRoutes } from './evaluation/index.ts';
import { registerFundsRoutes } from './funds/index.ts';
import { authPlugin, registerIdentityRoutes } from './identity/index.ts';
import { deliverPending, registerNotificationRoutes } from './notifications/index.ts';
import { runSweep } from './obligations/index.ts';
import { registerObligationRoutes } from './obligations/routes.ts';
import { registerOperationsRoutes } from './operations/index.ts';
import { registerOrgRoutes } from './org/index.ts';
import { registerPlanRoutes } from './plans/index.ts';
import type { Clock } from './platform/clock.ts';
import type { CommandDeps } from './platform/command.ts';
import type { Keyring } from './platform/crypto/keyring.ts';
import type { Database } from './platform/db/client.ts';
import { DomainError } from './platform/errors.ts';
import { registerErrorHandling } from './platform/http/errors.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { serializerCompiler, validatorCompiler } from './platform/http/validation.ts';
import { startJobs } from './platform/jobs.ts';
import { configuredChannels } from './platform/outbound/channels.ts';
import { registerProgressRoutes } from './progress/routes.ts';
import { sweepOrphanFiles } from './projects/commands/sweep-orphan-files.ts';
import { fileStore } from './projects/files.ts';
import { registerProjectRoutes } from './projects/routes.ts';
import { publicationRoutes } from './publication/index.ts';
import { ratingDistribution, registerQuestionnaireRoutes, satisfactionScore } from './questionnaire/index.ts';
import { encryptLegacyExpertIdentities } from './review/index.ts';
import { filingDecision } from './review/issue.ts';
import { registerReviewRoutes } from './review/routes.ts';
import { registerRulebookRoutes } from './rulebooks/index.ts';
import { registerWorkbenchRoutes } from './workbench/index.ts';
import { stepDecidedRegistry, stepEventRegistry } from './workflow/index.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppOptions {
  config: Config;
  database: Database;
  keyring: Keyring;
  clock: Clock;
  /** Folder of the encrypted attachments; default `<dataDir>/files` (shared storage with several servers). */
  filesDir?: string;
  /** Run the platform jobs (obligation sweep, outbound deliveries) on an interval: the server does. */
  jobs?: boolean;
  /** Pino logger options; false silences logging (tests). */
  logger?: boolean | object;
}

export type App = FastifyInstance;

/** Redaction keeps passwords, tokens and cookies out of the logs (SECURITY.md 6, 24). */
const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * What a request log line says about the request: method, path and client — never the query
 * string, where a misdirected form could put a password or a personal number (SECURITY.md 6, 24).
 */
export function serializeRequest(req: { method: string; url: string; ip?: string; id?: unknown }) {
  const query = req.url.indexOf('?');
  return {
    method: req.method,
    url: query < 0 ? req.url : `${req.url.slice(0, query)}?[query omitted]`,
    remoteAddress: req.ip,
  };
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database, keyring, clock } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: LOG_REDACT,
            serializers: { req: serializeRequest },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // A malformed URL (`/api/%zz`) is refused before routing: answer in the error contract, never
    // with Fastify's default body that echoes the URL (issue 9 item 15).
    frameworkErrors: (_error, req, reply: FastifyReply) => {
      reply
        .status(400)
        .header('cache-control', 'no-store')
        .send({ code: 'BAD_URL', message: '请求地址格式不正确', requestId: String(req.id) });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerInputGuard(app);

  const deps: CommandDeps = { db: database.db, clock, auditKey: keyring.auditKey };
  // Rows written before migration 0014 still name their expert in plaintext (SECURITY.md 30).
  await encryptLegacyExpertIdentities(deps, keyring);

  await app.register(swagger, {
    openapi: {
      info: {
        title: '统筹 · 政务信息化项目管理平台 API',
        version: '0.1.0',
        description:
          '所有错误返回 { code, message, field?, article?, requestId }；写操作须携带 x-csrf-token 请求头。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tc_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS inserts <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // An Error the error contract knows: a plain object thrown from the limiter became a 500
    // (issue 9 item 10).
    errorResponseBuilder: (_req, context) =>
      new DomainError(
        'rate_limited',
        'RATE_LIMITED',
        `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
      ) as unknown as object,
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', String(req.id));
    const url = req.routeOptions.url ?? req.url; // the matched route: `/%61pi/…` is an API route too
    if (url.startsWith('/api/') && !url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  // The authorization matrix is composed here and handed to the identity plugin, which enforces it.
  await app.register(authPlugin, { db: database.db, config, deps, routeAccess: ROUTE_ACCESS });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['平台'],
        summary: '健康检查',
        security: [],
        response: {
          200: Type.Object(
            { status: Type.Literal('ok'), database: Type.String() },
            { additionalProperties: false },
          ),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind }),
  );
  registerIdentityRoutes(app, deps, config, keyring);
  registerOrgRoutes(app, deps, keyring);
  registerAuditRoutes(app, deps, {
    exportMaxRows: config.auditExportMaxRows,
    anchor: { keyring, dir: config.auditArchiveDir },
  });
  registerCheckpointWriter(app, database, keyring, config.auditArchiveDir, clock);
  registerCalendarRoutes(app, deps);
  registerRulebookRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  const filesDir = options.filesDir ?? path.join(config.dataDir, 'files');
  registerOrphanSweep(app, deps, filesDir);
  const dedup = dedupModule();
  // What other modules do when a step decides, keyed by the step's action (src/workflow/README.md).
  const stepDecided = stepDecidedRegistry();
  stepDecided.onStepDecided('file_review', filingDecision(keyring));
  // … and when a step outcome of a given event is recorded, decided or recorded by a module.
  const stepEvents = stepEventRegistry();
  stepEvents.onStepEvent('acceptance_passed', systemsInOperation); // src/acceptance/effects.ts
  const projectDeps = {
    ...deps,
    keyring,
    files: fileStore(filesDir, keyring),
    stepDecided,
    stepEvents,
    onSubmitted: dedup.onSubmitted,
    beforeReviewConcludes: dedup.beforeReviewConcludes,
  };
  registerPlanRoutes(app, projectDeps);
  registerProjectRoutes(app, projectDeps);
  registerReviewRoutes(app, projectDeps);
  dedup.register(app, projectDeps);
  registerWorkbenchRoutes(app, projectDeps);
  registerConstructionRoutes(app, projectDeps);
  registerAcceptanceRoutes(app, projectDeps);
  registerOperationsRoutes(app, deps);
  // Efficacy evaluation reads the public questionnaire's satisfaction score (DT-30, SC-24, XZ-26).
  registerEvaluationRoutes(app, { ...deps, keyring, satisfactionScore, ratingDistribution });
  registerNotificationRoutes(app, deps, configuredChannels(config));
  registerObligationRoutes(app, projectDeps);
  if (options.jobs) {
    const stopJobs = startJobs(deps, config, runSweep, deliverPending, app.log);
    app.addHook('onClose', stopJobs);
  }
  registerFundsRoutes(app, projectDeps);
  registerQuestionnaireRoutes(app, deps);
  registerProgressRoutes(app, projectDeps);
  // Everything public without an account, over the modules above; the demo accounts only in demo mode.
  await app.register(publicationRoutes, {
    deps: { ...deps, keyring },
    demo: config.demo,
    demoAccounts: config.demo ? DEMO_ACCOUNTS : [],
    questionnaireRateLimitPerMinute: config.questionnaireRateLimitPerMinute,
  });

  await registerWeb(app);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Brings the audit checkpoint up to date now (also what a pending timer would do). */
    auditCheckpoint: { flush(): Promise<void> };
  }
}

/**
 * Keeps the signed audit checkpoint outside the database current (issue 9 item 4): at start, within
 * a second after requests, and at shutdown.
 */
function registerCheckpointWriter(app: App, database: Database, keyring: Keyring, dir: string, clock: Clock) {
  const writer = checkpointWriter(
    database.db,
    keyring,
    dir,
    () => clock.now(),
    (err, result) => app.log.error({ err, result }, 'audit checkpoint not advanced'),
  );
  app.decorate('auditCheckpoint', { flush: () => writer.flush() });
  app.addHook('onReady', () => writer.flush());
  app.addHook('onResponse', async () => writer.touch());
  app.addHook('preClose', () => writer.flush());
}

/** Removes attachment files no row references (issue 9 item 14): at start and every six hours. */
function registerOrphanSweep(app: App, deps: CommandDeps, folder: string) {
  const sweep = () =>
    sweepOrphanFiles(deps, folder).catch((err: unknown) =>
      app.log.error({ err }, 'orphan file sweep failed'),
    );
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(sweep, 6 * 3600_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}

/** Serves the built UI; any non-API GET that is not a file gets index.html (client-side routes). */
async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', requestId: String(req.id) });
    }
    if (!hasBuild) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('前端尚未构建：请运行 npm start 或 npm run build:web');
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
