import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ORGANISATION_TYPES } from '@/domain/auth/organisations.schema.ts';
import { TOKEN_SCOPES } from '@/policy/permissions.ts';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Tenants: every organisation's data is scoped by `organisation_id`. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    country: text().notNull(),
    type: text({ enum: ORGANISATION_TYPES }).notNull(),
    requireTotp: boolean().notNull().default(false),
    /** Whether members may create personal API tokens (enforced by the server, not only hidden). */
    allowApiTokens: boolean().notNull().default(true),
    /** Months after return at which follow-ups are scheduled. */
    followUpMonths: integer()
      .array()
      .notNull()
      .default(sql`'{1,3,6,12}'::int[]`),
    /** Next case number (per organisation), see cases.repository.ts. */
    nextCaseSeq: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex('organisations_name_key').on(sql`lower(${t.name})`)],
);

/** People who log in. Emails are stored lower-cased. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey(),
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    /** TOTP secret, field-encrypted (see src/lib/crypto.ts). */
    totpSecretEnc: text(),
    /** Secret of an enrolment started but not yet confirmed, field-encrypted. */
    totpPendingEnc: text(),
    /** Last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: bigint({ mode: 'number' }),
    platformAdmin: boolean().notNull().default(false),
    /** Set by an admin's password reset: the user must choose a new password before anything else. */
    mustChangePassword: boolean().notNull().default(false),
    /**
     * Display preferences that survive logout (hide names, calendar, language): kept on the
     * server so that nothing about the person's work stays in the browser's storage.
     */
    preferences: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: text().notNull(),
    disabled: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_org_user_key').on(t.organisationId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    csrfToken: text().notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
    lastSeenAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Last time the user proved their password (and 2FA code) in this session; login counts. */
    reauthenticatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
  ],
);

/** API tokens for machine clients; only the SHA-256 of the secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    tokenHash: text().notNull(),
    scopes: text({ enum: TOKEN_SCOPES }).array().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    index('api_tokens_org_user_idx').on(t.organisationId, t.userId),
  ],
);

/** Failed-login counters per client address and per account, for throttling. */
export const authThrottle = pgTable('auth_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
});
