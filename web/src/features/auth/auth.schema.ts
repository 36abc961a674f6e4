/**
 * The auth contract, shared with the server: forms validate with the server's own Zod schemas
 * before sending (STYLE.md). Only `*.schema.ts` files (zod and nothing else) are imported from
 * `src/`, never services.
 */
export {
  LoginSchema,
  MeSchema,
  PasswordChangeSchema,
  PreferencesSchema,
  PreferencesUpdateSchema,
  ReauthSchema,
  TotpConfirmSchema,
  type Login,
  type Me,
  CALENDARS,
  type PasswordChange,
  type Calendar,
  type Preferences,
  type PreferencesUpdate,
  type Reauth,
  type TotpSetup,
} from '@/domain/auth/auth.schema.ts';
export { RoleSchema, type Role } from '@/policy/roles.ts';

/** Permissions the UI uses to show or hide navigation and actions. */
export type UiPermission =
  | 'user.manage'
  | 'user.admin'
  | 'audit.read'
  | 'organisation.manage'
  | 'organisation.security'
  | 'me.security'
  | 'case.create'
  | 'case.read'
  | 'case.read_all'
  | 'case.read_sensitive'
  | 'case.update'
  | 'case.assign'
  | 'case.risk_list'
  | 'consent.record'
  | 'screening.read'
  | 'screening.write'
  | 'screening.approve'
  | 'screening_instrument.manage'
  | 'nrm.read'
  | 'nrm.write'
  | 'nrm_deadline.manage'
  | 'prevention.read'
  | 'prevention.review'
  | 'prevention.assign'
  | 'outreach.read'
  | 'outreach.write'
  | 'directory.read'
  | 'directory.manage'
  | 'directory.verify'
  | 'token.manage';
