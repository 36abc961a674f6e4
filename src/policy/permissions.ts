import { z } from 'zod';

/**
 * Every permission in Homeward: a closed union. Later modules add theirs here (and to the role
 * table in roles.ts) rather than checking roles themselves.
 */
export const PERMISSIONS = [
  'me.read',
  'me.update',
  'organisation.read',
  'organisation.manage',
  'user.read',
  'user.manage',
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
] as const;

export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

/** Permissions an API token with `scope` may exercise (intersected with the owner's role). */
export const SCOPE_PERMISSIONS: Record<'read' | 'write', readonly Permission[]> = {
  read: ['me.read', 'organisation.read', 'user.read', 'audit.read', 'case.read', 'case.read_all'],
  write: ['me.update', 'organisation.manage', 'user.manage', 'case.create', 'case.update'],
};
