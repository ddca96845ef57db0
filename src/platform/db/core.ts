/**
 * The core tables (jurisdictions, organisations, users, sessions; the audit trail's is in
 * src/platform/audit-log/tables.ts, the calendar's in src/calendar/tables.ts, rulebook versions in
 * src/rulebooks/tables.ts), apart from the barrel in schema.ts so that a module's tables.ts can
 * reference them without an import cycle (schema.ts re-exports every module's tables for drizzle).
 * Every file that reads these tables imports this file, not the barrel
 * (docs/decisions/0009-tables-surface.md).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ORGANISATION_KINDS, ROLE_CODES } from '../vocabulary.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const JURISDICTION_LEVELS = ['province', 'city', 'district', 'bureau'] as const;

export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => jurisdictions.id),
    /** The rulebook this jurisdiction runs under (DT, SC, JC, XZ or a derived one). */
    rulebookCode: text('rulebook_code'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('jurisdictions_code_uq').on(t.code),
    check('jurisdictions_level_ck', sql`${t.level} in ('province', 'city', 'district', 'bureau')`),
  ],
);

export { ORGANISATION_KINDS } from '../vocabulary.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** 统一社会信用代码 or internal code, optional. */
    code: text('code'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisations_jurisdiction_name_uq').on(t.jurisdictionId, t.name),
    check(
      'organisations_kind_ck',
      sql`${t.kind} in (${sql.raw(ORGANISATION_KINDS.map((kind) => `'${kind}'`).join(', '))})`,
    ),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    firstFailedLoginAt: timestamp('first_failed_login_at', { withTimezone: true, mode: 'date' }),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
    /** When an administrator last enabled the account: restarts the inactivity period (SECURITY.md 18). */
    enabledAt: timestamp('enabled_at', { withTimezone: true, mode: 'date' }),
    /** Why the account is disabled: 'admin' or 'inactive'. */
    disabledReason: text('disabled_reason'),
    /** Personal data (SECURITY.md 30, 34): SM4 envelopes bound to row and column, HMAC-SM3 blind indexes. */
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_bidx'),
    idNumberEnc: text('id_number_enc'),
    idNumberIndex: text('id_number_bidx'),
    /** TOTP second factor (SECURITY.md 4–5): secret as an SM4 envelope, last accepted time step. */
    totpSecretEnc: text('totp_secret_enc'),
    totpPendingEnc: text('totp_pending_enc'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, mode: 'date' }),
    totpLastStep: integer('totp_last_step'),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_phone_bidx_idx').on(t.phoneIndex),
    index('users_id_number_bidx_idx').on(t.idNumberIndex),
  ],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('role_assignments_uq').on(t.userId, t.role, t.organisationId),
    index('role_assignments_org_idx').on(t.organisationId),
    check(
      'role_assignments_role_ck',
      sql`${t.role} in (${sql.raw(ROLE_CODES.map((role) => `'${role}'`).join(', '))})`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SM3 of the session token: the token itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Key/value facts about this installation (first-start bootstrap, demo mode). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
