/** Column helpers shared by the operations tables. */
import { date, timestamp, uuid } from 'drizzle-orm/pg-core';
import { informationSystems } from '../../catalog/tables.ts';
import { users } from '../../identity/tables.ts';
import { organisations } from '../../platform/db/core.ts';

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const calendarDate = (name: string) => date(name, { mode: 'string' });
export const userRef = (name: string) => uuid(name).references(() => users.id);
export const orgRef = (name: string) => uuid(name).references(() => organisations.id);
export const systemRef = () =>
  uuid('system_id')
    .notNull()
    .references(() => informationSystems.id);
