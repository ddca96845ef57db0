/**
 * Notifications (issue 12), for every module:
 *  - `notify(tx, …)` inside a command transaction writes in-app notices (the bell);
 *  - `enqueueExternal(tx, channels, …)` queues an SMTP / webhook message once per key;
 *  - `deliverPending(deps, senders(config))` sends the queue (src/app.ts hands it to the platform jobs);
 *  - `usersOfOrganisations(q, orgIds, roles?)` finds the recipients of an organisation;
 *  - `isFilingStep` / `filingNoticeKind`: which rulebook steps announce their decision as 备案;
 *  - the routes plugin, its matrix rows (NOTIFICATION_ACCESS, composed by src/access/matrix.ts) and
 *    the `notifications` / `notification_deliveries` tables for other modules' reads.
 * The channels themselves (SMTP, webhook) are the platform's: src/platform/outbound/channels.ts.
 */
export type { DeliveryChannel } from '../platform/outbound/channels.ts';
export { NOTIFICATION_ACCESS } from './access.ts';
export { type DeliveryResult, deliverPending } from './commands/deliver-pending.ts';
export { filingNoticeKind, isFilingStep } from './model.ts';
export {
  type ExternalMessage,
  enqueueExternal,
  type NotifyInput,
  notify,
  usersOfOrganisations,
} from './notify.ts';
export { registerNotificationRoutes } from './routes.ts';
export { notificationDeliveries, notifications } from './tables.ts';
