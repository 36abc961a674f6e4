import { z } from 'zod';
import type { Permission } from './permissions.ts';

/** Roles a member of an organisation can hold. */
export const ROLES = ['admin', 'supervisor', 'caseworker', 'outreach', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const EVERYONE: readonly Permission[] = ['me.read', 'me.update', 'organisation.read', 'token.manage'];

/** The one table that maps roles to permissions. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...EVERYONE, 'organisation.manage', 'user.read', 'user.manage', 'audit.read'],
  supervisor: [...EVERYONE, 'user.read'],
  caseworker: [...EVERYONE],
  outreach: [...EVERYONE],
  viewer: [...EVERYONE],
};

/** Extra permissions of an installation-wide platform admin (added to the membership role's). */
export const PLATFORM_ADMIN_PERMISSIONS: readonly Permission[] = ['platform.manage'];
