import type { TestRuntime } from '@test/support/database.ts';
import type { TestUser } from '@test/support/factories.ts';
import type { Ctx } from '@/lib/context.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { findPrincipal } from './auth.repository.ts';
import { actingAs, actorFromPrincipal } from './principal.ts';

/**
 * A service context acting as `user` in their organisation, signed in to a browser session that
 * just re-authenticated: the actor a request of theirs gets (the permissions of their role, and
 * platform admin rights only if they have them). For service tests of who may call what.
 */
export async function memberCtx(rt: TestRuntime, user: TestUser): Promise<Ctx> {
  const principal = await findPrincipal(rt.database.db, user.id, user.organisationId);
  if (!principal) {
    throw new Error(`No active membership for ${user.email}`);
  }
  const ctx = systemCtx({ db: rt.database.db, cipher: rt.cipher }, user.organisationId);
  const actor = actorFromPrincipal(actingAs(principal), {
    sessionId: 'test-session',
    reauthenticatedAt: ctx.now(),
  });
  return { ...ctx, actor, meta: { ...ctx.meta, userAgent: 'test' } };
}
