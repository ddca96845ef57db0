/**
 * The identity module's tables (decision 0009: its table-only second surface): accounts, their
 * role assignments, password history and server-side sessions, and the second factor (SECURITY.md 4–5): one-time
 * recovery codes (keyed digests only) and pending logins between the password step and the
 * second-factor step (SM3 of the token only). Other modules' tables reference `users` from here;
 * any other file outside src/identity reads them through src/identity/index.ts.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stamp } from '../platform/db/columns.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { ROLE_CODES } from '../platform/vocabulary.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: stamp('password_changed_at').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    firstFailedLoginAt: stamp('first_failed_login_at'),
    lockedUntil: stamp('locked_until'),
    lastLoginAt: stamp('last_login_at'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /** When an administrator last enabled the account: restarts the inactivity period (SECURITY.md 18). */
    enabledAt: stamp('enabled_at'),
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
    totpEnabledAt: stamp('totp_enabled_at'),
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
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
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
    createdAt: stamp('created_at').notNull().defaultNow(),
    lastSeenAt: stamp('last_seen_at').notNull(),
    expiresAt: stamp('expires_at').notNull(),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    revokedAt: stamp('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** HMAC-SM3 digest (src/identity/recovery-codes.ts); the code itself is shown once and never stored. */
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** A password that was right, waiting for the second factor: not a session, lives five minutes. */
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true, mode: 'date' }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
  },
  (t) => [index('mfa_challenges_user_idx').on(t.userId)],
);

/**
 * Who holds which role at which organisation: read by the session check to build the Actor, granted
 * and revoked by the security administrator through org's commands (三员分立, src/access/policy.ts).
 */
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
    createdAt: stamp('created_at').notNull().defaultNow(),
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
