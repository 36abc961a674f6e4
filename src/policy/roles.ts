import { z } from 'zod';
import type { Permission } from './permissions.ts';

/** Roles a member of an organisation can hold. */
export const ROLES = ['admin', 'supervisor', 'caseworker', 'outreach', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const EVERYONE: readonly Permission[] = [
  'me.read',
  'me.update',
  'me.security',
  'organisation.read',
  'token.manage',
  // Every member finds services to refer a person to (outreach staff too: hotlines, shelters).
  'directory.read',
];
/** Working on cases: caseworkers only on cases assigned to them (no `case.read_all`). */
const CASEWORK: readonly Permission[] = [
  'case.create',
  'case.read',
  'case.read_sensitive',
  'case.update',
  'consent.record',
  'draft.use',
  'screening.read',
  'screening.write',
  'nrm.read',
  'nrm.write',
  // Referring a person to another organisation and answering the organisation's inbox.
  'referral.read',
  'referral.send',
  'referral.respond',
];
/** Oversight of every case of the organisation. */
const OVERSIGHT: readonly Permission[] = [
  'case.read_all',
  'case.assign',
  'case.risk_list',
  'screening.approve',
];

/** Prevention: reported job adverts of the organisation's countries, outreach sessions. */
const PREVENTION: readonly Permission[] = [
  'prevention.read',
  'prevention.review',
  'outreach.read',
  'outreach.write',
];

/**
 * The one table that maps roles to permissions. Outreach staff see no case and hold no API token;
 * viewers read the organisation's cases without sensitive fields. Screening (recording trafficking
 * indicators) is casework; approving a screening is oversight; an organisation's own screening
 * instruments are managed by its admins (new versions of the built-in ones by platform admins).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...EVERYONE,
    ...CASEWORK,
    ...OVERSIGHT,
    'organisation.manage',
    'organisation.security',
    'user.read',
    'user.manage',
    'user.admin',
    'audit.read',
    'screening_instrument.manage',
    ...PREVENTION,
    'directory.manage',
  ],
  supervisor: [...EVERYONE, ...CASEWORK, ...OVERSIGHT, ...PREVENTION, 'user.read'],
  caseworker: [...EVERYONE, ...CASEWORK, 'user.read'],
  // Outreach staff work with no case and no API: a token could only read their own profile.
  // They see prevention data (reported adverts, outreach sessions) and never a case.
  outreach: [...EVERYONE.filter((permission) => permission !== 'token.manage'), ...PREVENTION],
  // Viewers read screenings like the needs assessment (without evidence notes), never screen.
  viewer: [...EVERYONE, 'case.read', 'case.read_all', 'screening.read', 'nrm.read'],
};

/** An organisation's settings that switch permissions off for every member. */
export interface OrganisationSwitches {
  allowApiTokens: boolean;
}

/**
 * The permissions `role` holds in an organisation with `switches`: an organisation that does not
 * allow API tokens takes `token.manage` from everyone (the token form is gone, `POST /api/tokens`
 * is refused with `api_tokens_disabled`, and its existing tokens stop working).
 */
export function rolePermissionsIn(role: Role, switches: OrganisationSwitches): Permission[] {
  return ROLE_PERMISSIONS[role].filter(
    (permission) => permission !== 'token.manage' || switches.allowApiTokens,
  );
}

/** Whether `permission` is missing only because the organisation switched it off. */
export function switchedOffByOrganisation(role: Role | null, permission: Permission): boolean {
  return (
    permission === 'token.manage' && role !== null && ROLE_PERMISSIONS[role].includes(permission)
  );
}

/** Extra permissions of an installation-wide platform admin (added to the membership role's). */
export const PLATFORM_ADMIN_PERMISSIONS: readonly Permission[] = [
  'platform.manage',
  'nrm_deadline.manage',
  'prevention.assign',
  'directory.verify',
];
