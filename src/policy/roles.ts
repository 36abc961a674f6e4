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
];
/** Working on cases: caseworkers only on cases assigned to them (no `case.read_all`). */
const CASEWORK: readonly Permission[] = [
  'case.create',
  'case.read',
  'case.read_sensitive',
  'case.update',
  'consent.record',
];
/** Oversight of every case of the organisation. */
const OVERSIGHT: readonly Permission[] = ['case.read_all', 'case.assign', 'case.risk_list'];

/**
 * The one table that maps roles to permissions. Outreach staff see no case; viewers read the
 * organisation's cases without sensitive fields.
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
  ],
  supervisor: [...EVERYONE, ...CASEWORK, ...OVERSIGHT, 'user.read'],
  caseworker: [...EVERYONE, ...CASEWORK, 'user.read'],
  outreach: [...EVERYONE],
  viewer: [...EVERYONE, 'case.read', 'case.read_all'],
};

/** Extra permissions of an installation-wide platform admin (added to the membership role's). */
export const PLATFORM_ADMIN_PERMISSIONS: readonly Permission[] = ['platform.manage'];
