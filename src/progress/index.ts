/** Progress reports with variance and risk, adjustment applications (调整申请) — issue 12. */
export { PROGRESS_ACCESS } from './access.ts';
export { registerProgressRoutes } from './routes.ts';
