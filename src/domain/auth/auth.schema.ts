import { z } from 'zod';
import { PermissionSchema } from '@/policy/permissions.ts';
import { RoleSchema } from '@/policy/roles.ts';
import { OrganisationSchema } from './organisations.schema.ts';

export const LoginSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'Enter the 6-digit code')
      .optional(),
    recoveryCode: z.string().trim().min(8).max(64).optional(),
  })
  .strict();
export type Login = z.infer<typeof LoginSchema>;

/** Languages of the web UI (web/src/i18n/<code>.json); a preference names one of them. */
export const UI_LANGUAGES = ['en', 'th', 'km', 'my', 'vi', 'id', 'bn', 'sw'] as const;
export const UiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

/** Calendars a user may see dates and years in (Unicode calendar identifiers, as `Intl` names them). */
export const CALENDARS = ['gregory', 'buddhist'] as const;
export const CalendarSchema = z.enum(CALENDARS);
export type Calendar = z.infer<typeof CalendarSchema>;

/**
 * Display preferences kept on the server, so nothing about them is stored on the device and they
 * survive logout: "Hide names", the calendar of every date and year, the UI language. A missing
 * key means "not chosen" (the UI uses the language's usual calendar and the browser's language).
 */
export const PreferencesSchema = z.object({
  hideNames: z.boolean().optional(),
  calendar: CalendarSchema.optional(),
  language: UiLanguageSchema.optional(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/**
 * `PATCH /api/me/preferences`: the keys to change; any other key is refused. `calendar: null`
 * forgets the choice (back to the language's usual calendar).
 */
export const PreferencesUpdateSchema = PreferencesSchema.extend({
  calendar: CalendarSchema.nullable().optional(),
})
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send at least one preference' });
export type PreferencesUpdate = z.infer<typeof PreferencesUpdateSchema>;

export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    totpEnabled: z.boolean(),
    platformAdmin: z.boolean(),
    /** An admin reset the password: only choosing a new one is possible until then. */
    mustChangePassword: z.boolean(),
  }),
  organisation: OrganisationSchema,
  role: RoleSchema,
  permissions: z.array(PermissionSchema),
  csrfToken: z.string(),
  totpEnrolmentRequired: z.boolean(),
  /** Until when security changes (2FA) need no new re-authentication; null when stale. */
  reauthenticatedUntil: z.string().nullable(),
  /** The user's display preferences (see PreferencesSchema). */
  preferences: PreferencesSchema,
});
export type Me = z.infer<typeof MeSchema>;

export const TotpSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetupSchema>;

export const TotpConfirmSchema = z
  .object({ code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code') })
  .strict();

export const TotpConfirmedSchema = z.object({ recoveryCodes: z.array(z.string()) });

/** Turning 2FA off needs a fresh re-authentication (POST /api/auth/reauth), not a body. */
export const TotpDisableSchema = z.object({}).strict();

/** A 6-digit TOTP code or a recovery code. */
const CodeSchema = z.string().trim().min(6).max(64);

export const ReauthSchema = z
  .object({ password: z.string().min(1).max(256), code: CodeSchema.optional() })
  .strict();
export type Reauth = z.infer<typeof ReauthSchema>;

export const ReauthenticatedSchema = z.object({ reauthenticatedUntil: z.string() });

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(12, 'Use at least 12 characters').max(256),
  })
  .strict();
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;
