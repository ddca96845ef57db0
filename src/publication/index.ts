/**
 * src/publication — everything public without an account: the login page's facts, open resources,
 * 公示 with anonymous objections, questionnaires, the published assessment results. Its plugin is
 * registered by src/app.ts with the demo accounts and the rate limit from the configuration; the
 * data comes from the owning modules' index.ts. src/access/matrix.ts composes PUBLICATION_ACCESS.
 */
export { PUBLICATION_ACCESS } from './access.ts';
export type { DemoAccount } from './presenter.ts';
export { PLATFORM_NAME, type PublicationOptions, publicationRoutes } from './routes.ts';
