/**
 * Notifications (issue 12), for every module:
 *  - `notify(tx, …)` inside a command transaction writes in-app notices (the bell);
 *  - `enqueueExternal(tx, channels, …)` queues an SMTP / webhook message once per key;
 *  - `deliverPending(deps, senders(config))` sends the queue (the platform jobs call it);
 *  - `usersOfOrganisations(q, orgIds, roles?)` finds the recipients of an organisation.
 */
export { configuredChannels, type OutboundMessage, type Sender, senders } from './channels.ts';
export { deliverPending } from './deliver.ts';
export {
  type ExternalMessage,
  enqueueExternal,
  type NotifyInput,
  notify,
  usersOfOrganisations,
} from './notify.ts';
export { registerNotificationRoutes } from './routes.ts';
export { type DeliveryChannel, notificationDeliveries, notifications } from './tables.ts';
