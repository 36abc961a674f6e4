import type { Actor } from '@/lib/context.ts';
import type { Permission } from '@/policy/permissions.ts';
import { PLATFORM_ADMIN_PERMISSIONS, rolePermissionsIn } from '@/policy/roles.ts';
import type { ActingPrincipal, Principal } from './auth.repository.ts';

/** A full principal (as login reads it) narrowed to what acting needs. */
export function actingAs(p: Principal): ActingPrincipal {
  const { id, email, displayName, platformAdmin, mustChangePassword, preferences } = p.user;
  return {
    user: {
      id,
      email,
      displayName,
      platformAdmin,
      mustChangePassword,
      preferences,
      totpEnabled: p.user.totpSecretEnc !== null,
    },
    membership: p.membership,
    organisation: p.organisation,
  };
}

/** The actor a principal acts as, with the permissions of their role in their organisation. */
export function actorFromPrincipal(
  p: ActingPrincipal,
  via: {
    sessionId?: string;
    tokenId?: string;
    allowed?: ReadonlySet<Permission>;
    reauthenticatedAt?: Date | null;
  },
): Actor {
  const granted = [
    ...rolePermissionsIn(p.membership.role, p.organisation),
    ...(p.user.platformAdmin ? PLATFORM_ADMIN_PERMISSIONS : []),
  ];
  const allowed = via.allowed;
  return {
    kind: via.tokenId ? 'token' : 'user',
    userId: p.user.id,
    label: p.user.email,
    organisationId: p.organisation.id,
    role: p.membership.role,
    platformAdmin: p.user.platformAdmin,
    permissions: new Set(allowed ? granted.filter((perm) => allowed.has(perm)) : granted),
    sessionId: via.sessionId ?? null,
    tokenId: via.tokenId ?? null,
    totpEnrolmentRequired: p.organisation.requireTotp && !p.user.totpEnabled,
    mustChangePassword: p.user.mustChangePassword,
    reauthenticatedAt: via.sessionId ? (via.reauthenticatedAt ?? null) : null,
  };
}
