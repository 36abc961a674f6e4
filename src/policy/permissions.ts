import { z } from 'zod';

/**
 * Every permission in Homeward: a closed union. Later modules add theirs here, classify them in
 * PERMISSION_CLASS below (the compiler insists) and add them to the role table in roles.ts,
 * rather than checking roles themselves.
 */
export const PERMISSIONS = [
  'me.read',
  'me.update',
  'me.security',
  'organisation.read',
  'organisation.manage',
  'organisation.security',
  'user.read',
  'user.manage',
  'user.admin',
  'audit.read',
  'token.manage',
  'platform.manage',
  'case.create',
  'case.read',
  'case.read_all',
  'case.read_sensitive',
  'case.update',
  'case.assign',
  'case.risk_list',
  'consent.record',
  'draft.use',
  'screening.read',
  'screening.write',
  'screening.approve',
  'screening_instrument.manage',
  'nrm.read',
  'nrm.write',
  'nrm_deadline.manage',
  'prevention.read',
  'prevention.review',
  'prevention.assign',
  'outreach.read',
  'outreach.write',
  'directory.read',
  'directory.manage',
  'directory.verify',
  'referral.read',
  'referral.send',
  'referral.respond',
] as const;

export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

/** API token scopes. A token may exercise the permissions of its scopes' classes. */
export const TOKEN_SCOPES = ['read', 'write', 'sensitive'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/**
 * What kind of power each permission is. `session-only` permissions (security settings, 2FA,
 * passwords, admins, tokens, the installation) need a person in a browser session: no API token
 * can ever hold them. Every permission must be classified, so a new one cannot silently be
 * missing from token scopes or silently reachable by them.
 */
export const PERMISSION_CLASS = {
  'me.read': 'read',
  'me.update': 'write',
  'me.security': 'session-only',
  'organisation.read': 'read',
  'organisation.manage': 'write',
  'organisation.security': 'session-only',
  'user.read': 'read',
  'user.manage': 'write',
  'user.admin': 'session-only',
  'audit.read': 'read',
  'token.manage': 'session-only',
  'platform.manage': 'session-only',
  'case.create': 'write',
  'case.read': 'read',
  'case.read_all': 'read',
  'case.read_sensitive': 'sensitive',
  'case.update': 'write',
  'case.assign': 'write',
  'case.risk_list': 'read',
  'consent.record': 'write',
  // Drafts are the browser's unsaved form input: a person typing, never an API client.
  'draft.use': 'session-only',
  'screening.read': 'read',
  'screening.write': 'write',
  'screening.approve': 'write',
  'screening_instrument.manage': 'write',
  'nrm.read': 'read',
  'nrm.write': 'write',
  // Installation-wide NRM figures and holidays: a platform admin in person.
  'nrm_deadline.manage': 'session-only',
  // Prevention: reported job adverts (anonymous, never survivor data) and outreach sessions.
  'prevention.read': 'read',
  'prevention.review': 'write',
  // Which organisations review the reports of which countries: a platform admin in person.
  'prevention.assign': 'session-only',
  'outreach.read': 'read',
  'outreach.write': 'write',
  // The service directory: organisations' services (never survivor data).
  'directory.read': 'read',
  'directory.manage': 'write',
  // Verifying organisations and listing external ones: a platform admin in person.
  'directory.verify': 'session-only',
  // Referrals: the inbox and outbox (the packet itself also needs `case.read_sensitive`),
  // referring a person, and answering a referral for the recipient organisation.
  'referral.read': 'read',
  'referral.send': 'write',
  'referral.respond': 'write',
} as const satisfies Record<Permission, TokenScope | 'session-only'>;

/** The permissions an API token with `scopes` may exercise (before intersecting with its owner's). */
export function tokenScopePermissions(scopes: readonly string[]): ReadonlySet<Permission> {
  const wanted = new Set(scopes);
  return new Set(PERMISSIONS.filter((p) => wanted.has(PERMISSION_CLASS[p])));
}
