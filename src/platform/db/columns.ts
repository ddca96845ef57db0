/** Column builders shared by every module's tables.ts: instants with time zone, money in fen. */
import { bigint, timestamp } from 'drizzle-orm/pg-core';

export const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const fen = (name: string) => bigint(name, { mode: 'bigint' });
